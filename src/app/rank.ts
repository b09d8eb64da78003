// The ranking verbs every face calls: the best roles for a résumé, the best candidates for a
// role, one pair. Rows, sorting and explanations are made here once, so the CLI, the service and
// batch runs rank the same way and show the same fields.

import type { Engine } from '../engine.ts';
import type { Match, ScoringWeights } from '../domain/match.ts';
import type { PostingProfile } from '../domain/posting.ts';
import { normalizeFilter, type PostingFilter } from '../domain/filter.ts';
import { RoleIndex, compareRanked, type RoleMeta } from '../retrieval/role-index.ts';
import type { Candidate } from '../scoring/candidate.ts';
import { topReasons } from '../scoring/reasons.ts';
import { withOverrides, type Role } from '../scoring/score.ts';

export type { Candidate } from '../scoring/candidate.ts';
export type { Role } from '../scoring/score.ts';

/** How to rank; one type for every face. */
export interface RankQuery {
  /** How many results; 0 or absent means all. */
  top?: number;
  filter?: PostingFilter;
  /** Leave out results scoring below this. */
  minScore?: number;
  /** Leave out results whose must-haves are not all met. */
  passingOnly?: boolean;
  weights?: Partial<ScoringWeights>;
  /** 'full' adds the whole Match to each row. */
  explain?: 'summary' | 'full';
}

/** One ranked result: a role for a candidate, or a candidate for a role. */
export interface RankedRow {
  id: string;
  /** The role's title (null for candidates, and for roles without one). */
  title: string | null;
  score: number;
  gates: Match['gates'];
  summary: string;
  reasons: string[];
  ceiling: number;
  match?: Match;
}

/** Ranking statistics: how many there were and how many the full scorer read. */
export interface RankStats {
  total: number;
  scored: number;
}

/** What the index keeps of a posting to filter on. */
export function roleMeta(profile: PostingProfile): RoleMeta {
  const l = profile.location;
  return { country: l.country, city: l.city, workMode: l.workMode, employmentType: profile.employmentType };
}

/** Roles to rank against, indexed once, in the order they were given (a CLI's or a batch's postings). */
export interface RoleSet {
  index: RoleIndex;
  ids: string[];
  roles: Role[];
}

export function roleSet(engine: Engine, postings: Iterable<{ id: string; profile: PostingProfile }>): RoleSet {
  const index = new RoleIndex(engine.taxonomy);
  const ids: string[] = [];
  const roles: Role[] = [];
  for (const p of postings) {
    const role = engine.roleOf(p.profile);
    index.put(p.id, role, roleMeta(p.profile));
    ids.push(p.id);
    roles.push(role);
  }
  return { index, ids, roles };
}

/** A pair's score on the fast path, without an explanation. */
export interface PairScore {
  id: string;
  score: number;
  passed: boolean;
  /** The failed gates' requirement ids (as a Match's gates.failed), when asked for and any failed. */
  failed?: string[];
}

/**
 * Every role of the set scored for one candidate, in the set's order, on the fast path (no
 * explanation): what an all-pairs batch writes. The filter, minScore and passingOnly apply;
 * `withGates` adds each failing pair's failed gate ids.
 */
export function scoreRoles(engine: Engine, set: RoleSet, candidate: Candidate, q: RankQuery, withGates = false): PairScore[] {
  const filter = normalizeFilter(q.filter);
  const passes = Object.keys(filter).length > 0 ? set.index.matcher(filter) : null;
  const out: PairScore[] = [];
  const score = engine.pairScorer(q.weights);
  const failedLines: number[] = [];
  for (let i = 0; i < set.roles.length; i++) {
    const id = set.ids[i]!;
    if (passes && !passes(id)) continue;
    const role = set.roles[i]!;
    failedLines.length = 0;
    const s = score(candidate, role, withGates ? failedLines : null);
    if (s.score < (q.minScore ?? 0) || (q.passingOnly && !s.passed)) continue;
    out.push(withGates && !s.passed ? { id, score: s.score, passed: false, failed: failedLines.map((l) => role.reqs[l]!.requirement.id) } : { id, score: s.score, passed: s.passed });
  }
  return out;
}

/** The best roles in the index for a candidate: exact top-k through the index's bounds, explained. */
export function rankRoles(engine: Engine, roles: RoleIndex | RoleSet, candidate: Candidate, q: RankQuery): { results: RankedRow[]; stats: RankStats } {
  const index = roles instanceof RoleIndex ? roles : roles.index;
  const weights = withOverrides(engine.scoring.weights, q.weights);
  const k = q.top && q.top > 0 ? q.top : index.size;
  const { results, stats } = index.rank(candidate, { k, weights, filter: normalizeFilter(q.filter), minScore: q.minScore, passingOnly: q.passingOnly });
  return { results: results.map((r) => explainRow(engine, r.id, candidate, index.role(r.id)!, q, true)), stats: { total: stats.roles, scored: stats.scored } };
}

/** The best candidates for a role: every candidate scored on the fast path, the top ones explained. */
export function rankCandidates(engine: Engine, candidates: Iterable<[id: string, candidate: Candidate]>, role: Role, q: RankQuery): { results: RankedRow[]; stats: RankStats } {
  const scored: Array<{ id: string; score: number; passed: boolean; candidate: Candidate }> = [];
  const score = engine.pairScorer(q.weights);
  let total = 0;
  for (const [id, c] of candidates) {
    total++;
    const s = score(c, role);
    if (s.score >= (q.minScore ?? 0) && (!q.passingOnly || s.passed)) scored.push({ id, ...s, candidate: c });
  }
  scored.sort(compareRanked);
  const top = q.top && q.top > 0 ? scored.slice(0, q.top) : scored;
  return { results: top.map((r) => explainRow(engine, r.id, r.candidate, role, q, false)), stats: { total, scored: total } };
}

/** One pair, explained (or not). */
export function scorePair(engine: Engine, candidate: Candidate, role: Role, opts: { weights?: Partial<ScoringWeights>; explain?: boolean } = {}): Match {
  return engine.match(candidate, role, { explain: opts.explain ?? true, ...(opts.weights ? { weights: opts.weights } : {}) });
}

/**
 * A ranked row for a pair: the Match's score, gates, summary and top reasons. `titled`: the row
 * names the role (a role ranked for a candidate), not a candidate ranked for a role.
 */
function explainRow(engine: Engine, id: string, candidate: Candidate, role: Role, q: RankQuery, titled: boolean): RankedRow {
  const m = scorePair(engine, candidate, role, q.weights ? { weights: q.weights } : {});
  return rowOf(id, titled ? role.profile.title : null, m, q.explain === 'full');
}

function rowOf(id: string, title: string | null, m: Match, full = false): RankedRow {
  return { id, title, score: m.score, gates: m.gates, summary: m.summary, reasons: topReasons(m), ceiling: m.ceiling, ...(full ? { match: m } : {}) };
}
