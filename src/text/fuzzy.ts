// The one wrapper around natural: Jaro–Winkler similarity for misspelt names ("Postgress",
// "Kubernates", "Javascipt"), and the Porter stemmer and English stop words that text relevance
// reads terms with. Only the submodules used are loaded (the package index takes ~300 ms and
// prints to stdout), each on first use.

import { createRequire } from 'node:module';

type JaroWinkler = (a: string, b: string, options?: { ignoreCase?: boolean }) => number;

let jw: JaroWinkler | null = null;
let porter: { stem: (w: string) => string } | null = null;
let stops: ReadonlySet<string> | null = null;

function load(): JaroWinkler {
  jw ??= createRequire(import.meta.url)('natural/lib/natural/distance/jaro-winkler_distance.js') as JaroWinkler;
  return jw;
}

/** Jaro–Winkler similarity of two strings, case-insensitive: 1 for equal, 0 for nothing in common. */
export function jaroWinkler(a: string, b: string): number {
  return load()(a.toLowerCase(), b.toLowerCase());
}

/**
 * The strings made by deleting one character of `word` (each once). Two words within one edit
 * (a character added, dropped, changed, or two neighbours swapped) share one of these or are one
 * of the other's: the index a misspelling lookup uses before Jaro–Winkler confirms it.
 */
export function deletions(word: string): string[] {
  const out = new Set<string>();
  for (let k = 0; k < word.length; k++) out.add(word.slice(0, k) + word.slice(k + 1));
  return [...out];
}

/** Stems remembered: words repeat from document to document, and natural's stemmer costs microseconds a word. */
const stems = new Map<string, string>(); // a cache of a pure function, not state
/** How many stems are remembered before starting over (a few MB at most). */
const STEM_CACHE = 100_000;

/** The Porter stem of a lower-case word ("managing" and "management" → "manag"). */
export function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    porter ??= createRequire(import.meta.url)('natural/lib/natural/stemmers/porter_stemmer.js') as { stem: (w: string) => string };
    s = porter.stem(word);
    if (stems.size >= STEM_CACHE) stems.clear();
    stems.set(word, s);
  }
  return s;
}

/** natural's English stop words ("the", "and", "with", ...). */
export function stopWords(): ReadonlySet<string> {
  stops ??= new Set((createRequire(import.meta.url)('natural/lib/natural/util/stopwords.js') as { words: string[] }).words);
  return stops;
}
