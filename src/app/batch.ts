// The batch verb: one résumé against a set of roles, as a batch run writes it — its ranked roles
// (top N, explained), or every pair on the fast path (--all). The CLI's worker threads, the
// service's batch jobs and the queue workers all call this one function.

import type { ErrorCode } from '../errors.ts';
import type { Engine } from '../engine.ts';
import type { ResumeProfile } from '../domain/resume.ts';
import type { AsOf } from '../workers/parse-document.ts';
import { rankRoles, scoreRoles, type PairScore, type RankQuery, type RankedRow, type RoleSet } from './rank.ts';

/** A batch's ranking options: the app layer's, plus all pairs instead of the top. */
export interface BatchQuery extends RankQuery {
  all?: boolean;
  asOf?: AsOf;
}

/** One résumé's results: its ranked roles (top mode), every pair (all mode), or why it could not be read. */
export type ResumeResult =
  | { resumeId: string; mode: 'top'; rows: RankedRow[] }
  | { resumeId: string; mode: 'all'; pairs: PairScore[] }
  | { resumeId: string; error: { code: ErrorCode; message: string } };

/** `withGates`: all pairs carry their failed gate ids (what a CSV row shows). */
export function resumeResult(engine: Engine, set: RoleSet, resumeId: string, profile: ResumeProfile, q: BatchQuery, withGates = false): ResumeResult {
  const candidate = engine.candidateOf(profile);
  if (q.all) return { resumeId, mode: 'all', pairs: scoreRoles(engine, set, candidate, q, withGates) };
  return { resumeId, mode: 'top', rows: rankRoles(engine, set.index, candidate, { ...q, explain: 'summary' }).results };
}
