// Occupations: the function (occupation family) a job title names, and how related two functions
// are (occupations.yaml, seeded from O*NET's related occupations). A title is read the way a
// recruiter reads it: a known title wins; otherwise its head noun ("accountant", "chef") names the
// function, and a qualifier before a generic head ("sales manager", "payroll specialist") names it
// instead.

import { free, Lexicon, phraseSet, type TitleValue } from './lexicons.ts';
import type { FormMode } from './matcher.ts';
import { tokenize } from '../text/tokenize.ts';

export interface OccupationSource {
  functions?: Array<{ id: string; name: string; related?: Record<string, number> }>;
  heads?: Array<{ function: string; priority?: number; words?: string[] }>;
  generic?: string[];
  qualifiers?: Array<{ function: string; priority?: number; words?: string[] }>;
  roleCues?: string[];
  roleCueFillers?: string[];
  titleBreakWords?: string[];
  roleScopeWords?: string[];
  genericScopeWords?: string[];
}

/** fn -1: a generic head ("manager") that names no function alone. */
interface HeadValue { fn: number; priority: number }
interface QualifierValue { fn: number; priority: number }

export interface Occupations {
  functions: Array<{ id: string; name: string }>;
  index: Map<string, number>;
  /** Relatedness of functions a and b at a * n + b: 1 on the diagonal, 0 for unrelated. */
  related: Float64Array;
  heads: Lexicon<HeadValue>;
  qualifiers: Lexicon<QualifierValue>;
  /** Phrases that introduce the role on offer in running text ("looking for", "join us as"). */
  roleCues: Lexicon<true>;
  /** Words that may stand between a role cue and its title ("an experienced full-time"). */
  roleCueFillers: ReadonlySet<string>;
  /** Words that never stand inside a title phrase in running text ("our", "the", "with"). */
  titleBreakWords: ReadonlySet<string>;
  /** Words in an experience scope that mean the role's own kind of work ("relevant", "industry"). */
  roleScope: Lexicon<true>;
  /** Words of an experience scope that say nothing about which experience counts ("professional", "proven"). */
  genericScope: ReadonlySet<string>;
}

/** The function a title names, and which words named it. */
export interface TitleFunction {
  fn: number;
  via: 'title' | 'head' | 'qualifier';
  /** The words in the title that decided it. */
  words: string;
}

/** "nurse" → "nurses", "secretary" → "secretaries", "coach" → "coaches" (the last word of a phrase). */
function plural(phrase: string): string {
  const at = phrase.lastIndexOf(' ') + 1;
  const head = phrase.slice(0, at);
  const w = phrase.slice(at);
  if (/[^aeiou]y$/i.test(w)) return `${head}${w.slice(0, -1)}ies`;
  if (/(?:s|x|z|ch|sh)$/i.test(w)) return `${head}${w}es`;
  return `${head}${w}s`;
}

const forms = (words: string[] | undefined): Array<{ text: string; mode: FormMode }> =>
  free((words ?? []).flatMap((w) => [w, plural(w)]));

const CATCH_ALL = 'other';

export function createOccupations(src: OccupationSource | undefined): Occupations {
  const functions = (src?.functions ?? []).map((f) => ({ id: f.id, name: f.name }));
  const index = new Map(functions.map((f, i) => [f.id, i]));
  const n = functions.length;
  const related = new Float64Array(n * n);
  // A catch-all function ("other") says nothing: two such titles are no evidence of a match.
  for (let i = 0; i < n; i++) related[i * n + i] = functions[i]!.id === CATCH_ALL ? 0 : 1;
  (src?.functions ?? []).forEach((f, i) => {
    for (const [other, w] of Object.entries(f.related ?? {})) {
      const j = index.get(other);
      if (j === undefined || j === i) continue;
      // Symmetric by construction: the larger of the two stated weights.
      const v = Math.max(related[i * n + j]!, w);
      related[i * n + j] = v;
      related[j * n + i] = v;
    }
  });
  const fnOf = (id: string): number => index.get(id) ?? -1;
  const heads = new Lexicon<HeadValue>([
    { value: { fn: -1, priority: 0 }, forms: forms(src?.generic) },
    ...(src?.heads ?? []).map((h) => ({ value: { fn: fnOf(h.function), priority: h.priority ?? 1 }, forms: forms(h.words) })),
  ]);
  const qualifiers = new Lexicon<QualifierValue>((src?.qualifiers ?? []).map((q) => ({
    value: { fn: fnOf(q.function), priority: q.priority ?? 1 },
    forms: free(q.words),
  })));
  return { functions, index, related, heads, qualifiers, roleCues: phraseSet(src?.roleCues), roleCueFillers: new Set((src?.roleCueFillers ?? []).map((w) => w.toLowerCase())), titleBreakWords: new Set((src?.titleBreakWords ?? []).map((w) => w.toLowerCase())), roleScope: phraseSet(src?.roleScopeWords), genericScope: new Set((src?.genericScopeWords ?? []).map((w) => w.toLowerCase())) };
}

/** A function's name by its id (the id itself when unknown). */
export function functionName(occ: Occupations, id: string): string {
  return occ.functions[occ.index.get(id) ?? -1]?.name ?? id;
}

export function relatedness(occ: Occupations, a: number, b: number): number {
  return a < 0 || b < 0 ? 0 : occ.related[a * occ.functions.length + b]!;
}

// Where a title's parts split: "Sales Engineer - Benelux", "Director, Sales", "Cook (m/f/d)".
const SEGMENT = /\s[-–—|/]\s|[,(;|]|\s(?:at|@|in)\s/i;

/**
 * The function one segment of a title names, or null. The head is the rightmost role noun (titles
 * in postings trail locations and shifts: "RGN Nurse Hull Days or Nights"). The best qualifier is
 * the one with the highest priority, then the nearest to the head; it decides a generic head, and
 * overrides a head whose priority is not above its own (priority-0 qualifiers decide only generic
 * heads). A known title wins unless a priority-2 qualifier stands outside it ("Construction
 * Project Manager").
 */
function classifySegment(titles: Lexicon<TitleValue | { kind: 'seniority'; level: string }>, occ: Occupations, s: string, strict: boolean): TitleFunction | null {
  // One tokenization for the three lexicons that read the segment.
  const tokens = tokenize(s);
  let best: { fn: number; start: number; end: number } | null = null;
  for (const m of titles.find(s, tokens)) {
    if (m.value.kind !== 'title') continue;
    const fn = occ.index.get(m.value.function);
    if (fn === undefined) continue;
    if (!best || m.end - m.start > best.end - best.start) best = { fn, start: m.start, end: m.end };
  }
  // The rightmost role noun, not one after a slash ("Firefighter/EMT" is read as its first part);
  // a generic one ("Translator Intern") yields to a role noun before it when nothing qualifies it.
  const heads = occ.heads.find(s, tokens).filter((m, _, all) => s[m.start - 1] !== '/' || all.length === 1);
  const rightmost = (xs: typeof heads): (typeof heads)[number] | null =>
    xs.reduce<(typeof heads)[number] | null>((a, m) => (!a || m.end > a.end || (m.end === a.end && m.start < a.start) ? m : a), null);
  let head = rightmost(heads);
  // Strict (a line that may be a name, "Baker Smith"): the role noun must end the title.
  if (strict && head && /[\p{L}\p{N}]/u.test(s.slice(head.end))) head = null;
  if (strict && best && /[\p{L}\p{N}]/u.test(s.slice(best.end))) best = null;
  const distance = (q: { start: number; end: number }): number => (!head ? 0 : q.end <= head.start ? head.start - q.end : q.start - head.end);
  const qual = occ.qualifiers.find(s, tokens)
    .filter((q) => q.value.fn >= 0 && (!head || q.end <= head.start || q.start >= head.end))
    .reduce<{ start: number; end: number; value: QualifierValue } | null>((a, q) => (!a || q.value.priority > a.value.priority || (q.value.priority === a.value.priority && distance(q) < distance(a)) ? q : a), null);
  const words = (x: { start: number; end: number }): string => s.slice(x.start, x.end);
  // A role noun after the known title is the real head ("Chef (configuration tool) Engineer").
  if (best && head && head.start >= best.end) best = null;
  if (best) {
    const outside = qual !== null && (qual.end <= best.start || qual.start >= best.end);
    if (!(outside && qual.value.priority >= 2)) return { fn: best.fn, via: 'title', words: words(best) };
  }
  if (head && head.value.fn < 0 && !qual) {
    const h = head;
    const before = rightmost(heads.filter((m) => m.end <= h.start && m.value.fn >= 0));
    if (before) return { fn: before.value.fn, via: 'head', words: words(before) };
  }
  if (head) {
    if (qual && (head.value.fn < 0 || (qual.value.priority >= 1 && qual.value.priority >= head.value.priority))) {
      return { fn: qual.value.fn, via: 'qualifier', words: qual.start < head.start ? `${words(qual)} … ${words(head)}` : `${words(head)} … ${words(qual)}` };
    }
    return head.value.fn >= 0 ? { fn: head.value.fn, via: 'head', words: words(head) } : null;
  }
  // A bare function name as a heading-like title: "SALES", "Human Resources".
  if (qual && s.trim().split(/\s+/).length <= 3) return { fn: qual.value.fn, via: 'qualifier', words: words(qual) };
  return null;
}

/** The function a job title names ("Sr. Staff Accountant (m/f/d)" → accounting), or null. */
export function classifyTitle(titles: Lexicon<TitleValue | { kind: 'seniority'; level: string }>, occ: Occupations, title: string, strict = false): TitleFunction | null {
  if (occ.functions.length === 0) return null;
  // Bracketed asides ("(DBA)", "(m/f/d)") are read only when the rest names nothing.
  const whole = title.replace(/\([^()]*\)/g, ' ').replace(/\s+/g, ' ').trim() || title.replace(/\s+/g, ' ').trim();
  if (!whole || whole.length > 120) return null;
  const direct = classifySegment(titles, occ, whole, strict);
  if (direct) return direct;
  // "Director, Sales", "Manager - Accounts Payable": a part may name what the whole does not.
  for (const seg of whole.split(SEGMENT)) {
    const t = seg?.trim();
    if (!t || t === whole) continue;
    const r = classifySegment(titles, occ, t, strict);
    if (r) return r;
  }
  return null;
}
