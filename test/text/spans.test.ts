import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { firstEndingAfter, insideAny, SpanIndex } from '../../src/text/spans.ts';

describe('insideAny', () => {
  const spans = [{ start: 10, end: 20 }, { start: 40, end: 50 }];
  it.each([
    [{ start: 10, end: 20 }, true],
    [{ start: 12, end: 15 }, true],
    [{ start: 40, end: 50 }, true],
    [{ start: 5, end: 15 }, false], // straddles the start
    [{ start: 15, end: 25 }, false], // straddles the end
    [{ start: 18, end: 42 }, false], // spans the gap
    [{ start: 25, end: 30 }, false],
  ])('%o inside -> %s', (s, want) => expect(insideAny(s, spans)).toBe(want));
  it('nothing is inside no spans', () => expect(insideAny({ start: 0, end: 1 }, [])).toBe(false));
});

describe('SpanIndex answers as a scan would', () => {
  const span = fc.tuple(fc.nat(60), fc.nat(20)).map(([start, len]) => ({ start, end: start + len }));
  it('covers, overlaps, containing', () => {
    fc.assert(fc.property(fc.array(span, { maxLength: 30 }), fc.array(span, { maxLength: 20 }), (spans, queries) => {
      const index = new SpanIndex(spans);
      for (const q of queries) {
        expect(index.covers(q)).toBe(insideAny(q, spans));
        expect(index.overlaps(q)).toBe(spans.some((s) => q.start < s.end && s.start < q.end));
        const want = spans.flatMap((s, i) => (q.start >= s.start && q.end <= s.end ? [i] : []));
        expect(index.containing(q).sort((a, b) => a - b)).toEqual(want);
      }
    }), { numRuns: 300 });
  });

  it('firstEndingAfter finds the first line reaching past a position', () => {
    const lines = [{ start: 0, end: 5 }, { start: 6, end: 10 }, { start: 12, end: 20 }];
    expect([0, 4, 5, 6, 10, 11, 19, 20].map((p) => firstEndingAfter(lines, p))).toEqual([0, 0, 1, 1, 2, 2, 2, 3]);
  });
});
