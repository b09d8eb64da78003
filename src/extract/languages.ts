// Spoken languages with proficiency: "fluent in English and Mandarin", "business-level
// Japanese", "German – B2", "Spanish is a plus". A level word applies to the languages after it
// in the same list, or to the one just before it ("English (native)").

import type { Span } from '../domain/types.ts';
import type { Lexicons } from '../taxonomy/lexicons.ts';
import type { Tokens } from '../text/tokenize.ts';

const CEFR = /\b([ABC][12])\b/g;

/**
 * What may follow a language name when it names the language: the end of a clause, a list, a
 * level or "(native)", a verb. "Irish market", "German customers", "French cuisine" are adjectives.
 */
const AFTER_LANGUAGE = /^(?:$|[\s]*[,;:.()/&|–—-]|\s+(?:and|or|is|are|as|at|a|an|in|on|with|would|will|required|preferred|desired|desirable|mandatory|essential|optional|language|languages|speaker|speakers|speaking|skills?|proficiency|proficient|fluency|fluent|level|native|mother|a plus|plus|would be|written|spoken|oral|verbal|both|also|\([^)]*\)|[ABC][12]\b|c1|c2|b1|b2|a1|a2)\b)/i;

export function readLanguages(lex: Lexicons, line: string, langHits: Array<Span & { code: string }>, tokens?: Tokens): Array<{ code: string; level: string | null }> {
  langHits = langHits.filter((h) => AFTER_LANGUAGE.test(line.slice(h.end, h.end + 24)));
  if (langHits.length === 0) return [];
  const levels: Array<Span & { level: string }> = lex.languageLevels.find(line, tokens).map((m) => ({ start: m.start, end: m.end, level: m.value }));
  const lexiconStarts = new Set(levels.map((l) => l.start));
  for (const m of line.matchAll(CEFR)) {
    if (!lexiconStarts.has(m.index)) levels.push({ start: m.index, end: m.index + m[0].length, level: m[1]! });
  }
  levels.sort((a, b) => a.start - b.start);
  // Binary searches over the levels (by start), so a long line of languages and levels stays linear.
  const firstFrom = (pos: number): number => {
    let lo = 0;
    let hi = levels.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (levels[mid]!.start < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
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
