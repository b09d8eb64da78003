// Spoken languages with proficiency: "fluent in English and Mandarin", "business-level
// Japanese", "German – B2", "Spanish is a plus". A level word applies to the languages after it
// in the same list, or to the one just before it ("English (native)").

import type { Span } from '../domain/types.ts';
import type { Lexicons } from '../taxonomy/lexicons.ts';
import type { Tokens } from '../text/tokenize.ts';

const CEFR = /\b([ABC][12])\b/g;

export function readLanguages(lex: Lexicons, line: string, langHits: Array<Span & { code: string }>, tokens?: Tokens): Array<{ code: string; level: string | null }> {
  if (langHits.length === 0) return [];
  const levels: Array<Span & { level: string }> = lex.languageLevels.find(line, tokens).map((m) => ({ start: m.start, end: m.end, level: m.value }));
  for (const m of line.matchAll(CEFR)) levels.push({ start: m.index, end: m.index + m[0].length, level: m[1]! });
  levels.sort((a, b) => a.start - b.start);
  const out: Array<{ code: string; level: string | null }> = [];
  for (const [i, h] of langHits.entries()) {
    // A level right after the language ("English (native)", "German – B2") wins, within 20 chars
    // and before the next language.
    const nextStart = langHits[i + 1]?.start ?? line.length;
    const after = levels.find((l) => l.start >= h.end && l.start - h.end <= 20 && l.start < nextStart);
    // Otherwise the nearest level before it, within the same clause.
    const before = [...levels].reverse().find((l) => l.end <= h.start && !/[.;]/.test(line.slice(l.end, h.start)) && h.start - l.end <= 60);
    const level = after?.level ?? before?.level ?? null;
    if (!out.some((o) => o.code === h.code)) out.push({ code: h.code, level });
  }
  return out;
}
