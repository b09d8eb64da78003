// The score from the requirement lines' sums and the whole-pair parts. One copy of this
// arithmetic, shared by the explained scorer (score.ts), the fast path (quick.ts) and the ranking
// index's bounds (retrieval/role-index.ts), so the three can never drift apart.

import type { ScoringWeights } from '../domain/match.ts';

/** What failed gates multiply the score by: the share of must-haves failed, not their count, and no floor. */
export function gateFactor(w: ScoringWeights, failed: number, must: number): number {
  return failed > 0 ? (w.gateCap / 100) * (1 - w.gateShareWeight * Math.min(1, failed / Math.max(1, must))) : 1;
}

/**
 * The score from its parts: the requirements' base, similarity, role relevance and text relevance
 * as shares of the blend, then the gate and relevance factors. The ranking index bounds scores with
 * this same function (each part only ever raises the score).
 */
export function blendScore(w: ScoringWeights, base: number, similarity: number, relevance: number, text: number, relevanceFactor: number, gate: number): number {
  const rw = w.relevance.weight;
  const tw = w.textWeight;
  // The requirements' share is never taken below 0 (were the other shares to exceed 1, a higher base would lower the score).
  const blend = Math.max(0, 1 - w.similarityWeight - rw - tw) * base + w.similarityWeight * similarity + rw * relevance + tw * text;
  return 100 * blend * gate * relevanceFactor;
}

/**
 * The rounded score from the known lines' sums (`num`: weight × credit, `den`: weight), the
 * must-haves counted and failed, similarity, role relevance (its blend share and factor) and text
 * relevance. Without a known line the base is the similarity.
 */
export function finalScore(w: ScoringWeights, num: number, den: number, must: number, failed: number, similarity: number, relevance: number, relevanceFactor: number, text: number): number {
  const base = den > 0 ? num / den : similarity;
  // Failed gates and unrelated work scale the score: the candidate stays visible and still ranks by fit.
  // Relevance is also a share of the blend, so candidates nobody's requirements separate (all
  // meet them, or none does) still rank by it.
  const score = blendScore(w, base, similarity, relevance, text, relevanceFactor, gateFactor(w, failed, must));
  return Math.max(0, Math.round(score * 10) / 10);
}

/** A line's credit as the score reads it and the explanation shows it: three places. */
export function lineCredit(credit: number): number {
  return Math.round(credit * 1000) / 1000;
}
