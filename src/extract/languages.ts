// Spoken languages with proficiency: "fluent in English and Mandarin", "business-level
// Japanese", "German – B2", "Spanish is a plus". A level word applies to the languages after it
// in the same list, or to the one just before it ("English (native)").

import { firstStartingAt } from '../text/spans.ts';
import type { Span } from '../domain/types.ts';
import type { Lexicons } from '../taxonomy/lexicons.ts';
import type { Tokens } from '../text/tokenize.ts';

const CEFR = /\b([ABC][12])\b/g;

/**
 * What may follow a language name when it names the language: the end of a clause, a list, a
 * level or "(native)", a verb. "Irish market", "German customers", "French cuisine" are adjectives.
 */
const AFTER_LANGUAGE = /^(?:$|[\s]*[,;:.()/&|–—-]|\s+(?:and|or|is|are|as|at|a|an|in|on|with|would|will|required|preferred|desired|desirable|mandatory|essential|optional|language|languages|speaker|speakers|speaking|skills?|proficiency|proficient|fluency|fluent|fluently|natively|proficiently|perfectly|well|level|native|mother|a plus|plus|would be|written|spoken|oral|verbal|communication|writing|both|also|\([^)]*\)|[ABC][12]\b|c1|c2|b1|b2|a1|a2)\b)/i;

/** "Spanish-style", "German-based", "French-owned": the name is an adjective, not a language. */
const ADJECTIVE_COMPOUND = /^-(?:style|based|owned|born|inspired|themed|made|run|led|registered|listed)\b/i;

/**
 * Language names the matcher leaves out because they are also everyday words ("Polish", "Latin",
 * "Irish", "Welsh"): read in a line only where the wording is about speaking them ("speak Polish or
 * Czech", "fluent in Polish", "Polish at B2 level", "Czech or Polish").
 */
const SPEAK_BEFORE = /(?:\b(?:speak|speaks|speaking|spoken|fluent in|fluency in|fluently in|proficient in|proficiency in|command of|knowledge of|native|bilingual|either|read and write|write)|[ABC][12])\s+(?:in\s+)?$/i;
const SPEAK_AFTER = /^(?:\s+(?:language|speakers?|speaking|fluently|natively|proficiency|fluency|\(?[ABC][12]\b|\(native\))|\s*\((?:native|fluent|[ABC][12])|\s+at (?:an? )?(?:[ABC][12]|native|business|professional|fluent))/i;
const names = new WeakMap<ReadonlyArray<{ code: string; name: string }>, Map<string, string>>();

export function contextLanguageHits(languages: ReadonlyArray<{ code: string; name: string }>, line: string, langHits: Array<Span & { code: string }>): Array<Span & { code: string }> {
  let byName = names.get(languages);
  if (!byName) {
    byName = new Map(languages.filter((l) => /^\p{Lu}\p{Ll}+$/u.test(l.name)).map((l) => [l.name, l.code]));
    names.set(languages, byName);
  }
  const out = [...langHits];
  const taken = new Set(langHits.map((h) => h.start));
  for (const m of line.matchAll(/\b\p{Lu}\p{Ll}+\b/gu)) {
    const code = byName.get(m[0]);
    if (!code || taken.has(m.index)) continue;
    const end = m.index + m[0].length;
    const before = line.slice(Math.max(0, m.index - 30), m.index);
    const after = line.slice(end, end + 30);
    // Next to a language the matcher found, in one list: "Czech or Polish", "Polish, Czech".
    const beside = langHits.some((h) => (h.end <= m.index && /^\s*(?:,|or|and|\/|and\/or)\s*$/i.test(line.slice(h.end, m.index))) || (h.start >= end && /^\s*(?:,|or|and|\/|and\/or)\s*$/i.test(line.slice(end, h.start))));
    if (beside || SPEAK_BEFORE.test(before) || SPEAK_AFTER.test(after)) out.push({ start: m.index, end, code });
  }
  return out.sort((a, b) => a.start - b.start);
}

const LIST_WORDS = new Set(['or', 'and/or', 'either', 'a1', 'a2', 'b1', 'b2', 'c1', 'c2', 'native', 'fluent', 'level']);

/**
 * The languages of a line grouped as asked: each on its own, or alternatives ("Dutch or German",
 * "either Polish or Czech", "English and/or Dutch"), any one of which satisfies.
 */
export function languageGroups(line: string, langHits: Array<Span & { code: string }>, read: Array<{ code: string; level: string | null }>): { all: Array<{ code: string; level: string | null }>; any: Array<Array<{ code: string; level: string | null }>> } {
  const kept = langHits.filter((h) => read.some((r) => r.code === h.code));
  // A list of languages ("Portuguese, Spanish or Italian", "English and Spanish, Hmong, Russian, or
  // Vietnamese") splits at "and": each part is one language, or alternatives when "or" joins it.
  const groups: Array<{ hits: Array<Span & { code: string }>; or: boolean }> = [];
  for (const h of kept) {
    const last = groups[groups.length - 1];
    const prev = last?.hits[last.hits.length - 1];
    const sep = prev ? line.slice(prev.end, h.start) : '';
    const words = sep.toLowerCase().split(/[\s,()]+/).filter(Boolean);
    const joinable = last && sep.length <= 40 && !/[.;:]/.test(sep) && words.filter((w) => !LIST_WORDS.has(w)).length <= 2;
    if (!last || !joinable || words.includes('and') || words.includes('&')) {
      groups.push({ hits: [h], or: false });
      continue;
    }
    last.hits.push(h);
    if (words.includes('or') || words.includes('and/or') || sep.includes('/')) last.or = true;
  }
  const level = new Map(read.map((r) => [r.code, r]));
  const all: Array<{ code: string; level: string | null }> = [];
  const any: Array<Array<{ code: string; level: string | null }>> = [];
  const seen = new Set<string>();
  for (const g of groups) {
    const codes = [...new Set(g.hits.map((h) => h.code))].filter((c) => !seen.has(c));
    for (const c of codes) seen.add(c);
    if (g.or && codes.length > 1) any.push(codes.map((c) => level.get(c)!));
    else all.push(...codes.map((c) => level.get(c)!));
  }
  return { all, any };
}

export function readLanguages(lex: Lexicons, line: string, langHits: Array<Span & { code: string }>, tokens?: Tokens): Array<{ code: string; level: string | null }> {
  langHits = langHits.filter((h) => AFTER_LANGUAGE.test(line.slice(h.end, h.end + 24)) && !ADJECTIVE_COMPOUND.test(line.slice(h.end, h.end + 12)));
  if (langHits.length === 0) return [];
  const levels: Array<Span & { level: string }> = lex.languageLevels.find(line, tokens).map((m) => ({ start: m.start, end: m.end, level: m.value }));
  const lexiconStarts = new Set(levels.map((l) => l.start));
  for (const m of line.matchAll(CEFR)) {
    if (!lexiconStarts.has(m.index)) levels.push({ start: m.index, end: m.index + m[0].length, level: m[1]! });
  }
  levels.sort((a, b) => a.start - b.start);
  // Binary searches over the levels (by start), so a long line of languages and levels stays linear.
  const firstFrom = (pos: number): number => firstStartingAt(levels, pos);
  const maxEnd: number[] = [];
  for (const [i, l] of levels.entries()) maxEnd.push(Math.max(l.end, i ? maxEnd[i - 1]! : -1));
  // A level right after a language ("English (native)", "German – B2") is that language's own,
  // within 20 characters and before the next language: the first level starting after it decides.
  const after = langHits.map((h, i) => {
    const nextStart = langHits[i + 1]?.start ?? line.length;
    const l = levels[firstFrom(h.end)];
    return l && l.start - h.end <= 20 && l.start < nextStart ? l : null;
  });
  const own = new Set(after.filter((x) => x !== null));
  const out: Array<{ code: string; level: string | null }> = [];
  const byCode = new Map<string, { code: string; level: string | null }>();
  for (const [i, h] of langHits.entries()) {
    // Otherwise the nearest level before it in the same clause that is not another language's own
    // ("Fluent in English and Mandarin": both fluent; "German (B2), Spanish": Spanish unknown).
    // Walks back from the last level starting before it while a level may still end within 60 characters.
    let before: (Span & { level: string }) | undefined;
    for (let k = firstFrom(h.start) - 1; k >= 0 && maxEnd[k]! >= h.start - 60; k--) {
      const l = levels[k]!;
      if (l.end <= h.start && !own.has(l) && !/[.;]/.test(line.slice(l.end, h.start)) && h.start - l.end <= 60) { before = l; break; }
    }
    const level = after[i]?.level ?? before?.level ?? null;
    // "Spanish (medical Spanish, basic)": a repeated language keeps the level one of its mentions has.
    const seen = byCode.get(h.code);
    if (!seen) { const o = { code: h.code, level }; out.push(o); byCode.set(h.code, o); }
    else seen.level ??= level;
  }
  return out;
}
