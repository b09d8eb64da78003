// Sentence and line splitting with offsets. Lines are hard boundaries (postings and résumés are
// mostly bullet lines); inside a line, a sentence ends at . ! ? followed by a capital or digit,
// unless the dot belongs to a common abbreviation or an initial.

import type { Span } from '../domain/types.ts';

const ABBREVIATIONS = new Set([
  'e.g', 'i.e', 'etc', 'vs', 'inc', 'ltd', 'co', 'corp', 'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st',
  'no', 'approx', 'dept', 'univ', 'est', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept',
  'oct', 'nov', 'dec', 'u.s', 'u.k', 'b.s', 'b.a', 'm.s', 'm.a', 'ph.d', 'b.sc', 'm.sc', 'b.e', 'b.tech',
  'm.tech', 'fig', 'min', 'max', 'yrs', 'yr', 'mo', 'nos', 'govt', 'assoc', 'ave', 'blvd', 'mt', 'ft',
]);

/** Leading list markers: bullets, dashes, numbers ("1.", "2)"), letters ("a)"), masked numbers ("**** "). */
const BULLET = /^(?:\*{3,}\s+|[•*·o►▪‣◦>+-]\s+|[•*·►▪‣◦]|\(?\d{1,2}[.)]\s+|\(?[a-z]\)\s+)/u;

export function lineSpans(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === 10) {
      const span = trimSpan(text, start, i);
      if (span.end > span.start) out.push(span);
      start = i + 1;
    }
  }
  return out;
}

/** What lineSpans left out before a line's text: its indentation and bullet or list number ("  - "). */
export function linePrefix(text: string, l: Span): string {
  let i = l.start;
  while (i > 0 && text[i - 1] !== '\n') i--;
  return text.slice(i, l.start);
}

/** Strips surrounding spaces and a leading bullet or list number. */
export function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  const m = BULLET.exec(text.slice(start, Math.min(end, start + 6)));
  if (m) {
    start += m[0].length;
    while (start < end && /\s/.test(text[start]!)) start++;
  }
  return { start, end };
}

/** Whether the dot at `dot` ends an abbreviation ("e.g.", "U.S.", "Inc.") or an initial, not a sentence. */
export function endsWithAbbreviation(text: string, dot: number, lineStart: number): boolean {
  let j = dot;
  while (j > lineStart && /[\p{L}.]/u.test(text[j - 1]!)) j--;
  const word = text.slice(j, dot).toLowerCase();
  if (ABBREVIATIONS.has(word)) return true;
  return word.length === 1 && /\p{Lu}/u.test(text[j]!); // an initial: "J. Smith"
}

export function sentenceSpans(text: string): Span[] {
  const out: Span[] = [];
  for (const line of lineSpans(text)) {
    let start = line.start;
    for (let i = line.start; i < line.end; i++) {
      const c = text[i]!;
      if (c !== '.' && c !== '!' && c !== '?' && c !== ';') continue;
      let j = i + 1;
      while (j < line.end && (text[j] === '"' || text[j] === "'" || text[j] === ')')) j++;
      if (j >= line.end || text[j] !== ' ') continue;
      let k = j;
      while (k < line.end && text[k] === ' ') k++;
      if (k >= line.end) continue;
      const next = text[k]!;
      if (c === '.' && endsWithAbbreviation(text, i, line.start)) continue;
      // ("**** To prepare ...": a masked list number, as in scraped UK postings, starts a sentence too.)
      if (c !== ';' && !/[\p{Lu}\d"'(•]/u.test(next) && !text.startsWith('***', k)) continue;
      const span = trimSpan(text, start, j);
      if (span.end > span.start) out.push(span);
      start = k;
      i = k - 1;
    }
    const span = trimSpan(text, start, line.end);
    if (span.end > span.start) out.push(span);
  }
  return out;
}
