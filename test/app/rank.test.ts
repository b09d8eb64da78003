// The application layer's ranking verbs: the rows every face shows, best first with ties by id,
// the same as explaining every pair and sorting; filters spelled any way find the same roles.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEngine, rankCandidates, rankRoles, roleSet, scorePair, scoreRoles } from '../../src/index.ts';
import { asOfOption, CLI, REQUEST, weightsOption } from '../../src/app/index.ts';

const SAMPLES = new URL('../../data/samples/', import.meta.url).pathname;
const engine = createEngine();
const read = (sub: string) => readdirSync(`${SAMPLES}${sub}`).sort().map((f) => ({ id: f.replace(/\.txt$/, ''), text: readFileSync(`${SAMPLES}${sub}/${f}`, 'utf8') }));
const postings = read('postings').map((p) => ({ id: p.id, profile: engine.parsePosting(p.text) }));
const resumes = read('resumes').map((r) => ({ id: r.id, candidate: engine.candidate(r.text, { asOf: '2026-11' }) }));
const set = roleSet(engine, postings);

describe('app: rank', () => {
  it('rankRoles gives the rows of explaining every role and sorting (score desc, id asc)', () => {
    for (const { candidate } of resumes.slice(0, 6)) {
      const brute = set.ids.map((id, i) => ({ id, score: scorePair(engine, candidate, set.roles[i]!).score }))
        .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)).slice(0, 5);
      const rows = rankRoles(engine, set, candidate, { top: 5 }).results;
      expect(rows.map((r) => [r.id, r.score])).toEqual(brute.map((r) => [r.id, r.score]));
      for (const r of rows) {
        expect(r.summary).toMatch(/\/100/);
        expect(r.ceiling).toBeGreaterThanOrEqual(r.score);
        expect(r.title).not.toBeUndefined();
      }
    }
  });

  it('rankCandidates orders candidates by score, applies minScore and passingOnly, and has no title', () => {
    const role = set.roles[0]!;
    const all = rankCandidates(engine, resumes.map((r) => [r.id, r.candidate] as [string, typeof r.candidate]), role, {}).results;
    expect(all).toHaveLength(resumes.length);
    expect(all.map((r) => r.score)).toEqual([...all.map((r) => r.score)].sort((a, b) => b - a));
    expect(all.every((r) => r.title === null)).toBe(true);
    const passing = rankCandidates(engine, resumes.map((r) => [r.id, r.candidate] as [string, typeof r.candidate]), role, { passingOnly: true, minScore: 10 }).results;
    expect(passing.every((r) => r.gates.passed && r.score >= 10)).toBe(true);
    expect(passing.map((r) => r.id)).toEqual(all.filter((r) => r.gates.passed && r.score >= 10).map((r) => r.id));
  });

  it.each([
    { filter: { country: 'de' }, same: { country: 'DE' } },
    { filter: { city: ' BERLIN ' }, same: { city: 'berlin' } },
    { filter: { employmentType: 'Full time' }, same: { employmentType: 'full-time' } },
    { filter: { workMode: 'onsite' }, same: { workMode: 'on-site' } },
  ])('scoreRoles and rankRoles read the filter $filter as $same', ({ filter, same }) => {
    const c = resumes[0]!.candidate;
    const a = scoreRoles(engine, set, c, { filter }).map((p) => p.id);
    expect(a.length).toBeGreaterThan(0);
    expect(a.length).toBeLessThan(set.ids.length);
    expect(scoreRoles(engine, set, c, { filter: same }).map((p) => p.id)).toEqual(a);
    expect(rankRoles(engine, set, c, { filter }).results.map((r) => r.id).sort()).toEqual([...a].sort());
  });
});

describe('app: options', () => {
  it.each([
    { s: '2026-11-15', want: { y: 2026, m: 11 } },
    { s: '2026-02', want: { y: 2026, m: 2 } },
    { s: 'document', want: 'document' },
  ])('asOf $s', ({ s, want }) => expect(asOfOption(s, CLI)).toEqual(want));

  it.each(['2026-13', 'yesterday', '26-11-01', 'documents'])('refuses asOf %s with the asker\'s code', (s) => {
    expect(() => asOfOption(s, CLI)).toThrow(expect.objectContaining({ code: 'USAGE', message: expect.stringContaining('--as-of') }));
    expect(() => asOfOption(s, REQUEST)).toThrow(expect.objectContaining({ code: 'REQUEST_INVALID' }));
  });

  it('reads weights from an object or its JSON, and refuses bad ones', () => {
    expect(weightsOption('{"gateCap": 70}', CLI)).toEqual({ gateCap: 70 });
    expect(weightsOption({ gateCap: 70 }, REQUEST)).toEqual({ gateCap: 70 });
    expect(weightsOption(undefined, REQUEST)).toBeUndefined();
    expect(() => weightsOption('{nope', CLI)).toThrow(expect.objectContaining({ code: 'USAGE', message: expect.stringContaining('--weights') }));
    expect(() => weightsOption({ colour: 1 }, REQUEST)).toThrow(expect.objectContaining({ code: 'REQUEST_INVALID' }));
  });
});
