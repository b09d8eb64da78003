// Text relevance: how much of what the posting asks and describes (its title, requirement and
// responsibility stems, each weighted by rarity in a neutral corpus, terms.yaml) the candidate's
// experience text shows. One-sided coverage, so more relevant experience never lowers it, and read
// only from positions (no contact block, no personal-attribute lines). The explanation names the
// closest position by cosine similarity (ml-distance).

import { similarity } from 'ml-distance';
import type { Evidence } from '../domain/match.ts';
import type { ResumeProfile } from '../domain/resume.ts';
import type { PostingProfile } from '../domain/posting.ts';
import type { Taxonomy } from '../taxonomy/taxonomy.ts';
import { termWeight } from '../taxonomy/term-weights.ts';

/** FNV-1a, kept in the small-integer range so typed arrays and comparisons stay fast. */
function termHash(t: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < t.length; i++) {
    h ^= t.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 2) | 0;
}

/** A posting's terms, compiled once: hashes ascending, their weights and stems, and the weight in all. */
export interface RoleTerms {
  hashes: Int32Array;
  weights: Float64Array;
  terms?: string[];
  total: number;
}

export function compileRoleTerms(tax: Taxonomy, profile: PostingProfile): RoleTerms {
  const byHash = new Map((profile.terms ?? []).map((t) => [termHash(t), t]));
  const pairs = [...byHash].sort((a, b) => a[0] - b[0]);
  const weights = Float64Array.from(pairs, (p) => termWeight(tax.terms, p[1]));
  return { hashes: Int32Array.from(pairs, (p) => p[0]), weights, terms: pairs.map((p) => p[1]), total: weights.reduce((a, b) => a + b, 0) };
}

/** The candidate's experience terms as ascending hashes: all positions', and each position's. */
export interface CandidateTerms {
  all: Int32Array;
  positions: Int32Array[];
}

export function compileCandidateTerms(profile: ResumeProfile): CandidateTerms {
  const set = new Set<number>();
  const positions = profile.positions.map((p) => {
    const own = Int32Array.from(p.terms ?? [], termHash).sort();
    for (const h of own) set.add(h);
    return own;
  });
  return { all: Int32Array.from(set).sort(), positions };
}

/** Calls `hit(i)` for each role term (by index) that `cand` holds: one merge of two ascending arrays. */
function eachShared(role: RoleTerms, cand: Int32Array, hit: (i: number) => void): void {
  let i = 0;
  let j = 0;
  const a = role.hashes;
  while (i < a.length && j < cand.length) {
    const x = a[i]!;
    const y = cand[j]!;
    if (x === y) { hit(i); i++; j++; }
    else if (x < y) i++;
    else j++;
  }
}

/**
 * Share of the role's term weight the candidate's terms cover, divided by the share that earns full
 * relevance (`fullShare`), at most 1; null when the role has no terms.
 */
export function textRelevance(role: RoleTerms, cand: Int32Array, fullShare: number): number | null {
  if (role.total <= 0) return null;
  let i = 0;
  let j = 0;
  let got = 0;
  const a = role.hashes;
  while (i < a.length && j < cand.length) {
    const x = a[i]!;
    const y = cand[j]!;
    if (x === y) { got += role.weights[i]!; i++; j++; }
    else if (x < y) i++;
    else j++;
  }
  return Math.min(1, got / role.total / fullShare);
}

export interface TextRelevanceExplained {
  /** 0..1; null when the posting has no terms. */
  score: number | null;
  /** The position whose text is closest to the posting's (cosine over the posting's weighted terms). */
  closest: { title: string | null; organization: string | null; start: string; end: string | null; similarity: number; shared: string[] } | null;
  detail: string;
  evidence: Evidence[];
}

export function explainTextRelevance(role: RoleTerms, resume: ResumeProfile, cand: CandidateTerms, score: number | null, fullShare: number): TextRelevanceExplained {
  // The closest position: the largest share of the posting's squared term weight it shows (the
  // order of the cosine between the two weighted vectors).
  let best = -1;
  let bestShown = 0;
  cand.positions.forEach((own, k) => {
    let shown = 0;
    eachShared(role, own, (i) => { shown += role.weights[i]! ** 2; });
    if (shown > bestShown) { bestShown = shown; best = k; }
  });
  const pos = best >= 0 ? resume.positions[best]! : null;
  let closest: TextRelevanceExplained['closest'] = null;
  if (pos) {
    const v = new Float64Array(role.weights.length);
    eachShared(role, cand.positions[best]!, (i) => { v[i] = role.weights[i]!; });
    const shared = [...v.keys()].filter((i) => v[i]! > 0).sort((x, y) => role.weights[y]! - role.weights[x]! || x - y).slice(0, 6).map((i) => role.terms?.[i] ?? '');
    closest = { title: pos.title, organization: pos.organization, start: pos.start, end: pos.end, similarity: Math.round(similarity.cosine(Array.from(role.weights), Array.from(v)) * 1000) / 1000, shared };
  }
  const fmt = (x: number): string => x.toFixed(2);
  const detail = score === null
    ? 'the posting has no requirement or responsibility text to compare'
    : `${fmt(score)}: the experience text shows the posting's terms (weighted by rarity; ${fmt(fullShare)} of them earns 1)${closest ? `; closest experience: ${[closest.title, closest.organization].filter(Boolean).join(', ') || 'a position'}, ${closest.start.slice(0, 4)}–${closest.end ? closest.end.slice(0, 4) : 'present'} (shares stems: ${closest.shared.join(', ')})` : '; no position text'}`;
  return { score: score === null ? null : Math.round(score * 1000) / 1000, closest, detail, evidence: pos ? [{ source: 'resume', span: pos.span, text: [pos.title, pos.organization].filter(Boolean).join(', ') }] : [] };
}
