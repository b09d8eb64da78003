// Date ranges as résumés write them: "Jan 2019 – Mar 2021", "January 2019 - Present",
// "2017 – present", "03/2019 - 05/2021", "2019.03 - 2021.05", "2014-2016", "since 2018",
// "Sept. 2020 to date", "Summer 2019", "Q3 2020 - Q1 2023". Months are 1..12; "present" is
// left open here and resolved against an injected as-of date by the caller.

export interface YearMonth {
  y: number;
  m: number;
}

export interface DateRange {
  start: number;
  end: number;
  from: YearMonth;
  /** null = present / current. */
  to: YearMonth | null;
  /** The text has no month for the start ("2017 – present"). */
  yearOnly: boolean;
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
  // Common non-English abbreviations in European résumés.
  ene: 1, janv: 1, févr: 2, fevr: 2, mär: 3, mrz: 3, avr: 4, abr: 4, mai: 5, juin: 6, juil: 7, ago: 8, okt: 10, dez: 12, dic: 12,
};
const SEASONS: Record<string, [number, number]> = { spring: [3, 5], summer: [6, 8], fall: [9, 11], autumn: [9, 11], winter: [1, 2] };

const MONTH_RE = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|ene|janv|f[ée]vr|mär|mrz|avr|abr|mai|juin|juil|ago|okt|dez|dic)\\.?';
const YEAR = "(?:19[5-9]\\d|20[0-4]\\d)";
// One date: "Jan 2019", "January, 2019", "Jan '19", "03/2019", "2019.03", "2019-03", "Summer 2019", "Q3 2020", "2019".
const DATE = `(?:(?:[0-3]?\\d(?:st|nd|rd|th)? )?${MONTH_RE},? ?(?:${YEAR}|'\\d{2})|(?:0?[1-9]|1[0-2])[/.-]${YEAR}|${YEAR}[/.-](?:0[1-9]|1[0-2])|(?:spring|summer|fall|autumn|winter) ${YEAR}|q[1-4] ${YEAR}|${YEAR})`;
/** Words that leave a range open ("Jan 2019 – Present", "01/2014 to Current", "since 2018 till date"). */
export const OPEN_END_WORDS = [
  'present', 'current', 'currently', 'now', 'today', 'to date', 'till date', 'til date', 'until now', 'till now',
  'ongoing', 'onwards', 'date', 'heute', 'actualidad', "aujourd'hui",
];
/** Words and dashes between the two ends of a range. */
const RANGE_WORDS = ['-', '–', '—', 'to', 'until', 'till', 'through', 'thru', '→', '>'];
const alternation = (words: string[]): string =>
  `(?:${[...words].sort((x, y) => y.length - x.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, ' ?')).join('|')})`;
const PRESENT = alternation(OPEN_END_WORDS);
// A dash or word between the two ends, on the line or alone on a line between them ("October
// 2011" / "to" / "August 2015" in a narrow column); or, where flattened text lost the dash
// ("6/2014  Present"), one to three blanks.
const SEP = `(?:[ \\t]?\\n{0,2}[ \\t]?${alternation(RANGE_WORDS)}[ \\t]?\\n{0,2}[ \\t]?|\\s{1,3})`;
const IS_PRESENT = new RegExp(`^${PRESENT}$`, 'i');
// Never the tail of a digit group: "(555) 581-2025" and "581 2025" are phone numbers, not 2025.
const RANGE = new RegExp(`(?<![\\w/.]|\\d[ .-]|\\d\\) ?)(?:(since|from) )?(${DATE})(?:${SEP}(${DATE}|${PRESENT}))?(?![\\w/])`, 'gi');

function parseOne(s: string, isEnd: boolean): { ym: YearMonth; yearOnly: boolean } | null {
  // "01st Oct 2015", "15 March 2019": the day is dropped, months are what experience counts.
  const t = s.toLowerCase().replace(/,/g, '').trim().replace(/^[0-3]?\d(?:st|nd|rd|th)? (?=[a-zäéû])/, '');
  let m = /^q([1-4]) (\d{4})$/.exec(t);
  if (m) { const q = Number(m[1]); return { ym: { y: Number(m[2]), m: isEnd ? q * 3 : q * 3 - 2 }, yearOnly: false }; }
  m = /^(spring|summer|fall|autumn|winter) (\d{4})$/.exec(t);
  if (m) { const [a, b] = SEASONS[m[1]!]!; return { ym: { y: Number(m[2]), m: isEnd ? b : a }, yearOnly: false }; }
  m = /^(\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) return { ym: { y: Number(m[2]), m: Number(m[1]) }, yearOnly: false };
  m = /^(\d{4})[/.-](\d{2})$/.exec(t);
  if (m) return { ym: { y: Number(m[1]), m: Number(m[2]) }, yearOnly: false };
  m = /^(\d{4})$/.exec(t);
  if (m) return { ym: { y: Number(m[1]), m: isEnd ? 12 : 1 }, yearOnly: true };
  m = /^([a-zäéû]+)\.? ?(\d{4}|'\d{2})$/.exec(t);
  if (m) {
    const month = MONTHS[m[1]!];
    if (!month) return null;
    const y = m[2]!.startsWith("'") ? 2000 + Number(m[2]!.slice(1)) : Number(m[2]);
    return { ym: { y: y > 2060 ? y - 100 : y, m: month }, yearOnly: false };
  }
  return null;
}

/** Every date range (or single date) in `text`, with offsets. A lone year is a one-year range. */
export function findDateRanges(text: string): DateRange[] {
  const out: DateRange[] = [];
  for (const match of text.matchAll(RANGE)) {
    const since = match[1];
    const a = parseOne(match[2]!, false);
    if (!a) continue;
    const endText = match[3];
    let to: YearMonth | null;
    if (endText === undefined) {
      if (since) to = null;
      else {
        const single = parseOne(match[2]!, true);
        to = single ? single.ym : a.ym;
      }
    } else if (IS_PRESENT.test(endText)) to = null;
    else {
      const b = parseOne(endText, true);
      if (!b) continue;
      to = b.ym;
    }
    out.push({ start: match.index, end: match.index + match[0].length, from: a.ym, to, yearOnly: a.yearOnly });
  }
  return out;
}

export function monthIndex(ym: YearMonth): number {
  return ym.y * 12 + (ym.m - 1);
}

export function fromMonthIndex(i: number): YearMonth {
  return { y: Math.floor(i / 12), m: (i % 12) + 1 };
}

export function formatYearMonth(ym: YearMonth): string {
  return `${ym.y}-${String(ym.m).padStart(2, '0')}`;
}

export function parseAsOf(s: string): YearMonth | null {
  const m = /^(\d{4})-(\d{2})(?:-\d{2})?$/.exec(s);
  if (!m) return null;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? { y: Number(m[1]), m: month } : null;
}

/**
 * Months covered by the union of inclusive [from, to] month intervals: overlapping or
 * touching positions count once.
 */
export function unionMonths(intervals: Array<[number, number]>): number {
  const sorted = intervals.filter(([a, b]) => b >= a).sort((x, y) => x[0] - y[0]);
  let total = 0;
  let curA = -1;
  let curB = -2;
  for (const [a, b] of sorted) {
    if (a > curB + 1) {
      if (curB >= curA && curA >= 0) total += curB - curA + 1;
      curA = a;
      curB = b;
    } else if (b > curB) curB = b;
  }
  if (curA >= 0 && curB >= curA) total += curB - curA + 1;
  return total;
}
