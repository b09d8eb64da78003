// A résumé compiled once for scoring: integer skill ids, best evidence per skill including
// what more specific skills imply (Spring Boot months count for Java), month indexes.

import type { ScoringWeights } from '../domain/match.ts';
import type { ResumeProfile } from '../domain/resume.ts';
import type { Span } from '../domain/types.ts';
import type { Taxonomy } from '../taxonomy/taxonomy.ts';
import { monthIndex, parseAsOf } from '../text/dates.ts';
import { DEGREE_ORDER } from '../domain/posting.ts';
import { compactCandidate, type CompactCandidate } from './compact-candidate.ts';
import { compileOccupation, type CandidateOccupation } from './relevance.ts';
import { compileCandidateTerms, type CandidateTerms } from './text-relevance.ts';

export interface SkillFact {
  months: number;
  /** Month index of last use; -1 when never in a dated position. */
  last: number;
  listedOnly: boolean;
  statedMonths: number;
  /** The résumé skill that supplies this evidence (itself, or a more specific skill). */
  via: number;
  /** Hops from the evidence skill up to the skill it stands for (0 = itself). */
  depth: number;
  /** What this evidence is worth for that skill (depthFactor). */
  factor: number;
  mention: (Span & { text: string }) | null;
}

export interface Candidate {
  profile: ResumeProfile;
  asOf: number;
  /** Direct evidence by skill number. */
  direct: Map<number, SkillFact>;
  /** Best evidence for a skill number, its own or a descendant's. */
  effective: Map<number, SkillFact>;
  /** Month index each professional position ended (the as-of month when current). */
  lastWorked: number;
  /** Degrees with a known level, highest first. */
  degrees: Array<ResumeProfile['education'][number] & { rank: number }>;
  /** Months per function and the latest title's function, for role relevance. */
  occupation: CandidateOccupation;
  /** The experience text's terms as ascending hashes (all and per position), for text relevance. */
  terms: CandidateTerms;
  /** The same evidence as numbers, for the fast path (quick.ts). */
  compact: CompactCandidate;
  /** Hard skills (not transversal), most used first, for the explanation's used and unused skills. */
  skillsByUse: ResumeProfile['skills'];
}

/**
 * How much evidence from a more specific skill is worth for a narrow skill: full from a child,
 * less from further down. A broad concept ("Software development", "Databases") is fully shown
 * by any of its many descendants.
 */
export function depthFactor(w: Pick<ScoringWeights, 'depthFactors'>, depth: number, broad = false): number {
  return broad || depth <= 1 ? 1 : depth === 2 ? w.depthFactors.grandchild : w.depthFactors.deeper;
}

function value(f: SkillFact): number {
  return Math.max(f.months, f.statedMonths) * f.factor;
}

/** Dated evidence beats a bare listing; then more (discounted) months; then nearer; then more recent. */
function better(a: SkillFact | undefined, b: SkillFact): boolean {
  if (!a) return true;
  if (value(b) !== value(a)) return value(b) > value(a);
  if (b.depth !== a.depth) return b.depth < a.depth;
  return b.last > a.last;
}

/** `weights`: the model's depth factors (applied once, when the résumé is compiled). */
export function compileCandidate(tax: Taxonomy, profile: ResumeProfile, weights: Pick<ScoringWeights, 'depthFactors'>): Candidate {
  const asOfYm = parseAsOf(profile.asOf)!;
  const asOf = monthIndex(asOfYm);
  const direct = new Map<number, SkillFact>();
  const effective = new Map<number, SkillFact>();
  for (const s of profile.skills) {
    const info = tax.byId.get(s.id);
    if (!info) continue;
    const last = s.lastUsed ? monthIndex(parseAsOf(s.lastUsed)!) : -1;
    const fact: SkillFact = { months: s.months, last, listedOnly: s.listedOnly, statedMonths: s.statedMonths ?? 0, via: info.n, depth: 0, factor: 1, mention: s.mentions[0] ?? null };
    direct.set(info.n, fact);
    if (better(effective.get(info.n), fact)) effective.set(info.n, fact);
    info.ancestors.forEach((a, i) => {
      const depth = info.ancestorDepth[i]!;
      const implied = { ...fact, depth, factor: depthFactor(weights, depth, tax.skills[a]!.descendants >= weights.depthFactors.broadConcept) };
      if (better(effective.get(a), implied)) effective.set(a, implied);
    });
  }
  let lastWorked = -1;
  for (const p of profile.positions) {
    if (p.kind !== 'job') continue;
    lastWorked = Math.max(lastWorked, p.end ? monthIndex(parseAsOf(p.end)!) : asOf);
  }
  const degrees = profile.education.filter((e) => e.level !== null).map((e) => ({ ...e, rank: DEGREE_ORDER.indexOf(e.level!) })).sort((a, b) => b.rank - a.rank);
  const occupation = compileOccupation(tax, profile, asOf);
  const compact = compactCandidate(tax, profile, { asOf, lastWorked, direct, effective, degrees, monthsFor: occupation.monthsFor });
  const skillsByUse = profile.skills.filter((s) => !tax.byId.get(s.id)?.transversal).sort((a, b) => Math.max(b.months, b.statedMonths ?? 0) - Math.max(a.months, a.statedMonths ?? 0) || a.id.localeCompare(b.id, 'en'));
  return { profile, asOf, direct, effective, lastWorked, degrees, occupation, terms: compileCandidateTerms(profile), compact, skillsByUse };
}
