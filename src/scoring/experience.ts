// Experience requirements: the candidate's months in the requirement's scope (total
// professional experience, or the months of positions that mention the scoped skills) against
// minYears, with smooth partial credit below it and no extra credit above maxYears; recency
// ("in the last 3 years") against the last month worked; leadership scopes against months in
// leadership roles. Well past maxYears, the detail says so (overqualified), which costs
// `overqualificationPenalty` of the credit (none by default). Beside the scorer: how the ranking
// index bounds it (planExperience, experienceLineBound, experienceClassBound).

import type { ScoringWeights } from '../domain/match.ts';
import type { Requirement } from '../domain/posting.ts';
import type { Taxonomy } from '../taxonomy/taxonomy.ts';
import { functionName } from '../taxonomy/occupations.ts';
import type { Candidate } from './candidate.ts';
import { clamp01, duration, monthText, resumeEvidence, statusOf, yearsCredit, type CapSource, type LinePlan, type ScoreContext, type Scored } from './common.ts';
import { clusterCredit, groupCredit, type CompiledRef } from './skills.ts';

// Words that say nothing about which experience counts.

/** Whether a scope names something beyond words that say nothing about which experience counts (occupations.yaml). */
function specificScope(generic: ReadonlySet<string>, text: string): boolean {
  return text.toLowerCase().split(/[^\p{L}-]+/u).some((w) => w.length > 2 && !generic.has(w));
}

export function hasSkills(r: Requirement): boolean {
  return (r.anyOf?.length ?? 0) + (r.allOf?.length ?? 0) > 0;
}

/** "3+ years of underwriting commercial property": a domain the taxonomy did not recognise. */
export function unrecognisedScope(generic: ReadonlySet<string>, r: Requirement): boolean {
  return !(r.minYears !== undefined && r.minYears <= 0) && !hasSkills(r) && r.leadership === undefined && specificScope(generic, r.scope?.text ?? '');
}

/**
 * The months an experience line without skills is measured on: leadership months, the months of
 * positions in the function its scope names (and related ones at their weight) when the résumé's
 * titles name functions, else total professional months.
 */
function scopeMonths(c: Candidate, leadership: boolean, fn: string | undefined): { months: number; byFunction: boolean } {
  const p = c.profile;
  if (leadership) return { months: p.leadership.months, byFunction: false };
  const m = fn === undefined ? undefined : c.occupation.monthsFor.get(fn);
  return m === undefined ? { months: p.experience.totalMonths, byFunction: false } : { months: m, byFunction: true };
}

/** The credit of an experience line without skills, before recency. */
function scopeCredit(c: Candidate, w: ScoringWeights, leadership: boolean, minYears: number | undefined, unrecognised: boolean, fn: string | undefined): number {
  const p = c.profile;
  const { months, byFunction } = scopeMonths(c, leadership, fn);
  // "0-2 years", "up to 2 years", "no experience required": no minimum, so nobody fails it (the
  // maximum is a hint, not scored).
  if (minYears !== undefined && minYears <= 0) return 1;
  const credit = minYears ? yearsCredit(months, minYears * 12, w.yearsCreditExponent) : months > 0 || p.experience.source === 'stated' ? 1 : 0;
  // A domain the taxonomy did not recognise is checked against total experience only, so it can
  // be at most a partial match.
  return unrecognised && !byFunction ? Math.min(credit, w.unrecognisedScopeCredit) : credit;
}

/** Months well past the role's maximum (maxYears + `overqualifiedYears`), or 0. */
function overqualifiedBy(r: Requirement, months: number, w: ScoringWeights): number {
  if (r.maxYears === undefined || r.maxYears <= 0) return 0;
  const over = months - (r.maxYears + w.overqualifiedYears) * 12;
  return over > 0 ? over : 0;
}

export function scoreExperience(ctx: ScoreContext): Scored {
  const r = ctx.requirement;
  const c = ctx.candidate;
  const p = c.profile;
  // "0-2 years of professional experience" keeps one word ("professional") as its scope: say what it counts.
  const scopeText = r.scope?.text ? (/^[\p{L}-]+$/u.test(r.scope.text) ? `${r.scope.text} experience` : r.scope.text) : 'professional experience';
  const skills = hasSkills(r);
  const leadershipScope = r.leadership !== undefined;
  // Skill-scoped years: the skill scorer applies minYears and recency to each skill's months.
  if (skills && !leadershipScope && !r.scope?.professional) {
    const s = groupCredit(ctx, ctx.any, ctx.all);
    // "3 years as an HR generalist or recruiter": a scope naming an occupation is also met by the
    // months of positions in that function; the better of the two counts.
    const byFunction = r.scope?.function !== undefined && c.occupation.monthsFor.has(r.scope.function)
      ? scopeCredit(c, ctx.weights, false, r.minYears, false, r.scope.function) : 0;
    if (byFunction > s.credit) {
      const months = c.occupation.monthsFor.get(r.scope!.function!)!;
      const name = functionName(ctx.tax.occupations, r.scope!.function!);
      const evidence = ctx.explain ? p.positions.filter((x) => x.function === r.scope!.function).slice(0, 3).map((x) => resumeEvidence(`${x.title ?? ''} ${x.start}–${x.end ?? 'present'}`.trim(), x.span)) : [];
      return { credit: byFunction, status: statusOf(byFunction), evidence, detail: ctx.explain ? `needs ${r.minYears ? `${r.minYears}+ years of ` : ''}${scopeText}: found ${duration(months)} in ${name} and related positions (by their titles)` : '' };
    }
    return { ...s, detail: ctx.explain ? `needs ${r.minYears ? `${r.minYears}+ years of ` : ''}${scopeText}: ${s.detail}` : '' };
  }
  const scoped = scopeMonths(c, leadershipScope, r.scope?.function);
  const months = scoped.months;
  const noMinimum = r.minYears !== undefined && r.minYears <= 0;
  const unrecognised = unrecognisedScope(ctx.tax.occupations.genericScope, r);
  let credit = scopeCredit(c, ctx.weights, leadershipScope, r.minYears, unrecognised, r.scope?.function);
  const over = overqualifiedBy(r, months, ctx.weights);
  if (over > 0) credit *= 1 - ctx.weights.overqualificationPenalty;
  const parts: string[] = [];
  if (ctx.explain) {
    const fnName = r.scope?.function ? functionName(ctx.tax.occupations, r.scope.function) : '';
    const what = leadershipScope ? 'in leadership roles' : scoped.byFunction ? `in ${fnName} and related positions (by their titles)` : p.experience.source === 'stated' ? 'stated, no dated positions' : unrecognised ? 'of professional experience (the scope was not recognised, so this is at most partial)' : 'of professional experience';
    const asked = noMinimum ? `no minimum of ${scopeText}${r.maxYears ? ` (up to ${r.maxYears} years)` : ''}` : `needs ${r.minYears ? `${r.minYears}+ years of ` : ''}${scopeText}${r.maxYears ? ` (up to ${r.maxYears} years)` : ''}`;
    parts.push(`${asked}; found ${duration(months)} ${what}`);
    if (over > 0) parts.push(`overqualified: well past the role's maximum of ${r.maxYears} years${ctx.weights.overqualificationPenalty > 0 ? ` (costs ${Math.round(ctx.weights.overqualificationPenalty * 100)}% of this line)` : ''}`);
  }
  if (r.withinYears) {
    const recent = c.lastWorked >= c.asOf - r.withinYears * 12;
    if (!recent) credit *= ctx.weights.staleCredit;
    if (ctx.explain) parts.push(c.lastWorked >= 0 ? `last worked ${monthText(c.lastWorked)}${recent ? '' : ` (outside the last ${r.withinYears} years)`}` : 'no dated positions');
  }
  // Skills named in a professional scope ("8+ years of Java development") must also be there.
  if (skills) {
    // Without a minimum of years the skills stand alone; with one, the years apply to the skills too.
    const s = groupCredit(ctx, ctx.any, ctx.all, true);
    credit *= s.credit;
    if (ctx.explain && s.detail) parts.push(s.detail);
  }
  const evidence = ctx.explain ? p.positions.filter((x) => x.kind === 'job').slice(0, 3).map((x) => resumeEvidence(`${x.title ?? ''} ${x.organization ?? ''} ${x.start}–${x.end ?? 'present'}`.trim(), x.span)) : [];
  credit = clamp01(credit);
  return { credit, status: statusOf(credit), evidence, detail: parts.join('; ') };
}

// The ranking index's bound, beside the scorer it bounds.

/**
 * Skill-scoped years are a skill line (the years apply to each skill); a professional or
 * leadership scope with skills is bounded through the skills (their years not applied) times the
 * years credit of the scope's months; without skills, the credit depends only on the candidate's
 * total or leadership months, the minimum and whether the scope was recognised (a class).
 */
export function planExperience(r: Requirement, _any: CompiledRef[], _all: CompiledRef[], tax: Taxonomy): LinePlan {
  const leadership = r.leadership !== undefined;
  if (!hasSkills(r)) return { via: 'class', key: `${leadership ? 'L' : 'T'}|${r.minYears ?? ''}|${unrecognisedScope(tax.occupations.genericScope, r) ? 'U' : ''}|${leadership ? '' : r.scope?.function ?? ''}` };
  const minShare = r.minShare ?? 0;
  // Skills or the months of the function the scope names, whichever is better: bounded as met.
  if (!leadership && !r.scope?.professional && r.scope?.function) return { via: 'met' };
  if (!leadership && !r.scope?.professional) return { via: 'items', need: r.minYears ? r.minYears * 12 : 0, minShare, cap: 'none', capNeed: 0 };
  return { via: 'items', need: 0, minShare, cap: leadership ? 'leadership' : 'total', capNeed: r.minYears && r.minYears > 0 ? r.minYears * 12 : 0 };
}

/** The candidate months a line's `cap` reads. */
export function capMonths(c: Candidate, cap: CapSource): number {
  return cap === 'total' ? c.profile.experience.totalMonths : cap === 'leadership' ? c.profile.leadership.months : 0;
}

/** A line with skills: the skills' group credit times the years credit of the scope's months (recency and the overqualification penalty only lower it). */
export function experienceLineBound(w: ScoringWeights, mean: number, minShare: number, capHave: number, capNeed: number): number {
  const m = clusterCredit(mean, minShare);
  return capNeed > 0 ? m * yearsCredit(capHave, capNeed, w.yearsCreditExponent) : m;
}

/** A line without skills: its credit before recency and the overqualification penalty. */
export function experienceClassBound(c: Candidate, w: ScoringWeights, key: string): number {
  const [scope, min, unrecognised, fn] = key.split('|');
  return scopeCredit(c, w, scope === 'L', min === '' ? undefined : Number(min), unrecognised === 'U', fn || undefined);
}
