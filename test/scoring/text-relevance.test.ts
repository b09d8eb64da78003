// Text relevance: one-sided coverage of the posting's weighted terms by the experience text
// (monotone in added experience, blind to personal-attribute lines), the closest position, and
// experience scoped to a function counted from the positions of that function.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createEngine } from '../../src/engine.ts';
import { compileCandidateTerms, compileRoleTerms, textRelevance, type CandidateTerms } from '../../src/scoring/text-relevance.ts';
import type { ResumeProfile } from '../../src/domain/resume.ts';
import { scopeFunction } from '../../src/extract/occupation.ts';

const engine = createEngine();
const tax = engine.taxonomy;
const AS_OF = { asOf: '2026-11-01' };
const posting = 'Payroll Specialist\n\nResponsibilities\n- Run the fortnightly payroll and reconcile the payroll ledger\n- Answer employee queries about deductions and pensions\n\nRequirements\n- 2+ years of payroll experience\n- Experience with ADP';
const payroll = 'Experience\nPayroll Administrator 01/2019 - 10/2026\nNorthwind Ledger LLP, Boston, MA\nRan the fortnightly payroll for 400 employees, reconciled the payroll ledger and answered queries about deductions and pensions in ADP.';
const barista = 'Experience\nBarista 01/2019 - 10/2026\nBlue Door Cafe, Boston, MA\nMade espresso drinks and kept the counter clean.';

describe('text relevance', () => {
  const role = engine.role(posting);

  it('the experience that does the posting\'s work covers more of it, and the explanation names it', () => {
    const a = engine.score(payroll, posting, AS_OF);
    const b = engine.score(barista, posting, AS_OF);
    expect(a.textRelevance.score!).toBeGreaterThan(b.textRelevance.score! + 0.3);
    expect(a.textRelevance.closest?.title).toBe('Payroll Administrator');
    expect(a.textRelevance.detail).toMatch(/closest experience: Payroll Administrator, Northwind Ledger LLP, 2019–/);
    expect(a.textRelevance.evidence[0]!.source).toBe('resume');
  });

  it('is one-sided: any added terms never lower it (property)', () => {
    const rt = compileRoleTerms(tax, role.profile);
    const own = (lists: string[][]): CandidateTerms => compileCandidateTerms({ positions: lists.map((terms) => ({ terms })) } as unknown as ResumeProfile);
    const stems = fc.array(fc.oneof(fc.constantFrom(...rt.terms!), fc.string({ minLength: 2, maxLength: 8 })), { maxLength: 40 });
    fc.assert(fc.property(fc.array(stems, { maxLength: 4 }), stems, (lists, extra) => {
      const before = textRelevance(rt, own(lists), 0.4)!;
      expect(textRelevance(rt, own([...lists, extra]), 0.4)!).toBeGreaterThanOrEqual(before);
      expect(textRelevance(rt, own(lists.map((l, i) => (i === 0 ? [...l, ...extra] : l))), 0.4)!).toBeGreaterThanOrEqual(before);
    }));
  });

  it('never reads personal-attribute lines', () => {
    const withPersonal = payroll.replace('Northwind Ledger LLP, Boston, MA\n', 'Northwind Ledger LLP, Boston, MA\nDate of birth: 1990; Nationality: payroll ledger pensions\n');
    expect(engine.score(withPersonal, posting, AS_OF).textRelevance.score).toBe(engine.score(payroll, posting, AS_OF).textRelevance.score);
  });

  it('a posting with no terms leaves everyone alike', () => {
    const cand = compileCandidateTerms({ positions: [{ terms: ['payrol'] }] } as unknown as ResumeProfile);
    expect(textRelevance({ hashes: new Int32Array(), weights: new Float64Array(), total: 0 }, cand, 0.4)).toBeNull();
  });
});

describe('experience scoped to a function', () => {
  it.each([
    ['as a Chef de Partie', null, 'hospitality'],
    ['in an HR generalist or recruitment role', null, 'hr'],
    ['managing commercial construction projects', null, 'construction'],
    ['relevant', 'software', 'software'],
    ['industry', 'accounting', 'accounting'],
    ['professional', 'software', undefined],
    ['Java', null, 'software'],
    ['total', 'software', undefined],
  ] as const)('%s (role %s) → %s', (scope, role, fn) => {
    expect(scopeFunction(tax, scope, role)).toBe(fn);
  });

  it('counts months from the positions of that function, not total experience', () => {
    const chefPosting = 'Chef de Partie\n\nRequirements\n- 3 years of experience as a Chef de Partie\n';
    const chef = 'Experience\nChef de Partie 01/2021 - 10/2026\nHarbor Grill, Portland, OR\nRan the sauce section.';
    const clerk = 'Experience\nAccounts Clerk 01/2015 - 10/2026\nAvery Books, Salem, OR\nKept the ledgers.';
    const line = (text: string) => engine.score(text, chefPosting, AS_OF).requirements.find((r) => r.kind === 'experience')!;
    expect(engine.parsePosting(chefPosting).requirements.find((r) => r.kind === 'experience')!.scope?.function).toBe('hospitality');
    expect(line(chef).status).toBe('met');
    expect(line(chef).detail).toMatch(/Hospitality/);
    expect(line(clerk).credit).toBe(0);
  });
});
