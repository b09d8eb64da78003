// Whole-posting closeness, so two roles with the same requirements still rank by how close the
// work is: the share of the posting's skill vocabulary (every skill it mentions, in requirements
// and responsibilities alike, weighted by log term frequency) that the candidate shows, directly
// or through a more specific skill. It reads only taxonomy concepts, never raw résumé words, so
// names, pronouns, ages or addresses cannot move it (fair by construction), and adding a skill to
// a résumé can only raise it (monotone), which a cosine over raw words cannot promise.

export interface ConceptVector {
  /** Skill number -> weight. */
  weights: Map<number, number>;
  total: number;
}

export function conceptVector(counts: Map<number, number>, idf?: (n: number) => number): ConceptVector {
  const weights = new Map<number, number>();
  let total = 0;
  for (const [n, c] of counts) {
    const w = (1 + Math.log(c)) * (idf ? idf(n) : 1);
    weights.set(n, w);
    total += w;
  }
  return { weights, total };
}

/** Weighted share of the role's concepts that the candidate has (0..1). */
export function coverage(role: ConceptVector, has: (n: number) => boolean): number {
  if (role.total === 0) return 0;
  let got = 0;
  for (const [n, w] of role.weights) if (has(n)) got += w;
  return got / role.total;
}
