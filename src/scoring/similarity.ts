// Whole-text similarity: stemmed content words (natural's Porter stemmer, the one wrapper for
// that library) as sparse term-frequency vectors, optionally IDF-weighted over a collection,
// compared by cosine.

import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// The stemmer submodule only: the natural package root is slow to load and prints to stdout.
const PorterStemmer = require('natural/lib/natural/stemmers/porter_stemmer.js') as { stem(word: string): string };

const STOP = new Set(('a about above after again all also am an and any are as at be because been before being below between both but by can could did do does doing down during each few for from further had has have having he her here hers him his how i if in into is it its itself just me more most my no nor not now of off on once only or other our ours out over own same she should so some such than that the their theirs them then there these they this those through to too under until up very was we were what when where which while who whom why will with you your yours role team work working years year experience company including within across able ability strong good great new using use used well etc').split(' '));

/** Sorted term keys with their weights. */
export interface TermVector {
  terms: string[];
  weights: Float64Array;
  norm: number;
}

export function termCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const raw of text.toLowerCase().split(/[^\p{L}\d+#]+/u)) {
    if (raw.length < 2 || raw.length > 30 || STOP.has(raw) || /^\d+$/.test(raw)) continue;
    const term = raw.length > 3 && /^[a-z]+$/.test(raw) ? PorterStemmer.stem(raw) : raw;
    counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return counts;
}

/** A vector of log-scaled term frequencies, times an IDF when one is given. */
export function termVector(text: string, idf?: (term: string) => number): TermVector {
  const counts = termCounts(text);
  const terms = [...counts.keys()].sort();
  const weights = new Float64Array(terms.length);
  let sq = 0;
  terms.forEach((t, i) => {
    const w = (1 + Math.log(counts.get(t)!)) * (idf ? idf(t) : 1);
    weights[i] = w;
    sq += w * w;
  });
  return { terms, weights, norm: Math.sqrt(sq) };
}

/** Cosine of two sparse vectors (a merge over their sorted terms). */
export function cosine(a: TermVector, b: TermVector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < a.terms.length && j < b.terms.length) {
    const x = a.terms[i]!;
    const y = b.terms[j]!;
    if (x === y) { dot += a.weights[i]! * b.weights[j]!; i++; j++; }
    else if (x < y) i++;
    else j++;
  }
  return dot / (a.norm * b.norm);
}
