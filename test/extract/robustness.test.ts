// Property tests: no input text crashes the parsers (a coded input error, such as an HTML page
// with no text, is an answer, not a crash), and every span points inside the text they read.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createEngine } from '../../src/engine.ts';
import { isRolefitError } from '../../src/errors.ts';

const engine = createEngine();
const pieces = ['Jan 2019 – Present', '2014-2016', '13/2019', 'Summer 2020', 'since 2018', 'Senior Engineer', 'Acme Corp, Berlin', 'EXPERIENCE', 'Education', 'BSc Computer Science', 'Python (3 years)', 'Fluent English', 'Led a team of 5', '• ', '\n', '\n\n', '   ', '\t', 'Requirements', 'Nice to have:', '5+ years of Java', 'C++ or C#', 'R&D', '(', ')', ',', ':', 'é', '\u200b', '\x95'];
/** Runs `parse`; a coded INPUT_* error is an acceptable answer and yields undefined. */
function parseOrInputError<T>(parse: () => T): T | undefined {
  try {
    return parse();
  } catch (e) {
    if (isRolefitError(e) && e.code.startsWith('INPUT_')) return undefined;
    throw e;
  }
}

const doc = fc.array(fc.oneof(fc.constantFrom(...pieces, '<p>', '<li>', '</p>'), fc.string({ maxLength: 12 })), { maxLength: 60 }).map((xs) => xs.join(' '));

describe('parsers never crash', () => {
  it('parseResume', () => {
    fc.assert(fc.property(doc, (text) => {
      const r = parseOrInputError(() => engine.parseResumeDocument(text, { asOf: '2026-11-01' }));
      if (!r) return;
      const { profile: p, text: read } = r;
      expect(p.experience.totalMonths).toBeGreaterThanOrEqual(0);
      for (const s of p.skills) for (const m of s.mentions) expect(read.slice(m.start, m.end)).toBe(m.text);
      for (const pos of p.positions) expect(pos.span.end).toBeLessThanOrEqual(read.length);
    }), { numRuns: 300 });
  });

  it('parsePosting', () => {
    fc.assert(fc.property(doc, (text) => {
      const r = parseOrInputError(() => engine.parsePostingDocument(text));
      if (!r) return;
      for (const q of r.profile.requirements) expect(r.text.slice(q.span.start, q.span.end)).toBe(q.text);
    }), { numRuns: 300 });
  });
});
