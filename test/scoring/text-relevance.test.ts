// Text relevance: one-sided coverage of the posting's weighted terms by the experience text
// (monotone in added experience, blind to personal-attribute lines), the closest position, and
// experience scoped to a function counted from the positions of that function.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createEngine } from '../../src/engine.ts';
import { compileRoleTerms, textRelevance } from '../../src/scoring/text-relevance.ts';
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
    const hashes = fc.array(fc.integer({ min: 0, max: 2 ** 30 - 1 }), { maxLength: 60 });
    fc.assert(fc.property(hashes, hashes, (a, extra) => {
      const own = [...new Set([...a, ...Array.from(rt.hashes.slice(0, a.length % 7))])].sort((x, y) => x - y);
      const more = [...new Set([...own, ...extra])].sort((x, y) => x - y);
      expect(textRelevance(rt, Int32Array.from(more), 0.4)!).toBeGreaterThanOrEqual(textRelevance(rt, Int32Array.from(own), 0.4)!);
    }));
  });

  it('never reads personal-attribute lines', () => {
    const withPersonal = payroll.replace('Northwind Ledger LLP, Boston, MA\n', 'Northwind Ledger LLP, Boston, MA\nDate of birth: 1990; Nationality: payroll ledger pensions\n');
    expect(engine.score(withPersonal, posting, AS_OF).textRelevance.score).toBe(engine.score(payroll, posting, AS_OF).textRelevance.score);
  });

  it('a posting with no terms leaves everyone alike', () => {
    expect(textRelevance({ hashes: new Int32Array(), weights: new Float64Array(), total: 0 }, new Int32Array([1, 2]), 0.4)).toBeNull();
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
