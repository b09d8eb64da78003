// Role relevance, a recruiter's first glance: is this person's work the role's kind of work? The
// role's function (from its title, or the titles its text names) against the candidate's: the
// function of their most recent position or headline, the share of their career in the same or
// related functions, and the months of it. Related functions (occupations.yaml) count by their
// weight. The result scales the score, so out-of-field candidates rank below in-field ones who meet
// the same requirements, and every point of it traces to a title in each document.

import type { Evidence, RoleRelevance, ScoringWeights } from '../domain/match.ts';
import type { ResumeProfile } from '../domain/resume.ts';
import type { PostingProfile } from '../domain/posting.ts';
import type { Taxonomy } from '../taxonomy/taxonomy.ts';
import { relatedness, type Occupations } from '../taxonomy/occupations.ts';
import { monthIndex, parseAsOf } from '../text/dates.ts';
import { duration } from './durations.ts';

/** A candidate's functions, compiled once: months per function and the latest and headline functions. */
export interface CandidateOccupation {
  fns: number[];
  months: number[];
  total: number;
  /** Function of the most recent position whose title names one (-1: none). */
  recent: number;
  recentPosition: number;
  /** Function the résumé's headline names (-1: none). */
  headline: number;
  /**
   * Months that count for an experience line scoped to each function (by id): months in it and in
   * related functions at their weight, at most the total. Empty when no title names a function.
   */
  monthsFor: ReadonlyMap<string, number>;
  /** Whether the résumé has any dated position (none: no evidence of doing any work, relevance 0). */
  dated: boolean;
}

export function compileOccupation(tax: Taxonomy, profile: ResumeProfile, asOf: number): CandidateOccupation {
  const occ = tax.occupations;
  const fns: number[] = [];
  const months: number[] = [];
  for (const f of profile.occupation?.functions ?? []) {
    const i = occ.index.get(f.function);
    if (i === undefined) continue;
    fns.push(i);
    months.push(f.months);
  }
  let recent = -1;
  let recentPosition = -1;
  let recentEnd = -Infinity;
  profile.positions.forEach((p, k) => {
    if (!p.function || p.kind === 'volunteer') return;
    const end = p.end ? monthIndex(parseAsOf(p.end)!) : asOf;
    if (end > recentEnd) { recentEnd = end; recent = occ.index.get(p.function) ?? -1; recentPosition = k; }
  });
  const h = profile.occupation?.headline;
  const monthsFor = new Map<string, number>();
  if (fns.length) {
    occ.functions.forEach((f, F) => {
      let m = 0;
      for (let i = 0; i < fns.length; i++) m += months[i]! * relatedness(occ, F, fns[i]!);
      monthsFor.set(f.id, Math.min(Math.round(m), profile.experience.totalMonths));
    });
  }
  return { fns, months, total: months.reduce((a, b) => a + b, 0), recent, recentPosition, headline: h ? occ.index.get(h.function) ?? -1 : -1, monthsFor, dated: profile.positions.length > 0 };
}

export function roleFunction(tax: Taxonomy, profile: PostingProfile): number {
  const o = profile.occupation;
  return o ? tax.occupations.index.get(o.function) ?? -1 : -1;
}

/**
 * Relevance 0..1 of a candidate to a role of function `fn`; null when the role's function is
 * unknown, or the résumé has positions whose titles name none. A résumé with no dated position and
 * no headline title shows no work in any function: 0 (a skills list alone is not experience).
 */
export function roleRelevance(occ: Occupations, w: ScoringWeights, c: CandidateOccupation, fn: number): number | null {
  if (fn < 0) return null;
  if (c.fns.length === 0 && c.headline < 0) return c.dated ? null : 0;
  const r = w.relevance;
  const recent = Math.max(relatedness(occ, fn, c.recent), relatedness(occ, fn, c.headline));
  // Months count by relatedness and each function's months only up to `months`, so a long career
  // in a loosely related function never adds up to a short one in the role's own.
  let related = 0;
  let capped = 0;
  for (let i = 0; i < c.fns.length; i++) {
    const rel = relatedness(occ, fn, c.fns[i]!);
    related += c.months[i]! * rel;
    capped += Math.min(c.months[i]!, r.months) * rel;
  }
  const share = c.total > 0 ? related / c.total : recent;
  const months = Math.min(1, capped / Math.max(1, r.months));
  return r.recentWeight * recent + r.shareWeight * share + r.monthsWeight * months;
}

/** Relevance as a share of the score's blend: 1 when the role's function is unknown (every candidate alike). */
export function relevanceValue(w: ScoringWeights, fn: number, relevance: number | null): number {
  return fn < 0 ? 1 : relevance ?? w.relevance.unknown;
}

/**
 * What role relevance multiplies the score by: the floor for no relevance, 1 for full, and 1 when
 * the role's function is unknown (nothing to compare; every candidate alike).
 */
export function relevanceFactor(w: ScoringWeights, fn: number, relevance: number | null): number {
  // Exactly 1 for an unknown role (floor + (1 − floor) × 1 need not round to 1).
  return fn < 0 ? 1 : w.relevance.floor + (1 - w.relevance.floor) * relevanceValue(w, fn, relevance);
}

/** The explanation of `score` (roleRelevance of this candidate for the role's function `fn`). */
export function explainRelevance(tax: Taxonomy, w: ScoringWeights, posting: PostingProfile, resume: ResumeProfile, c: CandidateOccupation, fn: number, score: number | null): RoleRelevance {
  const occ = tax.occupations;
  const factor = relevanceFactor(w, fn, score);
  const candidate = c.fns.map((f, i) => ({ function: occ.functions[f]!.id, name: occ.functions[f]!.name, months: c.months[i]!, related: fn < 0 ? 0 : relatedness(occ, fn, f) }));
  const role = posting.occupation ?? null;
  const evidence: Evidence[] = [];
  if (role?.span) evidence.push({ source: 'posting', span: role.span, text: role.words });
  const recentPos = c.recentPosition >= 0 ? resume.positions[c.recentPosition] : undefined;
  if (recentPos?.title) evidence.push({ source: 'resume', span: recentPos.span, text: `${recentPos.title} ${recentPos.start}–${recentPos.end ?? 'present'}` });
  const head = resume.occupation?.headline;
  if (head?.span) evidence.push({ source: 'resume', span: head.span, text: head.words });
  let detail: string;
  if (!role) detail = 'the role\'s function was not recognised, so relevance does not change the score';
  else if (score === null) detail = `role: ${role.name} ("${role.words}"); the candidate's titles name no known function, so relevance counts as ${twoPlaces(w.relevance.unknown)}`;
  else {
    const same = candidate.filter((x) => x.related > 0).sort((a, b) => b.related * b.months - a.related * a.months);
    const career = same.length ? same.slice(0, 3).map((x) => `${x.name} ${duration(x.months)}${x.related < 1 ? ` (related, ${twoPlaces(x.related)})` : ''}`).join(', ') : 'no positions in this or a related function';
    const latest = recentPos?.title ? `; latest title "${recentPos.title}"` : head ? `; headline "${head.words}"` : '';
    detail = `role: ${role.name} ("${role.words}"); candidate: ${career}${latest}; relevance ${twoPlaces(score)} scales the score by ${twoPlaces(factor)}`;
  }
  return { score: score === null ? null : Math.round(score * 1000) / 1000, factor: Math.round(factor * 1000) / 1000, role, candidate, detail, evidence };
}

/** A share or relevance as the details print it. */
function twoPlaces(x: number): string {
  return x.toFixed(2);
}
