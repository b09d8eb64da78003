// "Level 2" certificates are not school levels: "A Level 2 Food Hygiene certificate" asks for a
// level-2 food hygiene certificate, not A-levels; a higher food-safety level satisfies it.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine.ts';

const engine = createEngine();
const kindsOf = (line: string): string[] => engine.parsePosting(`Commis Chef\n\nRequirements\n- ${line}`).requirements.map((r) => `${r.kind}${r.degree ? `:${r.degree.level}` : ''}`);

describe('levelled certificates', () => {
  it.each([
    ['A Level 2 Food Hygiene certificate is essential', false],
    ['A level 3 food safety certificate', false],
    ['A-levels or equivalent', true],
    ['A levels in Maths and English', true],
  ])('%s: reads as secondary school: %s', (line, school) => {
    expect(kindsOf(line).includes('education:secondary')).toBe(school);
  });

  it('a résumé\'s "Level 3 Food Safety and Hygiene" holds the food hygiene certificate', () => {
    const m = engine.score('Certifications\nLevel 3 Food Safety and Hygiene for Catering, 2019', 'Commis Chef\n\nRequirements\n- A Level 2 Food Hygiene certificate is essential.', { asOf: '2026-11-01' });
    const cert = m.requirements.find((r) => r.kind === 'certification')!;
    expect(cert.status).toBe('met');
  });
});
