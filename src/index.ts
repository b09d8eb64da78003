// Public library API. No logic here: the engine (parse, score) and the application layer's verbs
// (rank roles for a résumé, rank candidates for a role, score a pair, one résumé of a batch).
export { createEngine, type Engine } from './engine.ts';
export {
  rankRoles, rankCandidates, roleSet, scoreRoles, scorePair, resumeResult,
  type RankQuery, type RankedRow, type RankStats, type RoleSet, type PairScore, type BatchQuery, type ResumeResult, type Candidate, type Role,
} from './app/index.ts';
export type { PostingFilter } from './domain/filter.ts';
export type { Mention, Span, Warning } from './domain/types.ts';
export { RolefitError, ERRORS, type ErrorCode } from './errors.ts';
