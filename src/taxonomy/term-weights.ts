// Term weights for text relevance (terms.yaml): inverse document frequency of word stems over a
// neutral background corpus, and the personal-attribute cues whose lines are never read.

import { phraseSet, type Lexicon } from './lexicons.ts';

export interface TermSource {
  documents?: number;
  df?: Record<string, number>;
  personal?: string[];
}

export interface TermWeights {
  /** ln((N + 1) / (df + 1)) + 1 for a listed stem. */
  idf: ReadonlyMap<string, number>;
  /** The weight of a stem the table does not list (rare in the background corpus). */
  rare: number;
  personal: Lexicon<true>;
}

export function createTermWeights(src: TermSource | undefined): TermWeights {
  const n = src?.documents ?? 0;
  const weight = (df: number): number => Math.log((n + 1) / (df + 1)) + 1;
  return {
    idf: new Map(Object.entries(src?.df ?? {}).map(([t, df]) => [t, weight(df)])),
    rare: weight(0),
    personal: phraseSet(src?.personal),
  };
}

export function termWeight(w: TermWeights, term: string): number {
  return w.idf.get(term) ?? w.rare;
}
