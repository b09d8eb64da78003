// What every requirement scorer returns, and small helpers they share.

import type { Evidence, RequirementStatus, ScoringWeights } from '../domain/match.ts';
import type { Requirement } from '../domain/posting.ts';
import type { Taxonomy } from '../taxonomy/taxonomy.ts';
import { formatYearMonth, fromMonthIndex } from '../text/dates.ts';
import type { Candidate } from './candidate.ts';
import type { CompiledRef } from './skills.ts';

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

/** "3 years 4 months", "1 year", "7 months". */
export function duration(months: number): string {
  const y = Math.floor(months / 12);
  const m = Math.round(months % 12);
  const ys = y ? `${y} year${y === 1 ? '' : 's'}` : '';
  const ms = m ? `${m} month${m === 1 ? '' : 's'}` : '';
  return [ys, ms].filter(Boolean).join(' ') || '0 months';
}

export function monthText(i: number): string {
  return formatYearMonth(fromMonthIndex(i));
}

export function resumeEvidence(text: string, span: { start: number; end: number }): Evidence {
  return { source: 'resume', span: { start: span.start, end: span.end }, text };
}

/** Smooth partial credit below a minimum: (have / need)^1.5, so half the years earns ~35%. */
export function yearsCredit(haveMonths: number, needMonths: number): number {
  if (needMonths <= 0) return haveMonths > 0 ? 1 : 0;
  return clamp01(Math.pow(Math.min(1, haveMonths / needMonths), 1.5));
}
