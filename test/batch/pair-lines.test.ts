// All-pairs lines written as bytes: the same bytes as formatResult's, for NDJSON and CSV, on
// ids that need escaping or quoting and on every score the blend can give (and some it cannot).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatResult } from '../../src/batch/format.ts';
import { PairLines } from '../../src/batch/pair-lines.ts';
import type { PairScore } from '../../src/app/index.ts';

const text = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');

describe('PairLines', () => {
  const awkward = ['p1', 'a,b', 'say "hi"', 'line\nbreak', 'cr\rhere', 'tab\there', 'ünïcödé ✓', '', ' spaced ', '\\back\\', '=SUM(A1)', '\u2028'];

  for (const format of ['ndjson', 'csv'] as const) {
    it(`writes ${format} lines equal to formatResult's, awkward ids included`, () => {
      const pairs: PairScore[] = awkward.map((id, i) => ({ id, score: [0, 0.3, 19.9, 100, 7, 55.5][i % 6]!, passed: i % 2 === 0, ...(i % 2 === 1 && i % 3 ? { failed: [`req-${i}`, awkward[i]!] } : {}) }));
      const lines = new PairLines(format, awkward.slice(0, 5)); // the rest are met only in the pairs
      for (const resumeId of ['r1', 'x,"y"', 'ü\n']) {
        expect(text(lines.encode(resumeId, pairs))).toBe(formatResult({ resumeId, mode: 'all', pairs }, format));
      }
    });

    it(`writes every score as String() does (${format})`, () => {
      fc.assert(fc.property(
        fc.array(fc.record({
          id: fc.string({ maxLength: 8 }),
          // Blended scores are tenths in 0–100; any other number is written by String() too.
          score: fc.oneof(fc.integer({ min: 0, max: 1000 }).map((t) => Math.round(t) / 10), fc.double({ noNaN: true })),
          passed: fc.boolean(),
          failed: fc.option(fc.array(fc.string({ maxLength: 6 }), { minLength: 1, maxLength: 3 }), { nil: undefined }),
        }).map(({ failed, ...p }) => (failed && !p.passed ? { ...p, failed } : p)), { maxLength: 20 }),
        fc.string({ maxLength: 8 }),
        (pairs, resumeId) => {
          const lines = new PairLines(format, []);
          expect(text(lines.encode(resumeId, pairs))).toBe(formatResult({ resumeId, mode: 'all', pairs }, format));
        },
      ), { numRuns: 500 });
    });
  }

  it('gives each résumé a buffer of its own, so a thread can hand it over', () => {
    const lines = new PairLines('ndjson', ['p1']);
    const a = lines.encode('r1', [{ id: 'p1', score: 1, passed: true }]);
    const b = lines.encode('r2', [{ id: 'p1', score: 2, passed: false }]);
    expect(a.buffer).not.toBe(b.buffer);
    expect(a.byteOffset).toBe(0);
  });
});
