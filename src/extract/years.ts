// Years of experience and recency in requirement text: "5+ years", "at least 3 years",
// "3-5 years", "two years", "minimum of 7 years", "in the last 3 years". Rejects "5 years ago",
// "in two years", "over the past 10 years we ...".

import { SpanIndex } from '../text/spans.ts';

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, twenty: 20,
};
const NUM = '\\d{1,2}(?:\\.\\d)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty';

export function toNumber(s: string): number | null {
  const k = s.toLowerCase();
  if (k in NUMBER_WORDS) return NUMBER_WORDS[k]!;
  const n = Number(k);
  return Number.isFinite(n) ? n : null;
}

const RECENCY = new RegExp(`\\b(?:in|within|during|over|from) the (?:last|past|previous) (${NUM}) ?(?:years?|yrs?)\\b|\\bin the last year\\b`, 'giu');
const YEARS = new RegExp(
  `\\b(?:(at least|a minimum of|minimum of|minimum|min\\.?|over|more than|no less than|up to|upwards of|a max(?:imum)? of) )?(${NUM})(?: ?(\\+|plus))?(?: ?(?:-|to|or) ?(${NUM})\\+?)?( or more| or greater)?(?: \\(\\d{1,2}\\))? ?(?:full[ -]time |professional |relevant |solid |proven )?(?:years?|yrs?)\\b['’]?`,
  'giu',
);

export interface YearsMatch {
  start: number;
  end: number;
  minYears?: number;
  maxYears?: number;
}

export interface RecencyMatch {
  start: number;
  end: number;
  withinYears: number;
}

export function findRecency(line: string): RecencyMatch[] {
  const out: RecencyMatch[] = [];
  for (const m of line.matchAll(RECENCY)) {
    const n = m[1] ? toNumber(m[1]) : 1;
    if (n !== null && n > 0) out.push({ start: m.index, end: m.index + m[0].length, withinYears: n });
  }
  return out;
}

/** Years requirements, skipping those inside recency phrases and non-requirement uses. */
export function findYears(line: string, recency: RecencyMatch[] = findRecency(line)): YearsMatch[] {
  const out: YearsMatch[] = [];
  const inRecency = new SpanIndex(recency);
  for (const m of line.matchAll(YEARS)) {
    const start = m.index;
    const end = start + m[0].length;
    if (inRecency.overlaps({ start, end })) continue;
    const after = line.slice(end, end + 12).toLowerCase();
    const before = line.slice(Math.max(0, start - 16), start).toLowerCase();
    if (/^\s*(?:ago|old|later|earlier|from now|in a row|running)/.test(after)) continue;
    if ((/(?:\bin|\bwithin|\bfor the next|\bover the (?:past|last|next)|\bevery|\bafter) ?$/.test(before) || /\bgrown\b/.test(before)) && !/^\s*(?:of|experience)/.test(after)) continue;
    const pre = (m[1] ?? '').toLowerCase();
    const a = toNumber(m[2]!);
    const b = m[4] ? toNumber(m[4]) : null;
    if (a === null || a > 40 || (b !== null && b > 40)) continue;
    // "a year" / "an year" only counts with "of experience" after it.
    if (/^an?$/i.test(m[2]!) && !/^\s*(?:of|experience)/.test(after)) continue;
    const r: YearsMatch = { start, end };
    if (pre === 'up to' || /^a max/.test(pre)) r.maxYears = a;
    else if (b !== null && b > a) { r.minYears = a; r.maxYears = b; }
    else r.minYears = a;
    out.push(r);
  }
  return out;
}
