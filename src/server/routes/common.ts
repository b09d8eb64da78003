// Small pieces the routes share: weights from JSON or a form field, ranking options.

import type { ScoringWeights } from '../../domain/match.ts';
import { createError } from '../../errors.ts';
import { resolveAsOf } from '../../engine.ts';
import { formatYearMonth } from '../../text/dates.ts';
import { weightProblem } from '../../scoring/weights.ts';
import type { RankQuery } from '../catalog.ts';

/**
 * "Present" for a résumé parsed in this request: the body's asOf, else today (read here, at the
 * edge); "document" passes through to the parser, which reads the file's own date.
 */
export function requestAsOf(asOf: string | undefined): string {
  return asOf === 'document' ? asOf : formatYearMonth(resolveAsOf(asOf));
}

export function weightsFrom(v: unknown): Partial<ScoringWeights> | undefined {
  if (v === undefined) return undefined;
  let o = v;
  if (typeof v === 'string') {
    try {
      o = JSON.parse(v);
    } catch {
      throw createError('REQUEST_INVALID', { reason: 'weights is not valid JSON' });
    }
  }
  const problem = weightProblem(o);
  if (problem) throw createError('REQUEST_INVALID', { reason: problem });
  return o as Partial<ScoringWeights>;
}

/** The work mode as profiles spell it ("onsite" is accepted for "on-site"). */
export function workMode(v: string): string {
  return v === 'onsite' ? 'on-site' : v;
}

export interface RankingFields {
  top?: number;
  minScore?: number;
  passingOnly?: boolean;
  weights?: unknown;
  explain?: 'summary' | 'full';
  country?: string;
  city?: string;
  workMode?: string;
  employmentType?: string;
}

export function rankQuery(b: RankingFields): RankQuery {
  const filter = {
    ...(b.country ? { country: b.country } : {}),
    ...(b.city ? { city: b.city } : {}),
    ...(b.workMode ? { workMode: workMode(b.workMode) } : {}),
    ...(b.employmentType ? { employmentType: b.employmentType } : {}),
  };
  return {
    top: b.top ?? 10,
    filter,
    ...(b.minScore !== undefined ? { minScore: b.minScore } : {}),
    ...(b.passingOnly !== undefined ? { passingOnly: b.passingOnly } : {}),
    ...(b.weights !== undefined ? { weights: weightsFrom(b.weights) } : {}),
    explain: b.explain ?? 'summary',
  };
}
