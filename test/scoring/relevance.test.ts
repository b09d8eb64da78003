// Role relevance: its arithmetic (bounds, monotone in relevant experience, unknowns neutral) and
// how it scales a match, with the titles in both documents as evidence.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createEngine } from '../../src/engine.ts';
import { relevanceFactor, roleRelevance, type CandidateOccupation } from '../../src/scoring/relevance.ts';

const engine = createEngine();
const occ = engine.taxonomy.occupations;
const w = engine.scoring.weights;
const n = occ.functions.length;
const fnArb = fc.integer({ min: 0, max: n - 1 });

/** A candidate's functions as compileOccupation would give them (months per distinct function). */
const candidateArb = fc.record({
  jobs: fc.array(fc.record({ fn: fnArb, months: fc.integer({ min: 1, max: 240 }) }), { maxLength: 6 }),
  recent: fc.integer({ min: -1, max: n - 1 }),
  headline: fc.integer({ min: -1, max: n - 1 }),
}).map(({ jobs, recent, headline }): CandidateOccupation => {
  const by = new Map<number, number>();
  for (const j of jobs) by.set(j.fn, (by.get(j.fn) ?? 0) + j.months);
  const fns = [...by.keys()];
  const months = fns.map((f) => by.get(f)!);
  return { fns, months, total: months.reduce((a, b) => a + b, 0), recent: fns.length ? (recent >= 0 && by.has(recent) ? recent : fns[0]!) : -1, recentPosition: -1, headline, monthsFor: new Map(), dated: true };
});

describe('role relevance', () => {
  it('stays in [0, 1], and the factor in [floor, 1]', () => {
    fc.assert(fc.property(candidateArb, fnArb, (c, fn) => {
      const r = roleRelevance(occ, w, c, fn);
      if (r !== null) {
        expect(r).toBeGreaterThanOrEqual(0);
        expect(r).toBeLessThanOrEqual(1 + 1e-9);
      }
      const f = relevanceFactor(w, fn, r);
      expect(f).toBeGreaterThanOrEqual(w.relevance.floor - 1e-9);
      expect(f).toBeLessThanOrEqual(1 + 1e-9);
    }));
  });

  it('more months in the role\'s own function, as the latest job, never lower it', () => {
    fc.assert(fc.property(candidateArb, fnArb, fc.integer({ min: 1, max: 120 }), (c, fn, extra) => {
      const before = roleRelevance(occ, w, c, fn) ?? 0;
      const i = c.fns.indexOf(fn);
      const fns = i >= 0 ? c.fns : [...c.fns, fn];
      const months = i >= 0 ? c.months.map((m, k) => (k === i ? m + extra : m)) : [...c.months, extra];
      const after = roleRelevance(occ, w, { ...c, fns, months, total: c.total + extra, recent: fn }, fn)!;
      expect(after).toBeGreaterThanOrEqual(before - 1e-9);
    }));
  });

  it('an unknown role changes nothing; an unknown candidate gets the neutral value', () => {
    expect(relevanceFactor(w, -1, null)).toBe(1);
    expect(relevanceFactor(w, -1, 0)).toBe(1);
    const empty: CandidateOccupation = { fns: [], months: [], total: 0, recent: -1, recentPosition: -1, headline: -1, monthsFor: new Map(), dated: true };
    expect(roleRelevance(occ, w, empty, 0)).toBeNull();
    expect(relevanceFactor(w, 0, null)).toBeCloseTo(w.relevance.floor + (1 - w.relevance.floor) * w.relevance.unknown, 9);
    // No dated position and no headline: no work shown in any function.
    expect(roleRelevance(occ, w, { ...empty, dated: false }, 0)).toBe(0);
  });
});

describe('relevance in a match', () => {
  const posting = 'Staff Accountant\n\nRequirements\n- Bachelor\'s degree\n- 3+ years of experience\n';
  const accountant = 'Experience\nStaff Accountant 01/2016 - 10/2026\nNorthwind Ledger LLP, Boston, MA\nPrepared journal entries and month-end close.\nEducation\nBachelor of Science in Accounting, 2015';
  const cook = 'Experience\nLine Cook 01/2016 - 10/2026\nHarbor Grill, Boston, MA\nPrepared sauces and ran the grill station.\nEducation\nBachelor of Arts in History, 2015';

  it('with generic must-haves both meet, the one in the field ranks first, and the titles explain why', () => {
    const a = engine.score(accountant, posting, { asOf: '2026-11-01' });
    const b = engine.score(cook, posting, { asOf: '2026-11-01' });
    expect(a.gates.passed && b.gates.passed).toBe(true);
    expect(a.score).toBeGreaterThan(b.score + 30);
    expect(a.relevance.score).toBe(1);
    expect(b.relevance.score).toBe(0);
    expect(b.relevance.factor).toBe(w.relevance.floor);
    expect(b.summary).toMatch(/different field/);
    expect(a.relevance.evidence.map((e) => e.source).sort()).toEqual(['posting', 'resume']);
    expect(a.relevance.detail).toMatch(/Staff Accountant/);
  });
});
