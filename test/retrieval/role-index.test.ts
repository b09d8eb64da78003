// The two-stage ranking must return exactly what scoring every role would: same ids, same
// scores, same order, under filters, score floors, gates and per-request weights.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createEngine } from '../../src/engine.ts';
import { compareRanked, RoleIndex, type RankOptions, type Ranked } from '../../src/retrieval/role-index.ts';
import { quickScore, withOverrides, type Role } from '../../src/scoring/score.ts';
import type { Candidate } from '../../src/scoring/candidate.ts';
import { rng, syntheticPosting, syntheticResume } from '../helpers/synthetic.ts';

const engine = createEngine();
const r = rng(7);
const samples = new URL('../../data/samples/postings/', import.meta.url).pathname;
// Synthetic postings, plus the hand-written samples for wording the generator does not produce
// (professional and leadership scopes, degrees with "or equivalent", languages).
// Clusters of related topics ("Experience with A, B, C and D": credited by the share shown) and
// no-minimum years, which the generator does not write: their bounds must hold too.
const TOPICS = ['Python', 'Java', 'SQL', 'Docker', 'Kubernetes', 'AWS', 'React', 'TypeScript', 'Apache Spark', 'Airflow', 'PostgreSQL', 'Redis', 'Kafka', 'Terraform', 'Go', 'Node.js', 'Tableau', 'Excel', 'Figma', 'Scala', 'Jenkins', 'Linux', 'GCP', 'Azure'];
function clusterPosting(i: number): string {
  const pickN = (n: number): string[] => Array.from({ length: n }, () => TOPICS[Math.floor(r() * TOPICS.length)]!).filter((x, j, a) => a.indexOf(x) === j);
  const list = (xs: string[]): string => `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
  const must = [
    `Experience with ${list(pickN(3 + (i % 4)))}`,
    i % 3 === 0 ? `${1 + (i % 6)}+ years of experience with ${list(pickN(3))}` : `${1 + (i % 6)}+ years of professional experience with ${list(pickN(3))}`,
    `At least two of the following: ${pickN(4).join(', ')}`,
    i % 2 ? '0-2 years of relevant work experience' : `Strong ${pickN(1)[0]} skills`,
  ];
  const nice = [`Familiarity with ${list(pickN(4))}`];
  return `Data Engineer\nAcme · Berlin, Germany (remote)\n\nRequirements\n${must.map((m) => `- ${m}`).join('\n')}\n\nNice to have\n${nice.map((m) => `- ${m}`).join('\n')}\n`;
}
const roles: Array<{ id: string; role: Role }> = [
  ...Array.from({ length: 100 }, (_, i) => ({ id: `p${String(i).padStart(3, '0')}`, role: engine.role(syntheticPosting(r)) })),
  ...Array.from({ length: 40 }, (_, i) => ({ id: `c${String(i).padStart(3, '0')}`, role: engine.role(clusterPosting(i)) })),
  ...readdirSync(samples).sort().map((f) => ({ id: f, role: engine.role(readFileSync(join(samples, f), 'utf8')) })),
];
const resumes = new URL('../../data/samples/resumes/', import.meta.url).pathname;
const candidates: Candidate[] = [
  ...Array.from({ length: 30 }, () => engine.candidate(syntheticResume(r), { asOf: '2026-11-01' })),
  ...readdirSync(resumes).sort().map((f) => engine.candidate(readFileSync(join(resumes, f), 'utf8'), { asOf: '2026-11-01' })),
];

function meta(role: Role) {
  const l = role.profile.location;
  return { country: l.country, city: l.city, workMode: l.workMode, employmentType: role.profile.employmentType };
}

function bruteForce(pool: Array<{ id: string; role: Role }>, c: Candidate, opts: RankOptions): Ranked[] {
  const f = opts.filter ?? {};
  return pool
    .filter(({ role }) => {
      const m = meta(role);
      return (!f.country || m.country === f.country) && (!f.workMode || m.workMode === f.workMode);
    })
    .map(({ id, role }) => ({ id, ...quickScore(engine.taxonomy, opts.weights, c, role) }))
    .filter((x) => x.score >= (opts.minScore ?? 0) && (!opts.passingOnly || x.passed))
    .sort(compareRanked)
    .slice(0, opts.k);
}

describe('RoleIndex', () => {
  it('top-k equals a brute-force scan over every role (property)', () => {
    fc.assert(fc.property(
      fc.subarray(roles.map((_, i) => i), { minLength: 1 }),
      fc.integer({ min: 0, max: candidates.length - 1 }),
      fc.integer({ min: 1, max: 25 }),
      fc.record({
        minScore: fc.option(fc.integer({ min: 0, max: 80 }), { nil: undefined }),
        passingOnly: fc.boolean(),
        country: fc.option(fc.constantFrom('DE', 'ES', 'US', 'GB'), { nil: undefined }),
        workMode: fc.option(fc.constantFrom('remote', 'hybrid', 'on-site'), { nil: undefined }),
        relatedCredit: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
        preferredFactor: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
        skillWeight: fc.option(fc.double({ min: 0, max: 5, noNaN: true }), { nil: undefined }),
      }),
      (subset, ci, k, o) => {
        const index = new RoleIndex(engine.taxonomy);
        const pool = subset.map((i) => roles[i]!);
        for (const { id, role } of pool) index.put(id, role, meta(role));
        const overrides = {
          ...(o.relatedCredit !== undefined ? { relatedCredit: o.relatedCredit } : {}),
          ...(o.preferredFactor !== undefined ? { preferredFactor: o.preferredFactor } : {}),
          ...(o.skillWeight !== undefined ? { kinds: { ...engine.scoring.weights.kinds, skill: o.skillWeight } } : {}),
        };
        const opts: RankOptions = {
          k,
          weights: withOverrides(engine.scoring.weights, overrides),
          minScore: o.minScore,
          passingOnly: o.passingOnly,
          filter: { ...(o.country ? { country: o.country } : {}), ...(o.workMode ? { workMode: o.workMode } : {}) },
        };
        const got = index.rank(candidates[ci]!, opts).results;
        expect(got).toEqual(bruteForce(pool, candidates[ci]!, opts));
        // The index reuses per-query scratch: a second query on it must not see the first.
        const other = candidates[(ci + 1) % candidates.length]!;
        expect(index.rank(other, opts).results).toEqual(bruteForce(pool, other, opts));
      },
    ), { numRuns: 150 });
  });

  it('the cluster roles hold clusters', () => {
    const clusters = roles.filter((x) => x.id.startsWith('c')).flatMap((x) => x.role.profile.requirements).filter((q) => q.minShare !== undefined);
    expect(clusters.length).toBeGreaterThan(60);
    expect(clusters.some((q) => q.kind === 'experience')).toBe(true);
  });

  it('scores only the roles that could win', () => {
    const index = new RoleIndex(engine.taxonomy);
    for (const { id, role } of roles) index.put(id, role, meta(role));
    const total = candidates.reduce((n, c) => n + index.rank(c, { k: 5, weights: engine.scoring.weights }).stats.scored, 0);
    expect(total / candidates.length).toBeLessThan(roles.length * 0.8);
  });

  it('replaces and removes roles', () => {
    const index = new RoleIndex(engine.taxonomy);
    index.put('a', roles[0]!.role, meta(roles[0]!.role));
    index.put('a', roles[1]!.role, meta(roles[1]!.role));
    index.put('b', roles[2]!.role, meta(roles[2]!.role));
    expect(index.size).toBe(2);
    expect(index.role('a')).toBe(roles[1]!.role);
    expect(index.remove('a')).toBe(true);
    expect(index.remove('a')).toBe(false);
    const res = index.rank(candidates[0]!, { k: 10, weights: engine.scoring.weights }).results;
    expect(res.map((x) => x.id)).toEqual(['b']);
  });

  it('stays correct after many removals compact the postings lists', () => {
    const index = new RoleIndex(engine.taxonomy);
    for (let round = 0; round < 12; round++) for (const { id, role } of roles) index.put(`${id}-${round % 3}`, role, meta(role));
    for (const { id } of roles) index.remove(`${id}-1`);
    const pool = [0, 2].flatMap((v) => roles.map(({ id, role }) => ({ id: `${id}-${v}`, role })));
    const opts = { k: 10, weights: engine.scoring.weights };
    for (const c of candidates.slice(0, 5)) expect(index.rank(c, opts).results).toEqual(bruteForce(pool, c, opts));
  });
});
