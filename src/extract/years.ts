// Years of experience and recency in requirement text. What each wording asks:
//
//   wording                                    minYears  maxYears
//   "5+ years", "5 plus years", "5-plus years"      5        -
//   "at least five years", "minimum of 3 yrs"       5 / 3    -
//   "over 3 years", "more than 3 years"             3        -
//   "3-5 years", "3 to 5 years", "3–5 yrs"          3        5     (the maximum is a hint)
//   "between 2 and 4 years"                         2        4
//   "5-7 years", "Two to five (2-5) years"          5 / 2    7 / 5
//   "2.5 years", "2,5 jaar"-style decimals          2.5      -
//   "two or more years", "7 years or more"          2 / 7    -
//   "6 months", "6 months to 1 year"                0.5      - / 1
//   "0-2 years", "up to 2 years", "max. 2 years",   0        2     (no experience passes)
//   "less than 2 years"
//   "no experience required", "freshers welcome",   0        -
//   "experience not required", "starters welcome"
//
// A line that offers alternatives ("BS with 5 years or MS with 3 years", "freshers or 2-4 years in
// sales") asks for the lowest of them. Rejects "5 years ago", "in two years", "over the past 10
// years we ...", "a 2 year contract", "4-year degree", "up to 4 years of service".

import { SpanIndex } from '../text/spans.ts';

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20,
};
const WORDS = 'an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty';
/** A number of years: digits (a decimal point or comma: "2.5", "2,5"), or a word one..twenty. */
const NUM = `\\d{1,2}(?:[.,]\\d)?|(?:${WORDS})\\b`;
/** The first number of a phrase: not the tail of a longer number ("1,000", "10.5"), not inside a word ("someone"). */
const NUM_FIRST = `(?<![\\d.,])\\d{1,2}(?:[.,]\\d)?|\\b(?:${WORDS})\\b`;

export function toNumber(s: string): number | null {
  const k = s.toLowerCase();
  if (k in NUMBER_WORDS) return NUMBER_WORDS[k]!;
  const n = Number(k.replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

const RECENCY = new RegExp(`\\b(?:in|within|during|over|from) the (?:last|past|previous) (${NUM}) ?(?:years?|yrs?)\\b|\\bin the last year\\b`, 'giu');

/** Words before a number: a minimum ("at least"), a maximum ("up to"), a range ("between"), or neither ("around"). */
const PRE = '(at least|a minimum of|minimum of|minimum|min\\.?|over|more than|in excess of|no less than|not less than|up to|upto|upwards of|a max(?:imum)? of|maximum of|maximum|max\\.?|less than|fewer than|under|between|approximately|approx\\.?|around|about|roughly|ca\\.)';
const PAREN = '(?: ?\\(\\d{1,2}(?: ?[-–] ?\\d{1,2})?\\+?\\))?';
const RANGE_SEP = '(?:-|–|—|to|or|and|until|till)';
const YEARS = new RegExp(
  `(?:\\b${PRE}:? )?(${NUM_FIRST})${PAREN}(?: ?(\\+|plus|-plus))?(?: ?${RANGE_SEP} ?(${NUM})${PAREN}\\+?)?( or more| or greater| or above| and above| and up)?${PAREN}(-| ?)(?:full[ -]time |professional |relevant |solid |proven |hands-on )?(?:years?|yrs?)(?![\\p{L}])\\.?['’]?`,
  'giu',
);
const MONTHS = new RegExp(
  `(?:\\b${PRE}:? )?(${NUM_FIRST})${PAREN}(?: ?(\\+|plus))?(?: ?(?:-|–|to) ?(${NUM}))?(-| ?)months?\\b(?: ?(?:-|–|to) ?(${NUM}) ?(?:years?|yrs?)\\b)?`,
  'giu',
);
/** Wording that accepts someone with no experience at all. */
const NO_MINIMUM = /\bno (?:(?:prior|previous|formal|professional|relevant|work|industry|paid|specific) )*experience(?: is| was)? (?:required|necessary|needed|expected|essential)\b|\bno experience(?:\?|,? no problem)|\b(?:prior |previous |work |relevant )?experience (?:is )?not (?:required|necessary|needed|essential|mandatory|a must)\b|\bwithout (?:any )?(?:prior |previous )?experience\b|\bfreshers?\b|\b(?:recent|fresh|new) (?:graduates?|grads?)(?: are)? (?:welcome|encouraged|(?:may|can|are eligible to) apply)\b|\bstarters?(?: are)? welcome\b/gi;
const NOT_FRESHER_CONTEXT = /\b(?:mentor(?:ing)?|guid(?:e|ing)|train(?:ing)?|coach(?:ing)?|lead(?:ing)?|manag(?:e|ing)|supervis(?:e|ing)|onboard(?:ing)?|hire|hiring|recruit(?:ing)?)\b[^.;]{0,30}$/i;

export interface YearsMatch {
  start: number;
  end: number;
  minYears?: number;
  maxYears?: number;
  /** A phrase that asks for no experience ("no experience required", "freshers welcome"): it scopes nothing. */
  none?: true;
}

export interface RecencyMatch {
  start: number;
  end: number;
  withinYears: number;
}

/** Cheap tests that skip the long expressions on lines that cannot hold what they look for. */
const HAS_YEAR = /year|yrs?\b/i;
const HAS_MONTH = /month/i;
const HAS_NO_MINIMUM = /experience|fresher|graduate|grads|starter/i;

export function findRecency(line: string): RecencyMatch[] {
  const out: RecencyMatch[] = [];
  if (!HAS_YEAR.test(line)) return out;
  for (const m of line.matchAll(RECENCY)) {
    const n = m[1] ? toNumber(m[1]) : 1;
    if (n !== null && n > 0) out.push({ start: m.index, end: m.index + m[0].length, withinYears: n });
  }
  return out;
}

/** After a years phrase: it is not about the candidate's experience. */
const NOT_EXPERIENCE_AFTER = /^\s*(?:ago|old|later|earlier|from now|in a row|running|-?end\b|-?round\b|-?long\b|(?:fixed[- ]term |temporary |initial )?(?:contract|term|warranty|guarantee|visa|lease|probation|secondment|assignment)\b|of (?:age|service|funding|growth|history|operation|existence|heritage|trading|success|innovation|the contract)\b|(?:full[- ]time |part[- ]time |bachelor'?s? |master'?s? |undergraduate |university |college |technical |associate )?(?:college|university|degree|diploma|programme|program|course|curriculum|apprenticeship|cycle|plan|roadmap|journey|warranty|bachelor|master|studies|study|education|training)\b)/i;
const BEFORE_NOT_MINIMUM = /(?:\bin|\bwithin|\bfor the next|\bover the (?:past|last|next)|\bevery|\bafter|\bfor(?: up to)?|\bextension(?: of)?(?: up to)?) ?$/i;
const EXPERIENCE_AFTER = /^\s*(?:\(|(?:of|in|with|on|at|as|experience|exp|work|working|professional|relevant|industry|hands|post|programming|development|track)\b)/i;
/** "1-year clinical operations experience", "2-year-experience": experience within a few words. */
const EXPERIENCE_SOON = /^[\s-]?(?:[\p{L}/&]+[\s-]){0,3}(?:experience|exp\b)/iu;

function yearsValue(pre: string, a: number, b: number | null): { minYears?: number; maxYears?: number } {
  if (pre === 'up to' || pre === 'upto' || /^(?:a max|max|less|fewer|under)/.test(pre)) return { minYears: 0, maxYears: b !== null && b > a ? b : a };
  if (b !== null && b > a) return { minYears: a, maxYears: b };
  return { minYears: a };
}

/** Years requirements, skipping those inside recency phrases and non-requirement uses. */
export function findYears(line: string, recency: RecencyMatch[] = findRecency(line)): YearsMatch[] {
  const out: YearsMatch[] = [];
  const inRecency = new SpanIndex(recency);
  const inMonths: YearsMatch[] = [];
  const years = HAS_YEAR.test(line);
  if (!years && !HAS_MONTH.test(line) && !HAS_NO_MINIMUM.test(line)) return out;
  for (const m of HAS_MONTH.test(line) ? line.matchAll(MONTHS) : []) {
    const start = m.index;
    const end = start + m[0].length;
    const after = line.slice(end, end + 40);
    // "6+ months of experience", "minimum of 6 months experience within ..." (not "a 12 month contract").
    if (NOT_EXPERIENCE_AFTER.test(after) || !EXPERIENCE_AFTER.test(after) && !m[6]) continue;
    if (BEFORE_NOT_MINIMUM.test(line.slice(Math.max(0, start - 24), start)) || /^\s*(?:of|after) (?:hire|hiring|joining|start)/i.test(after)) continue;
    if (/^an?$/i.test(m[2]!)) continue;
    const a = toNumber(m[2]!);
    const b = m[4] ? toNumber(m[4]) : null;
    const yearsTo = m[6] ? toNumber(m[6]) : null;
    if (a === null || a > 60) continue;
    const r = yearsValue((m[1] ?? '').toLowerCase(), a / 12, yearsTo ?? (b !== null ? b / 12 : null));
    inMonths.push({ start, end, ...roundYears(r) });
  }
  const months = new SpanIndex(inMonths);
  for (const m of years ? line.matchAll(YEARS) : []) {
    const start = m.index;
    const end = start + m[0].length;
    if (inRecency.overlaps({ start, end }) || months.overlaps({ start, end })) continue;
    const after = line.slice(end, end + 40);
    const before = line.slice(Math.max(0, start - 24), start);
    if (NOT_EXPERIENCE_AFTER.test(after)) continue;
    if ((BEFORE_NOT_MINIMUM.test(before) || /\bgrown\b/i.test(before)) && !EXPERIENCE_AFTER.test(after)) continue;
    const pre = (m[1] ?? '').toLowerCase();
    const a = toNumber(m[2]!);
    const b = m[4] ? toNumber(m[4]) : null;
    if (a === null || a > 40 || (b !== null && b > 40)) continue;
    // "a year" / "an year" only counts with "of experience" after it; so does a hyphenated "4-year"
    // ("a 4-year degree" is not experience) and a number glued to a word ("Kubernetes2+ years").
    const hyphen = m[6] === '-';
    const glued = start > 0 && /\p{L}/u.test(line[start - 1]!) && !m[1];
    if ((/^an?$/i.test(m[2]!) || hyphen || glued) && !EXPERIENCE_AFTER.test(after) && !EXPERIENCE_SOON.test(after)) continue;
    // "up to 4 years" with nothing about experience after it is about something else (benefits, terms).
    if ((pre === 'up to' || pre === 'upto') && !EXPERIENCE_AFTER.test(after) && !/\bexperience\b/i.test(before)) continue;
    out.push({ start, end, ...yearsValue(pre, a, b) });
  }
  for (const m of inMonths) out.push(m); // (not push(...inMonths): a long line may hold any number)
  for (const m of HAS_NO_MINIMUM.test(line) ? line.matchAll(NO_MINIMUM) : []) {
    if (/^fresher/i.test(m[0]) && NOT_FRESHER_CONTEXT.test(line.slice(Math.max(0, m.index - 40), m.index))) continue;
    out.push({ start: m.index, end: m.index + m[0].length, minYears: 0, none: true });
  }
  return out.sort((x, y) => x.start - y.start);
}

function roundYears(r: { minYears?: number; maxYears?: number }): { minYears?: number; maxYears?: number } {
  const round = (x: number): number => Math.round(x * 100) / 100;
  return { ...(r.minYears !== undefined ? { minYears: round(r.minYears) } : {}), ...(r.maxYears !== undefined ? { maxYears: round(r.maxYears) } : {}) };
}

/**
 * The one minimum a line asks for. Usually its first years phrase; when the line offers
 * alternatives ("a BS with 5 years or an MS with 3 years", "freshers or 2-4 years in sales",
 * "0-2 years with a degree, 2-4 years with a diploma") the lowest of them, since any one qualifies;
 * a line that also welcomes someone with no experience asks for none.
 */
export function pickYears(line: string, years: YearsMatch[]): YearsMatch | undefined {
  if (years.length < 2) return years[0];
  let best = years[0]!;
  for (let i = 1; i < years.length; i++) {
    const between = line.slice(years[i - 1]!.end, years[i]!.start);
    // The last joining word before the next phrase is "or" (or a slash), within one sentence.
    const lower = between.toLowerCase();
    const or = Math.max(lower.lastIndexOf(' or '), lower.lastIndexOf('/'));
    // "... or an MS with 3 years", "... or freshers": the "or" leads to the next phrase, not a
    // scope of its own ("3 years of in-house or agency recruiting, including 2 years hiring engineers").
    const alternative = between.length <= 120 && or >= 0 && between.length - or <= 40 && !lower.includes(' and ', or) && !lower.includes(',', or) && !/[.;]\s|\binclud|\bof which\b|\bwithin\b/.test(between);
    if (alternative && (years[i]!.minYears ?? Infinity) < (best.minYears ?? Infinity)) best = years[i]!;
  }
  if ((best.minYears ?? 0) > 0) {
    const zero = years.find((y) => y.none);
    if (zero) return zero;
  }
  return best;
}
