// What every requirement scorer returns, and small helpers they share.

import type { Evidence, RequirementStatus, ScoringWeights } from '../domain/match.ts';
import type { Requirement, SkillRef } from '../domain/posting.ts';
import type { Taxonomy } from '../taxonomy/taxonomy.ts';
import { formatYearMonth, fromMonthIndex } from '../text/dates.ts';
import type { Candidate } from './candidate.ts';

/** A requirement's skill, resolved to its taxonomy number once when the role is compiled. */
export interface CompiledRef {
  ref: SkillRef;
  n: number;
}

export { duration } from './durations.ts';

export interface Scored {
  credit: number;
  status: RequirementStatus;
  evidence: readonly Evidence[];
  detail: string;
}

export interface ScoreContext {
  tax: Taxonomy;
  weights: ScoringWeights;
  candidate: Candidate;
  requirement: Requirement;
  /** The requirement's anyOf / allOf skills, resolved to taxonomy numbers. */
  any: CompiledRef[];
  all: CompiledRef[];
  /** Whether to build evidence and detail text (off for fast ranking). */
  explain: boolean;
}

export type Scorer = (ctx: ScoreContext) => Scored;

/**
 * How the ranking index bounds one requirement's credit from above, decided once when the role is
 * indexed (each kind's `plan` in kinds.ts):
 * - `unknown`: never checked, so it never weighs in the score;
 * - `met`: nothing cheaper than scoring it bounds it, so it is taken as met (credit 1; which also
 *   bounds a line that may turn out unknown);
 * - `items`: the line's credit is a function (the kind's `lineBound`) of the mean of its skill
 *   items (an OR-group is one item, each AND member one), each bounded from the candidate's
 *   evidence by `itemBound` (skills.ts); `need` is the months each item's years ask, `cap` the
 *   candidate months that scale the whole line (professional or leadership scopes) and `capNeed`
 *   the months they ask;
 * - `class`: the credit depends on the candidate and a small key only (education: the level asked
 *   and "or equivalent"), bounded by the kind's `classBound` once per key per query.
 * `items` and `class` lines must always be known (never `status: 'unknown'`): the bound counts
 * their weight.
 */
export type LinePlan =
  | { via: 'unknown' }
  | { via: 'met' }
  | { via: 'items'; need: number; minShare: number; cap: CapSource; capNeed: number }
  | { via: 'class'; key: string };

/** Candidate months that cap an experience line scoped to skills (experience.ts, capMonths). */
export type CapSource = 'none' | 'total' | 'leadership';

/** The evidence of a result built without explanation (shared, never mutated). */
export const NO_EVIDENCE: readonly Evidence[] = Object.freeze([]);

/** A requirement of this kind that states nothing this scorer can check: left out of the score. */
export const UNKNOWN: Scored = Object.freeze({ credit: 0, status: 'unknown', evidence: NO_EVIDENCE, detail: '' });

export function statusOf(credit: number): RequirementStatus {
  return credit >= 0.999 ? 'met' : credit > 0 ? 'partial' : 'unmet';
}

export function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

export function monthText(i: number): string {
  return formatYearMonth(fromMonthIndex(i));
}

export function resumeEvidence(text: string, span: { start: number; end: number }): Evidence {
  return { source: 'resume', span: { start: span.start, end: span.end }, text };
}

/**
 * Smooth partial credit below a minimum: (have / need)^exponent (`yearsCreditExponent`; at 1.5
 * half the years earns ~35%). Never falls as `haveMonths` grows, which the ranking index relies on.
 */
export function yearsCredit(haveMonths: number, needMonths: number, exponent: number): number {
  if (needMonths <= 0) return haveMonths > 0 ? 1 : 0;
  // Enough years: what the power gives for a ratio of 1, without computing it (most pairs ranked meet the years).
  if (haveMonths >= needMonths && Number.isFinite(exponent)) return 1;
  return clamp01(Math.pow(Math.min(1, haveMonths / needMonths), exponent));
}
