// The function of a role and of a candidate, as a recruiter reads it at first glance: the role's
// title (or, without one, the job titles its text names: "we are looking for a Chef de Partie"),
// and the titles of the candidate's positions with their months, plus a headline title at the top
// of the résumé ("SOUS CHEF").

import type { Occupation, Requirement } from '../domain/posting.ts';
import type { Position } from '../domain/resume.ts';
import type { Span } from '../domain/types.ts';
import type { Taxonomy } from '../taxonomy/taxonomy.ts';
import { classifyTitle, type TitleFunction } from '../taxonomy/occupations.ts';
import { SpanIndex } from '../text/spans.ts';
import { trimChars } from '../text/trim.ts';
import { monthIndex, parseAsOf, unionMonths } from '../text/dates.ts';

/** How far into a posting's text title mentions are read (the role is named early). */
const TEXT_WINDOW = 4000;
/** A bare role noun in running text ("nurses", "engineer") counts this share of a known title. */
const HEAD_MENTION_WEIGHT = 0.5;
/** A mention right after a role cue ("looking for a") counts this many times over. */
const CUE_FACTOR = 3;
/** A mention in a company blurb counts this share ("we build tools for accountants"). */
const BLURB_FACTOR = 0.25;
/** The least weight a function needs to be the role's (one early bare role noun is enough). */
const MIN_TEXT_WEIGHT = 0.1;
/** A lower-case role noun named in passing, not cued ("work with engineers"), counts this share. */
const PASSING_FACTOR = 0.3;
/** A role cue reaches a title over at most this many of the title's own words, and this many characters. */
const MAX_CUE_GAP_WORDS = 5;
const MAX_CUE_GAP_CHARS = 60;
/** At most this many words before a mention are read as part of its title phrase. */
const MAX_PHRASE_WORDS = 4;
/** How much of the text's start is read as a possible run-in title. */
const OPENING_CHARS = 120;

function occupationOf(tax: Taxonomy, f: TitleFunction, source: Occupation['source'], span?: Span): Occupation {
  const fn = tax.occupations.functions[f.fn]!;
  return { function: fn.id, name: fn.name, words: f.words, source, ...(span ? { span } : {}) };
}

export function titleOccupation(tax: Taxonomy, title: string, source: Occupation['source'] = 'title', span?: Span, strict = false): Occupation | null {
  const f = classifyTitle(tax.lexicons.titles, tax.occupations, title, strict);
  return f ? occupationOf(tax, f, source, span) : null;
}

/**
 * Titles named in the posting's text, earlier mentions weighing more, a mention right after a role
 * cue ("looking for a", "join us as") more still, company blurbs less, and nothing from the spans
 * to skip (benefits, equal opportunity, how to apply): the function with the most weight, when it
 * has enough.
 */
export function textOccupation(tax: Taxonomy, text: string, body: Span, skip: SpanIndex, blurbs: SpanIndex): Occupation | null {
  const end = Math.min(body.end, body.start + TEXT_WINDOW);
  const window = text.slice(body.start, end);
  const occ = tax.occupations;
  const cueEnds = occ.roleCues.find(window).map((m) => m.end);
  const fillers = occ.roleCueFillers;
  const words = (a: number, b: number): string[] => window.slice(a, b).toLowerCase().replace(/\b(full|part) time\b/g, '$1-time').split(/\s+/).filter((w) => w !== '');
  // A role cue before the phrase: with only filler words between ("looking for an experienced Sous
  // Chef"), or a few words of the title itself on one line ("seeking an embedded C real time
  // engineer"), none of them a word that breaks a title. Returns where the cued title starts.
  const cuedAt = (start: number): number | null => {
    for (const e of cueEnds) {
      if (e > start || start - e > MAX_CUE_GAP_CHARS || /[\n.,;:!?()]/.test(window.slice(e, start))) continue;
      const gap = words(e, start);
      let k = 0;
      while (k < gap.length && fillers.has(gap[k]!)) k++;
      if (gap.length - k > MAX_CUE_GAP_WORDS || gap.slice(k).some((w) => occ.titleBreakWords.has(w) && !fillers.has(w))) continue;
      if (k === gap.length) return start;
      // The title starts at the first word after the fillers.
      let at = e;
      for (let i = 0; i < k; i++) at = window.indexOf(gap[i]!, at) + gap[i]!.length;
      return at + (window.slice(at).length - window.slice(at).trimStart().length);
    }
    return null;
  };
  // Lower-case qualifier words may stand in a title phrase ("an experienced data engineer").
  const qualified = new SpanIndex(occ.qualifiers.find(window).filter((q) => q.value.fn >= 0));
  const votes = new Map<number, { weight: number; words: string; span: Span }>();
  const vote = (m: { start: number; end: number }, fallback: number, weight: number): void => {
    const titleStart = phraseStart(window, m.start, occ.titleBreakWords, qualified);
    const cueStart = cuedAt(titleStart);
    const isCued = cueStart !== null;
    const start = cueStart ?? titleStart;
    const span = { start: body.start + start, end: body.start + m.end };
    if (skip.covers(span)) return;
    // The whole phrase decides ("Senior SaaS Sales Engineer" is sales, not engineering).
    const phrase = window.slice(start, m.end);
    const f = start < m.start ? classifyTitle(tax.lexicons.titles, occ, phrase) : null;
    const fn = f?.fn ?? fallback;
    if (fn < 0) return;
    // A lower-case mention named in passing is most often someone else ("help scientists design",
    // "our partners"): the role on offer is cued or written as a title.
    const passing = !isCued && !/\p{Lu}/u.test(phrase);
    // A role noun with its title words before it is a title ("Talent Acquisition Lead").
    const w = (f ? 1 : weight) * (isCued ? CUE_FACTOR : 1) * (passing ? PASSING_FACTOR : 1) * (blurbs.covers(span) ? BLURB_FACTOR : 1) / (1 + start / 1000);
    const v = votes.get(fn);
    if (v) v.weight += w;
    else votes.set(fn, { weight: w, words: f ? phrase : window.slice(m.start, m.end), span: f ? span : { start: body.start + m.start, end: body.start + m.end } });
  };
  const titled: Span[] = [];
  for (const m of tax.lexicons.titles.find(window)) {
    if (m.value.kind !== 'title') continue;
    titled.push(m);
    vote(m, occ.index.get(m.value.function) ?? -1, 1);
  }
  // A role noun inside a title already counted ("accountant" in "Staff Accountant") is not a second vote.
  for (const m of occ.heads.find(window)) {
    if (!titled.some((t) => t.start < m.end && m.start < t.end)) vote(m, m.value.fn, HEAD_MENTION_WEIGHT);
  }
  // A flattened posting opens with its title run into the text ("Clinical Lead Job Driffield We
  // have ..."): the opening words, read as a title, count as one title mention.
  const opening = /^\S+(?:\s+\S+){0,5}/.exec(window.slice(0, OPENING_CHARS).split(/[.!?:\n]/)[0]!.trim())?.[0];
  const first = opening ? classifyTitle(tax.lexicons.titles, occ, opening) : null;
  if (first) vote({ start: 0, end: Math.min(window.length, opening!.length) }, first.fn, 1);
  let best: [number, { weight: number; words: string; span: Span }] | null = null;
  for (const e of votes) if (!best || e[1].weight > best[1].weight) best = e;
  if (!best || best[1].weight < MIN_TEXT_WEIGHT) return null;
  const fn = occ.functions[best[0]]!;
  return { function: fn.id, name: fn.name, words: best[1].words, source: 'text', span: best[1].span };
}

/**
 * Where the title phrase that ends in a mention starts: the words right before it on the same line
 * that are written as a title (capitalised: "Senior SaaS Sales Engineer") or name a function ("data
 * engineer"), at most MAX_PHRASE_WORDS of them, stopping at a word that breaks a title ("our", "the").
 */
function phraseStart(window: string, start: number, breaks: ReadonlySet<string>, qualified: SpanIndex): number {
  let at = start;
  for (let k = 0; k < MAX_PHRASE_WORDS; k++) {
    const m = /(?:^|[\s*_"“‘(])([\p{L}\p{N}][\p{L}\p{N}&/.+#'-]*)[ \t]+$/u.exec(window.slice(Math.max(0, at - 40), at));
    if (!m) break;
    const word = m[1]!;
    const wStart = at - (m[0].length - m[0].indexOf(word));
    if (breaks.has(trimChars(word.toLowerCase(), ".'", 'end'))) break;
    if (!/^[\p{Lu}\p{N}]/u.test(word) && !qualified.covers({ start: wStart, end: wStart + word.length })) break;
    at = wStart;
  }
  return at;
}
/**
 * The résumé's headline: a title among the first short lines, before the first section heading,
 * that is not the candidate's name ("SOUS CHEF", "Senior Software Engineer").
 */
export function headlineOccupation(tax: Taxonomy, text: string, lines: Span[], firstHeading: number, name: string | null): Occupation | null {
  let seen = 0;
  for (const l of lines) {
    if (l.start >= firstHeading || seen >= 6) break;
    const s = text.slice(l.start, l.end).trim();
    if (!s) continue;
    seen++;
    if (s.split(/\s+/).length > 7 || (name && s === name) || /[@\d]{3}/.test(s)) continue;
    const o = titleOccupation(tax, s, 'headline', l, true);
    if (o) return o;
  }
  return null;
}

/** Each position's function (from its title) and the months per function, overlaps counted once. */
export function positionFunctions(tax: Taxonomy, positions: Position[]): Array<{ function: string; name: string; months: number }> {
  const intervals = new Map<number, Array<[number, number]>>();
  for (const p of positions) {
    if (!p.title) continue;
    const f = classifyTitle(tax.lexicons.titles, tax.occupations, p.title);
    if (!f) continue;
    p.function = tax.occupations.functions[f.fn]!.id;
    if (p.kind === 'volunteer') continue;
    const a = monthIndex(parseAsOf(p.start)!);
    intervals.set(f.fn, [...(intervals.get(f.fn) ?? []), [a, a + p.months - 1]]);
  }
  return [...intervals].map(([fn, xs]) => ({ function: tax.occupations.functions[fn]!.id, name: tax.occupations.functions[fn]!.name, months: unionMonths(xs) }))
    .sort((a, b) => b.months - a.months || a.function.localeCompare(b.function, 'en'));
}

/**
 * The function an experience scope names: a title or role noun ("as a Chef de Partie", "in an HR
 * generalist or recruitment role"), else its strongest qualifier ("managing commercial
 * construction projects"), else the role's own when the scope says "relevant", "industry",
 * "development" and the like. Undefined when it names none (total experience counts).
 */
export function scopeFunction(tax: Taxonomy, scope: string, roleFunction: string | null): string | undefined {
  const occ = tax.occupations;
  const f = classifyTitle(tax.lexicons.titles, occ, scope);
  if (f) return occ.functions[f.fn]!.id;
  let best: { fn: number; priority: number } | null = null;
  for (const q of occ.qualifiers.find(scope)) {
    if (q.value.fn >= 0 && q.value.priority >= 1 && (!best || q.value.priority > best.priority)) best = q.value;
  }
  if (best) return occ.functions[best.fn]!.id;
  return roleFunction && occ.roleScope.find(scope).length > 0 ? roleFunction : undefined;
}

/** Experience requirements with the function their scope names (see scopeFunction). */
export function withScopeFunctions(tax: Taxonomy, requirements: Requirement[], role: Occupation | null | undefined): Requirement[] {
  return requirements.map((r) => {
    if (r.kind !== 'experience' || !r.scope?.text || r.leadership) return r;
    const fn = scopeFunction(tax, r.scope.text, role?.function ?? null);
    return fn ? { ...r, scope: { ...r.scope, function: fn } } : r;
  });
}
