// Content terms for text relevance: the distinct Porter stems of a text's words, stop words,
// numbers and single letters left out ("Managed the payroll of 40 staff" → manag, payrol, staff).

import { stem, stopWords } from './fuzzy.ts';

/** Word tokens: a letter, then letters, digits, "+" or "#" ("c++", "c#", "node.js" → node, js). */
const WORD = /[a-z][a-z0-9+#]*/g;

export function contentTerms(text: string): string[] {
  const stops = stopWords();
  const out = new Set<string>();
  for (const m of text.toLowerCase().matchAll(WORD)) {
    const w = m[0];
    if (w.length < 2 || stops.has(w)) continue;
    out.add(stem(w));
  }
  return [...out];
}
