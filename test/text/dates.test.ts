import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findDateRanges, formatYearMonth, unionMonths, parseAsOf } from '../../src/text/dates.ts';

const read = (s: string): Array<[string, string]> => findDateRanges(s).map((r) => [formatYearMonth(r.from), r.to ? formatYearMonth(r.to) : 'present']);

describe('findDateRanges', () => {
  it.each([
    ['Jan 2019 – Mar 2021', [['2019-01', '2021-03']]],
    ['January 2019 - Present', [['2019-01', 'present']]],
    ['2017 – present', [['2017-01', 'present']]],
    ['03/2019 - 05/2021', [['2019-03', '2021-05']]],
    ['2019.03 - 2021.05', [['2019-03', '2021-05']]],
    ['2014-2016', [['2014-01', '2016-12']]],
    ['since 2018', [['2018-01', 'present']]],
    ['Sept. 2020 to date', [['2020-09', 'present']]],
    ['Summer 2019', [['2019-06', '2019-08']]],
    ['Q3 2020 - Q1 2023', [['2020-07', '2023-03']]],
    ["Jan. '19 - Feb. '20", [['2019-01', '2020-02']]],
    ['12/2019 – Current', [['2019-12', 'present']]],
    ['6/2014  Present', [['2014-06', 'present']]],
    ['01st Oct 2015 till date', [['2015-10', 'present']]],
    ['15 March 2019 - 30 June 2021', [['2019-03', '2021-06']]],
    ['Engineer, Acme (May 2019)', [['2019-05', '2019-05']]],
    ['October 2011\nto\nAugust 2015', [['2011-10', '2015-08']]],
    ['01/2014 to Current', [['2014-01', 'present']]],
    ['Jan 2019 - Till Date', [['2019-01', 'present']]],
    ['June 2015 - Now', [['2015-06', 'present']]],
    ['Mar 2018 onwards', [['2018-03', 'present']]],
    ['May 2016 to date', [['2016-05', 'present']]],
  ])('%s', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it.each([['+44 7700 900412'], ['call 555-0163'], ['v2.0.1'], ['up 18%'], ['(555) 581-2025'], ['555-581-2025'], ['555 581 2025'], ['Python 3.10']])('not a date: %s', (text) => {
    expect(read(text)).toEqual([]);
  });
});

describe('unionMonths', () => {
  it.each<[string, Array<[number, number]>, number]>([
    ['one interval, both ends inclusive', [[0, 26]], 27],
    ['overlapping jobs count once', [[0, 23], [12, 35]], 36],
    ['a gap is not counted', [[0, 11], [24, 35]], 24],
    ['touching intervals', [[0, 11], [12, 23]], 24],
    ['nested', [[0, 35], [6, 12]], 36],
    ['empty', [], 0],
  ])('%s', (_name, intervals, months) => {
    expect(unionMonths(intervals)).toBe(months);
  });

  it('property: order never matters, and the union is at most the sum and at least the longest', () => {
    const interval = fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 60 })).map(([a, len]) => [a, a + len] as [number, number]);
    fc.assert(fc.property(fc.array(interval, { maxLength: 12 }), fc.integer(), (ivs, seed) => {
      const shuffled = [...ivs].sort((x, y) => ((x[0] * 31 + seed) % 7) - ((y[0] * 31 + seed) % 7));
      const u = unionMonths(ivs);
      expect(unionMonths(shuffled)).toBe(u);
      expect(u).toBeLessThanOrEqual(ivs.reduce((n, [a, b]) => n + b - a + 1, 0));
      expect(u).toBeGreaterThanOrEqual(Math.max(0, ...ivs.map(([a, b]) => b - a + 1)));
    }));
  });
});

describe('parseAsOf', () => {
  it('reads YYYY-MM-DD and YYYY-MM and rejects the rest', () => {
    expect(parseAsOf('2026-11-01')).toEqual({ y: 2026, m: 11 });
    expect(parseAsOf('2026-11')).toEqual({ y: 2026, m: 11 });
    expect(parseAsOf('2026-13-01')).toBeNull();
    expect(parseAsOf('yesterday')).toBeNull();
  });
});
