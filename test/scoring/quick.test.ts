// The fast path (quick.ts, on the compact forms) must give exactly scoreMatch's score and gate
// result: on every pair of fixtures, samples and synthetic documents, with the default weights
// and with random per-request overrides of every weight a scorer reads.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ScoringWeights } from '../../src/domain/match.ts';
import { createEngine } from '../../src/engine.ts';
import type { Candidate } from '../../src/scoring/candidate.ts';
import type { Role } from '../../src/scoring/score.ts';
import { rng, syntheticPosting, syntheticResume } from '../helpers/synthetic.ts';

const engine = createEngine();
const AS_OF = { asOf: '2026-11-01' };
const texts = (dir: string): string[] => {
  const path = new URL(dir, import.meta.url).pathname;
  return readdirSync(path).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(path, f), 'utf8'));
};
const r = rng(11);
const candidates: Candidate[] = [
  ...[...texts('../fixtures/resumes/'), ...texts('../fixtures/match/'), ...texts('../../data/samples/resumes/')].map((t) => engine.candidate(t, AS_OF)),
  ...Array.from({ length: 30 }, () => engine.candidate(syntheticResume(r), AS_OF)),
  // "Present" later: recency and years move.
  ...texts('../fixtures/match/').map((t) => engine.candidate(t, { asOf: '2031-06' })),
];
const roles: Role[] = [
  ...[...texts('../fixtures/postings/'), ...texts('../fixtures/seeds/'), ...texts('../../data/samples/postings/')].map((t) => engine.role(t)),
  ...Array.from({ length: 40 }, () => engine.role(syntheticPosting(r))),
];

function expectSame(c: Candidate, role: Role, weights?: Partial<ScoringWeights>): void {
  const failedLines: number[] = [];
  const q = engine.pairScorer(weights)(c, role, failedLines);
  const m = engine.match(c, role, { explain: false, ...(weights ? { weights } : {}) });
  // The same score, gate result and failed gates (by requirement id) as the full scorer.
  expect({ ...q, failed: failedLines.map((l) => role.reqs[l]!.requirement.id) }).toEqual({ score: m.score, passed: m.gates.passed, failed: m.gates.failed });
}

const share = fc.double({ min: 0, max: 1, noNaN: true });
const LEAD = ['mentoring', 'tech-lead', 'people-management', 'architecture', 'project-leadership', 'executive'] as const;
/** Overrides within the ranges weights.ts accepts (every key optional), plus depth factors. */
const overrides: fc.Arbitrary<Partial<ScoringWeights>> = fc.record({
  preferredFactor: fc.double({ min: 0, max: 10, noNaN: true }),
  gateThreshold: share,
  gateCap: fc.double({ min: 0, max: 100, noNaN: true }),
  similarityWeight: share,
  relatedCredit: share,
  childCredit: share,
  listedOnlyCredit: share,
  listedWithoutPositionsCredit: share,
  staleCredit: share,
  relatedFieldCredit: share,
  otherFieldCredit: share,
  degreeBelowCredit: share,
  yearsCreditExponent: fc.double({ min: 0.1, max: 5, noNaN: true }),
  unrecognisedScopeCredit: share,
  languageUnstatedLevelCredit: share,
  languageLevelStepPenalty: share,
  teamSizeUnknownCredit: share,
  overqualifiedYears: fc.integer({ min: 0, max: 50 }),
  overqualifiedDegreeLevels: fc.integer({ min: 0, max: 4 }),
  overqualificationPenalty: share,
  gateShareWeight: share,
  textWeight: fc.double({ min: 0, max: 0.5, noNaN: true }),
  textFullShare: fc.double({ min: 0.01, max: 1, noNaN: true }),
  kinds: fc.record({ skill: fc.double({ min: 0, max: 100, noNaN: true }), experience: fc.double({ min: 0, max: 100, noNaN: true }), education: fc.double({ min: 0, max: 100, noNaN: true }), language: fc.double({ min: 0, max: 100, noNaN: true }), leadership: fc.double({ min: 0, max: 100, noNaN: true }), certification: fc.double({ min: 0, max: 100, noNaN: true }) }, { requiredKeys: [] }),
  equivalentYears: fc.record({ secondary: fc.integer({ min: 0, max: 50 }), bachelor: fc.integer({ min: 0, max: 50 }), master: fc.integer({ min: 0, max: 50 }) }, { requiredKeys: [] }),
  leadershipCredit: fc.dictionary(fc.constantFrom(...LEAD), fc.dictionary(fc.constantFrom(...LEAD), share)),
  relevance: fc.record({ floor: share, weight: fc.double({ min: 0, max: 0.5, noNaN: true }), unknown: share, recentWeight: share, shareWeight: share, monthsWeight: share, months: fc.integer({ min: 1, max: 600 }) }, { requiredKeys: [] }),
  depthFactors: fc.record({ grandchild: share, deeper: share, broadConcept: fc.integer({ min: 1, max: 500 }) }),
}, { requiredKeys: [] }) as fc.Arbitrary<Partial<ScoringWeights>>;

describe('quickScore on the compact forms', () => {
  it('holds many kinds of pairs', () => {
    expect(candidates.length).toBeGreaterThan(70);
    expect(roles.length).toBeGreaterThan(120);
    const kinds = new Set(roles.flatMap((x) => x.profile.requirements.map((q) => q.kind)));
    expect([...kinds].sort()).toEqual(['certification', 'education', 'experience', 'language', 'leadership', 'other', 'skill']);
  });

  it('equals scoreMatch on every pair with the default weights', () => {
    for (const c of candidates) for (const role of roles) expectSame(c, role);
  });

  it('equals scoreMatch with random weight overrides (property)', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: candidates.length - 1 }),
      overrides,
      (ci, o) => {
        // One candidate against every role: each override meets every kind of line.
        for (const role of roles) expectSame(candidates[ci]!, role, o);
      },
    ), { numRuns: 120 });
  });

  it('keeps ask numbers of two taxonomies apart: one candidate against roles two engines compiled, in turn', () => {
    // The other engine numbers the same asks in another order (roles compiled in reverse).
    const other = createEngine();
    const postings = [...texts('../fixtures/postings/'), ...texts('../../data/samples/postings/')];
    const theirs = [...postings].reverse().map((t) => other.role(t)).reverse();
    const ours = postings.map((t) => engine.role(t));
    for (const c of candidates.slice(0, 20)) {
      for (let i = 0; i < ours.length; i++) {
        expectSame(c, ours[i]!);
        expectSame(c, theirs[i]!);
      }
    }
  });
});
