// Text relevance: how much of what the posting asks and describes (its title, requirement and
// responsibility stems, each weighted by rarity in a neutral corpus, terms.yaml) the candidate's
// experience text shows. One-sided coverage, so more relevant experience never lowers it, and read
// only from positions (no contact block, no personal-attribute lines). The explanation names the
// closest position by cosine similarity (ml-distance).

import { similarity } from 'ml-distance';
import type { TextRelevance } from '../domain/match.ts';
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

/**
 * The candidate's experience terms: an open-addressing table of term hashes (-1 empty) with, for
 * each, a bit mask of the positions (the first 31) whose text holds it. One probe per posting term
 * scores a pair; the masks find the closest position without a pass per position. `filter` has
 * bit (h mod FILTER_BITS) set for every hash held: most posting terms are not in the résumé, and
 * one bit test turns them away before a probe.
 */
export interface CandidateTerms {
  keys: Int32Array;
  masks: Int32Array;
  filter: Int32Array;
  size: number;
}

const MAX_MASKED_POSITIONS = 31;
/** Bits in a candidate's term filter: a few dozen to a few hundred terms leave it mostly empty. */
const FILTER_BITS = 4096;

function filtered(filter: Int32Array, h: number): boolean {
  return (filter[(h >>> 5) & (FILTER_BITS / 32 - 1)]! & (1 << (h & 31))) !== 0;
}

export function compileCandidateTerms(profile: ResumeProfile): CandidateTerms {
  const own = new Map<number, number>();
  profile.positions.forEach((p, k) => {
    const bit = k < MAX_MASKED_POSITIONS ? 1 << k : 0;
    for (const t of p.terms ?? []) {
      const h = termHash(t);
      own.set(h, (own.get(h) ?? 0) | bit);
    }
  });
  let cap = 16;
  while (cap < own.size * 2) cap *= 2;
  const keys = new Int32Array(cap).fill(-1);
  const masks = new Int32Array(cap);
  const filter = new Int32Array(FILTER_BITS / 32);
  for (const [h, m] of own) {
    let i = h & (cap - 1);
    while (keys[i] !== -1) i = (i + 1) & (cap - 1);
    keys[i] = h;
    masks[i] = m;
    filter[(h >>> 5) & (FILTER_BITS / 32 - 1)]! |= 1 << (h & 31);
  }
  return { keys, masks, filter, size: own.size };
}

/** The slot of hash `h` in the candidate's table, or -1. */
function slotOf(c: CandidateTerms, h: number): number {
  const mask = c.keys.length - 1;
  let i = h & mask;
  for (;;) {
    const k = c.keys[i]!;
    if (k === h) return i;
    if (k === -1) return -1;
    i = (i + 1) & mask;
  }
}

/**
 * Share of the role's term weight the candidate's terms cover, divided by the share that earns full
 * relevance (`fullShare`), at most 1; null when the role has no terms.
 */
export function textRelevance(role: RoleTerms, cand: CandidateTerms, fullShare: number): number | null {
  if (role.total <= 0) return null;
  if (cand.size === 0) return 0;
  let got = 0;
  const a = role.hashes;
  const filter = cand.filter;
  for (let i = 0; i < a.length; i++) {
    const h = a[i]!;
    if (filtered(filter, h) && slotOf(cand, h) >= 0) got += role.weights[i]!;
  }
  return Math.min(1, got / role.total / fullShare);
}


export function explainTextRelevance(role: RoleTerms, resume: ResumeProfile, cand: CandidateTerms, score: number | null, fullShare: number): TextRelevance {
  // The closest position: the largest share of the posting's squared term weight it shows (the
  // order of the cosine between the two weighted vectors).
  const n = Math.min(resume.positions.length, MAX_MASKED_POSITIONS);
  const shown = new Float64Array(n);
  const slots = new Int32Array(role.hashes.length);
  for (let i = 0; i < role.hashes.length; i++) {
    const h = role.hashes[i]!;
    const at = cand.size && filtered(cand.filter, h) ? slotOf(cand, h) : -1;
    slots[i] = at;
    if (at < 0) continue;
    const w2 = role.weights[i]! * role.weights[i]!;
    // Each set bit (a position holding the term), lowest first.
    for (let m = cand.masks[at]!; m !== 0; m &= m - 1) {
      const k = 31 - Math.clz32(m & -m);
      if (k < n) shown[k]! += w2;
    }
  }
  let best = -1;
  for (let k = 0; k < n; k++) if (shown[k]! > 0 && (best < 0 || shown[k]! > shown[best]!)) best = k;
  const pos = best >= 0 ? resume.positions[best]! : null;
  let closest: TextRelevance['closest'] = null;
  if (pos) {
    const v = new Float64Array(role.weights.length);
    const sharedAt: number[] = [];
    for (let i = 0; i < slots.length; i++) {
      if (slots[i]! >= 0 && (cand.masks[slots[i]!]! >>> best) & 1) { v[i] = role.weights[i]!; sharedAt.push(i); }
    }
    const shared = sharedAt.sort((x, y) => role.weights[y]! - role.weights[x]! || x - y).slice(0, 6).map((i) => role.terms?.[i] ?? '');
    closest = { title: pos.title, organization: pos.organization, start: pos.start, end: pos.end, similarity: Math.round(similarity.cosine(role.weights, v) * 1000) / 1000, shared };
  }
  const detail = score === null
    ? 'the posting has no requirement or responsibility text to compare'
    : `${twoPlaces(score)}: the experience text shows the posting's terms (weighted by rarity; ${twoPlaces(fullShare)} of them earns 1)${closest ? `; closest experience: ${[closest.title, closest.organization].filter(Boolean).join(', ') || 'a position'}, ${closest.start.slice(0, 4)}–${closest.end ? closest.end.slice(0, 4) : 'present'} (shares stems: ${closest.shared.join(', ')})` : '; no position text'}`;
  return { score: score === null ? null : Math.round(score * 1000) / 1000, closest, detail, evidence: pos ? [{ source: 'resume', span: pos.span, text: [pos.title, pos.organization].filter(Boolean).join(', ') }] : [] };
}

/** A share or relevance as the details print it. */
function twoPlaces(x: number): string {
  return x.toFixed(2);
}
