import { describe, expect, it } from 'vitest';
import { insideAny } from '../../src/text/spans.ts';

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
