// Property tests: no input text crashes the parsers, and every span they return points inside
// the text they were given.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createEngine } from '../../src/engine.ts';

const engine = createEngine();
const pieces = ['Jan 2019 – Present', '2014-2016', '13/2019', 'Summer 2020', 'since 2018', 'Senior Engineer', 'Acme Corp, Berlin', 'EXPERIENCE', 'Education', 'BSc Computer Science', 'Python (3 years)', 'Fluent English', 'Led a team of 5', '• ', '\n', '\n\n', '   ', '\t', 'Requirements', 'Nice to have:', '5+ years of Java', 'C++ or C#', 'R&D', '(', ')', ',', ':', 'é', '\u200b', '\x95'];
const doc = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 12 })), { maxLength: 60 }).map((xs) => xs.join(' '));

describe('parsers never crash', () => {
  it('parseResume', () => {
    fc.assert(fc.property(doc, (text) => {
      const p = engine.parseResume(text, { asOf: '2026-11-01' });
      expect(p.experience.totalMonths).toBeGreaterThanOrEqual(0);
      for (const s of p.skills) for (const m of s.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
      for (const pos of p.positions) expect(pos.span.end).toBeLessThanOrEqual(text.length);
    }), { numRuns: 300 });
  });

  it('parsePosting', () => {
    fc.assert(fc.property(doc, (text) => {
      const p = engine.parsePosting(text);
      for (const r of p.requirements) expect(text.slice(r.span.start, r.span.end)).toBe(r.text);
    }), { numRuns: 300 });
  });
});
