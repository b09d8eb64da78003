// Line repair on normalized text, keeping the map back to the original: list items glued
// together without a separator (LinkedIn exports: "organizational skillsWorked directly with",
// "...sales.Must have ...") get a line break, and a list item hard-wrapped onto the next line
// (PDF or e-mail text) becomes one line again. One pass over the text: linear.

import type { NormalizedText } from './normalize.ts';

interface Edit {
  at: number;
  /** Characters of the normalized text replaced (0 for an insertion). */
  del: number;
  ins: string;
}

/** Applies edits (sorted by position, not overlapping), carrying the map to the original text. */
function applyEdits(norm: NormalizedText, edits: Edit[]): NormalizedText {
  if (edits.length === 0) return norm;
  const src = norm.text;
  let size = src.length;
  for (const e of edits) size += e.ins.length - e.del;
  const starts = new Int32Array(size);
  const ends = new Int32Array(size);
  const parts: string[] = [];
  let from = 0;
  let len = 0;
  const copy = (a: number, b: number): void => {
    parts.push(src.slice(a, b));
    starts.set(norm.origStart.subarray(a, b), len);
    ends.set(norm.origEnd.subarray(a, b), len);
    len += b - a;
  };
  for (const e of edits) {
    copy(from, e.at);
    // An inserted character maps to the point before the next original character; a replacing
    // one to what it replaces.
    const at = e.at < src.length ? norm.origStart[e.at]! : norm.originalLength;
    for (let k = 0; k < e.ins.length; k++) {
      starts[len] = e.del ? norm.origStart[e.at]! : at;
      ends[len] = e.del ? norm.origEnd[e.at + e.del - 1]! : at;
      len++;
    }
    parts.push(e.ins);
    from = e.at + e.del;
  }
  copy(from, src.length);
  return { text: parts.join(''), origStart: starts, origEnd: ends, originalLength: norm.originalLength };
}

// Glue points: "skillsWorked" (a lower-case word, or a capitalised one of six letters or more
// such as "QualificationsExperience", run into a capitalised word of three letters or more),
// "sales.Must", "player,Experience", "(GPA 3.0)Ability", "field2+ years". CamelCase names
// ("JavaScript", "PowerPoint", "LinkedIn", "iOS") are too short on one side or protected.
const isLower = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0xff && c !== 0xf7);
const isUpper = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
const isLetter = (c: number): boolean => isLower(c) || isUpper(c) || c > 0x24f;

/** The length of the lower-case word ending at `i` when it is a whole word ("experienceBS" -> 10), else 0. */
function lowerWord(text: string, i: number, from: number): number {
  const a = runStart(text, i, from);
  return a === from || !isLetter(text.charCodeAt(a - 1)) ? i - a : 0;
}

/** Whether a capitalised word of three letters or more starts at `i`. */
function wordStart(text: string, i: number): boolean {
  return isUpper(text.charCodeAt(i)) && isLower(text.charCodeAt(i + 1)) && isLower(text.charCodeAt(i + 2));
}

/** The end of the lower-case run ending at `i` (exclusive), walking back: its start. */
function runStart(text: string, i: number, from: number): number {
  let k = i;
  while (k > from && isLower(text.charCodeAt(k - 1))) k--;
  return k;
}

/**
 * Break positions inside one line (between `from` and `to`) where list items were glued; those
 * after a capitalised word (which may be a CamelCase name) in `named`.
 */
function gluePoints(text: string, from: number, to: number, out: number[], named: Set<number>): void {
  for (let i = from + 3; i < to - 2; i++) {
    const c = text.charCodeAt(i);
    if (isUpper(c) && isUpper(text.charCodeAt(i + 1))) {
      // An ALL-CAPS item glued on: "preferred).FINRA Series 6", "persuasively.CRM Proficiency",
      // "financeCPA", "andBCLS", "BusinessFULL JOB DESCRIPTION" (a name such as "PostgreSQL" is protected).
      const prev = text.charCodeAt(i - 1);
      const p2 = text.charCodeAt(i - 2);
      if ((prev === 46 && ((isLower(p2) && isLower(text.charCodeAt(i - 3))) || p2 === 41)) || (prev === 41 && (isLetter(p2) || (p2 >= 48 && p2 <= 57)))) {
        out.push(i);
        named.add(i);
      } else if ((prev === 63 || prev === 33 || prev === 58) && isUpper(p2) && isUpper(text.charCodeAt(i - 3))) {
        // "LOOKING FOR?THREE YEARS", "SKILLS:EXCEL": an ALL-CAPS heading run into an ALL-CAPS item.
        out.push(i);
        named.add(i);
      } else if (isLower(prev) && (isUpper(text.charCodeAt(i + 2)) || (/[\s,;]/.test(text[i + 2] ?? '') && lowerWord(text, i, from) >= 5))) {
        const a = runStart(text, i, from);
        const lower = i - a;
        const before = a > from ? text.charCodeAt(a - 1) : 32;
        if ((lower >= 3 && !isLetter(before) && !(before >= 48 && before <= 57)) || (lower >= 5 && isUpper(before) && (a - 1 === from || !isLetter(text.charCodeAt(a - 2))))) { out.push(i); named.add(i); }
      }
      continue;
    }
    if (isUpper(c)) {
      if (!wordStart(text, i)) continue;
      const prev = text.charCodeAt(i - 1);
      if (isUpper(prev)) {
        // "BONUSRedacting", "SKILLSExperience": an ALL-CAPS word of four letters or more run into a capitalised one.
        let k = i - 1;
        while (k > from && isUpper(text.charCodeAt(k - 1))) k--;
        if (i - k >= 4 && (k === from || !isLetter(text.charCodeAt(k - 1)))) { out.push(i); named.add(i); }
        continue;
      }
      if (isLower(prev)) {
        const a = runStart(text, i, from);
        const lower = i - a;
        const before = a > from ? text.charCodeAt(a - 1) : 32;
        // "skillsWorked" (a lower-case word) or "QualificationsExperience" (a capitalised long one).
        if (lower >= 3 && !isLetter(before) && !(before >= 48 && before <= 57)) out.push(i);
        else if (lower >= 5 && isUpper(before) && (a - 1 === from || !isLetter(text.charCodeAt(a - 2)))) { out.push(i); named.add(i); }
      } else if (prev === 46 || prev === 44 || prev === 59 || prev === 58 || prev === 33 || prev === 63 || prev === 41) {
        // "sales.Must", "player,Experience", "3.0)Ability": punctuation with no space after it.
        const p2 = text.charCodeAt(i - 2);
        if (isLower(p2) && isLower(text.charCodeAt(i - 3)) || (prev === 41 && (isLower(p2) || (p2 >= 48 && p2 <= 57))) || (prev === 46 && p2 === 41)) out.push(i);
        // "WHAT ARE WE LOOKING FOR?Three years": an ALL-CAPS question run into the first item.
        else if ((prev === 63 || prev === 33) && isUpper(p2) && isUpper(text.charCodeAt(i - 3))) out.push(i);
      }
    } else if (c >= 48 && c <= 57 && isLower(text.charCodeAt(i - 1)) && isLower(text.charCodeAt(i - 2)) && isLower(text.charCodeAt(i - 3))) {
      // "field2+ years", "science.3+ years" is above; a digit run into a word, then years.
      if (/^\d{1,2}\+? ?(?:years?|yrs)\b/.test(text.slice(i, i + 10))) out.push(i);
    } else if (c === 46 && isLower(text.charCodeAt(i - 1)) && isLower(text.charCodeAt(i - 2)) && /^\.\d{1,2}\+? ?(?:years?|yrs)\b/.test(text.slice(i, i + 11))) {
      out.push(i + 1);
    }
  }
}

/** Words a qualification list item opens with ("Prior", "Strong", "Excellent", "Ability", ...). */
const ITEM_OPENER = / (?=(?:Prior|Previous|Strong|Excellent|Exceptional|Outstanding|Demonstrated|Proven|Ability|Able|Experience|Knowledge|Proficiency|Proficient|Familiarity|Understanding|Solid|Bachelors?|Bachelor's|Master's|Minimum|Must|Working|Hands-on|Advanced|Attention|Willingness|Comfortable|Valid|Fluent|Fluency|Deep|Self-motivated|Effective|Superior|Basic|Well|Good|Great|Knowledgeable|Skilled)\b)/gu;
/** Words after which a capitalised word continues the sentence ("years of Experience", "with Strong"). */
const JOINING_WORD = /(?:^|\s)(?:of|in|with|and|or|the|a|an|for|to|on|at|by|as|from|including|your|our|their|have|has|be|is|are|very|into|using)$/i;

/** Space-separated glue points (a break replaces the space): the space before an item opener after a lower-case word ("Gas Experience" is one name). */
function spaceGluePoints(text: string, from: number, to: number, out: number[]): void {
  const line = text.slice(from, to);
  for (const m of line.matchAll(ITEM_OPENER)) {
    // The word before: all lower case ("control Prior", not "Gas Experience"), no joining word.
    let k = m.index;
    while (k > 0 && (isLower(line.charCodeAt(k - 1)) || line[k - 1] === '-' || (line.charCodeAt(k - 1) >= 48 && line.charCodeAt(k - 1) <= 57))) k--;
    if (m.index - k < 2 || !isLower(line.charCodeAt(k)) || (k > 0 && !/\s/.test(line[k - 1]!))) continue;
    if (JOINING_WORD.test(line.slice(Math.max(0, m.index - 16), m.index))) continue;
    out.push(-(from + m.index) - 1);
  }
}

// A line that continues on the next: it ends in a comma, a joining word or a hyphen.
const OPEN_END = /(?:[,&/]|\s(?:and|or|of|with|in|to|the|a|an|for|including|such as|e\.g\.|as well as|within|on|at|by|from|into|using|across))$/i;
const BULLET_START = /^(?:[•*·o►▪‣◦>+-]\s|[•*·►▪‣◦]|\(?\d{1,2}[.)]\s|\(?[a-z]\)\s)/u;

export interface RelineOptions {
  /** Whether a break at `at` would cut a known name ("JavaScript", "TensorFlow"): no break there. */
  protects?: (text: string, at: number) => boolean;
  /** Only lines at least this long are searched for glued items. */
  minGluedLine?: number;
}

/** The last 40 characters of a line, trimmed (what decides whether it runs on). */
function lineTail(text: string, start: number, end: number): string {
  return text.slice(Math.max(start, end - 40), end).trim();
}

/** Glued list items split onto lines of their own, hard-wrapped items joined. */
export function relineText(norm: NormalizedText, opts: RelineOptions = {}): NormalizedText {
  const text = norm.text;
  const minGlued = opts.minGluedLine ?? 100;
  const edits: Edit[] = [];
  const points: number[] = [];
  const named = new Set<number>();
  let lineStart = 0;
  let prevBullet = false;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const trimmed = text.slice(lineStart, Math.min(lineEnd, lineStart + 8)).trimStart().length === 0 ? '' : lineTail(text, lineStart, lineEnd);
    const bullet = BULLET_START.test(text.slice(lineStart, lineStart + 8).trimStart());
    // Glued items inside a long line.
    if (lineEnd - lineStart >= minGlued) {
      points.length = 0;
      named.clear();
      gluePoints(text, lineStart, lineEnd, points, named);
      // Items glued with a space between them ("... in pressure control Prior Industrial Bolting
      // Experience a plus Prior Power ..."): only in a line already shown to be glued items.
      if (points.length >= 2) spaceGluePoints(text, lineStart, lineEnd, points);
      for (const at of points) {
        // (A negative point is a space to replace: -(position) - 1.)
        if (at < 0) { edits.push({ at: -at - 1, del: 1, ins: '\n' }); continue; }
        const around = text.slice(Math.max(lineStart, at - 30), Math.min(lineEnd, at + 12));
        if (/https?:|www\.|@|\.(?:com|org|net|io)\b/i.test(around) || (named.has(at) && opts.protects?.(text, at))) continue;
        edits.push({ at, del: 0, ins: '\n' });
      }
    }
    // A wrapped item: this line runs on into the next (which is no list item and no blank line).
    if (lineEnd < text.length && lineEnd - lineStart >= 25) {
      const next = text.slice(lineEnd + 1, Math.min(text.length, lineEnd + 80));
      const nextTrim = next.trimStart();
      const continues = nextTrim.length > 0 && !next.startsWith('\n') && !BULLET_START.test(nextTrim) &&
        !/[.!?:;]$/.test(trimmed) && (/^\p{Ll}/u.test(nextTrim) || ((bullet || prevBullet) && OPEN_END.test(trimmed)));
      if (continues) edits.push({ at: lineEnd, del: 1, ins: ' ' });
    }
    prevBullet = bullet;
    lineStart = lineEnd + 1;
  }
  edits.sort((a, b) => a.at - b.at || a.del - b.del);
  return applyEdits(norm, edits);
}
