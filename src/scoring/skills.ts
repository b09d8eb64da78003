// Skill requirements: exact skill, OR-groups (best member), AND-lists (each member), category
// requirements (any descendant), partial credit through the taxonomy: a more specific skill
// satisfies its parent, a related skill earns a fraction, a parent never satisfies its child.
// Years and recency, when the requirement states them, scale the credit.

import type { Evidence } from '../domain/match.ts';
import type { SkillRef } from '../domain/posting.ts';
import type { ScoringWeights } from '../domain/match.ts';
import type { Requirement } from '../domain/posting.ts';
import type { Taxonomy } from '../taxonomy/taxonomy.ts';
import type { Candidate, SkillFact } from './candidate.ts';
import { shows } from './compact-candidate.ts';
import { clamp01, duration, monthText, resumeEvidence, statusOf, yearsCredit, type CompiledRef, type LinePlan, type ScoreContext, type Scored, NO_EVIDENCE, UNKNOWN } from './common.ts';

export interface SkillCredit {
  credit: number;
  /** What earned it: exact, more specific, related, listed only. */
  how: 'exact' | 'child' | 'related' | 'none';
  fact: SkillFact | null;
  skill: number;
}

export type { CompiledRef } from './common.ts';

function listedFactor(f: SkillFact, listedOnlyCredit: number): number {
  return f.listedOnly && f.statedMonths === 0 ? listedOnlyCredit : 1;
}

/** The best credit the candidate has for one skill, before years and recency. */
export function skillCredit(ctx: ScoreContext, n: number): SkillCredit {
  const { candidate, weights, tax } = ctx;
  // A skill only listed counts for less, and for less still in a résumé with no dated position at
  // all (a keyword list is not evidence of use).
  const listed = candidate.profile.positions.length > 0 ? weights.listedOnlyCredit : Math.min(weights.listedOnlyCredit, weights.listedWithoutPositionsCredit);
  // The compact candidate's bitmap answers "no evidence" (most skills asked) without a map lookup.
  const eff = shows(candidate.compact, n) ? candidate.effective.get(n) : undefined;
  const own = eff ? candidate.direct.get(n) : undefined;
  // The skill itself, with the months of its more specific children when those are longer
  // (Java used through Spring Boot for years, "Java" written once).
  if (own) {
    const fact = eff && eff !== own && eff.factor >= weights.depthFactors.grandchild && Math.max(eff.months, eff.statedMonths) > Math.max(own.months, own.statedMonths) ? { ...eff, listedOnly: own.listedOnly && eff.listedOnly } : own;
    return { credit: listedFactor(fact, listed), how: 'exact', fact, skill: n };
  }
  // A child satisfies its parent; evidence several levels down counts for less.
  if (eff) return { credit: weights.childCredit * eff.factor * listedFactor(eff, listed), how: 'child', fact: eff, skill: n };
  let best: SkillCredit = NONE;
  for (const r of tax.skills[n]!.related) {
    if (!shows(candidate.compact, r)) continue;
    const f = candidate.effective.get(r)!;
    const c = weights.relatedCredit * listedFactor(f, listed);
    if (c > best.credit) best = { credit: c, how: 'related', fact: f, skill: r };
  }
  return best === NONE ? { credit: 0, how: 'none', fact: null, skill: n } : best;
}

const NONE: SkillCredit = { credit: 0, how: 'none', fact: null, skill: -1 };

/** Credit for one skill with the requirement's years and recency applied. */
export function skillWithYears(ctx: ScoreContext, n: number, ignoreYears = false): SkillCredit & { months: number } {
  const base = skillCredit(ctx, n);
  const r = ctx.requirement;
  const months = base.fact ? Math.max(base.fact.months, base.fact.statedMonths) : 0;
  let credit = base.credit;
  if (credit > 0 && r.minYears && !ignoreYears) credit *= yearsCredit(months, r.minYears * 12, ctx.weights.yearsCreditExponent);
  if (credit > 0 && r.withinYears && base.fact && base.fact.last < ctx.candidate.asOf - r.withinYears * 12) credit *= ctx.weights.staleCredit;
  return { credit: clamp01(credit), how: base.how, fact: base.fact, skill: base.skill, months };
}

function describe(ctx: ScoreContext, c: SkillCredit & { months: number }, asked: SkillRef): string {
  const tax = ctx.tax;
  if (c.how === 'none') return `${asked.name}: not found`;
  const via = tax.skills[c.skill]!.name;
  const f = c.fact!;
  const stated = f.statedMonths > f.months ? `${f.months > 0 ? ', ' : ''}${duration(f.statedMonths)} stated` : '';
  const years = f.months > 0 || stated ? `${f.months > 0 ? duration(f.months) : ''}${stated}` : 'listed, no dated use';
  const last = f.last >= 0 ? `, last used ${monthText(f.last).slice(0, 4)}` : '';
  const through = c.how === 'exact' ? '' : c.how === 'child' ? ` (through ${tax.skills[f.via]!.name})` : ` (related: ${via})`;
  return `${asked.name}: ${years}${last}${through}`;
}

/**
 * What a cluster (`minShare`: "Statistics, Regression, Forecasting, Time Series") earns for the
 * mean credit of its items: the share shown divided by the share asked for, at most 1. Monotone
 * in the mean, so the ranking index bounds it by bounding the mean. Other lines: the mean itself.
 */
export function clusterCredit(mean: number, minShare: number | undefined): number {
  return minShare !== undefined && minShare > 0 && minShare < 1 ? Math.min(1, mean / minShare) : mean;
}

/**
 * An OR-group counts as one item (its best member), each AND member as one item; the credit is
 * their mean (a cluster's: by its share, clusterCredit). `ignoreYears` when the years were already
 * checked against a wider scope.
 */
export function groupCredit(ctx: ScoreContext, any: CompiledRef[], all: CompiledRef[], ignoreYears = false): Scored {
  let sum = 0;
  let count = 0;
  let bestAny: (SkillCredit & { months: number }) | null = null;
  let bestRef: SkillRef | null = null;
  for (const a of any) {
    const c = skillWithYears(ctx, a.n, ignoreYears);
    if (!bestAny || c.credit > bestAny.credit) { bestAny = c; bestRef = a.ref; }
  }
  if (bestAny) { sum += bestAny.credit; count++; }
  const allCredits: Array<SkillCredit & { months: number }> = [];
  for (const a of all) {
    const c = skillWithYears(ctx, a.n, ignoreYears);
    allCredits.push(c);
    sum += c.credit;
    count++;
  }
  const minShare = ctx.requirement.minShare;
  const credit = clusterCredit(count ? sum / count : 0, minShare);
  if (!ctx.explain) return { credit, status: statusOf(credit), evidence: NO_EVIDENCE, detail: '' };
  const parts: string[] = [];
  if (minShare !== undefined && minShare > 0 && minShare < 1) {
    const shown = (bestAny && bestAny.credit > 0 ? 1 : 0) + allCredits.filter((c) => c.credit > 0).length;
    parts.push(`a cluster of related topics: ${shown} of ${count} shown (${Math.ceil(minShare * count - 1e-9)} of ${count} earn full credit)`);
  }
  const evidence: Evidence[] = [];
  if (bestAny && bestRef) {
    if (bestAny.credit > 0) note(ctx, bestRef, bestAny, parts, evidence);
    else parts.push(`none of ${any.map((a) => a.ref.name).join(', ')}`);
  }
  for (let i = 0; i < all.length; i++) note(ctx, all[i]!.ref, allCredits[i]!, parts, evidence);
  return { credit, status: statusOf(credit), evidence, detail: parts.join('; ') };
}

/** One item's detail, and its evidence when it earned credit. */
function note(ctx: ScoreContext, ref: SkillRef, c: SkillCredit & { months: number }, parts: string[], evidence: Evidence[]): void {
  parts.push(describe(ctx, c, ref));
  const m = c.fact?.mention;
  if (m && c.credit > 0) evidence.push(resumeEvidence(m.text, m));
}

/** A requirement naming only transversal skills (communication, teamwork, ...). */
export function softOnly(tax: ScoreContext['tax'], any: CompiledRef[], all: CompiledRef[]): boolean {
  return any.length + all.length > 0 && [...any, ...all].every((r) => tax.skills[r.n]!.transversal);
}

export function scoreSkill(ctx: ScoreContext): Scored {
  const s = groupCredit(ctx, ctx.any, ctx.all);
  // Résumés rarely state soft skills: not finding one is no evidence against the candidate, so
  // the line is left out of the score (and is no gate) rather than failed; finding one counts.
  if (s.credit === 0 && softOnly(ctx.tax, ctx.any, ctx.all)) {
    return { ...UNKNOWN, detail: ctx.explain ? `${[...ctx.any, ...ctx.all].map((r) => r.ref.name).join(', ')}: not stated in the résumé (a soft skill: judge it in the interview)` : '' };
  }
  return s;
}

// The ranking index's bound for skill lines, beside the arithmetic it bounds (skillCredit,
// skillWithYears, groupCredit, clusterCredit above).

/**
 * Every skill an item can earn credit for from this candidate, with the most skillCredit can give
 * for it before years (1 through the skill itself or a more specific one: the listed-only, child
 * and depth factors are at most 1; `relatedCredit` through a related skill, only when the
 * candidate shows neither the skill nor a more specific one) and the longest evidence the years
 * are measured on.
 */
export function reachableSkills(tax: Taxonomy, c: Candidate, w: ScoringWeights, visit: (n: number, credit: number, months: number) => void): void {
  for (const [n, eff] of c.effective) {
    const own = c.direct.get(n);
    visit(n, 1, Math.max(own ? Math.max(own.months, own.statedMonths) : 0, eff.months, eff.statedMonths));
  }
  const related = Math.min(1, w.relatedCredit);
  if (related <= 0) return;
  for (const [r, f] of c.effective) {
    for (const n of tax.skills[r]!.related) if (!c.effective.has(n)) visit(n, related, Math.max(f.months, f.statedMonths));
  }
}

/** The most one item earns from evidence worth `credit` over `months` when its line asks `need` months (skillWithYears). */
export function itemBound(w: ScoringWeights, credit: number, months: number, need: number): number {
  return need > months ? credit * yearsCredit(months, need, w.yearsCreditExponent) : credit;
}

/**
 * A skill line is bounded through its items, with the years applied per skill; a soft-skill line
 * the candidate does not show is left out of the score (scoreSkill), so it is taken as met.
 */
export function planSkill(r: Requirement, any: CompiledRef[], all: CompiledRef[], tax: Taxonomy): LinePlan {
  if (softOnly(tax, any, all)) return { via: 'met' };
  return { via: 'items', need: r.minYears ? r.minYears * 12 : 0, minShare: r.minShare ?? 0, cap: 'none', capNeed: 0 };
}

/** groupCredit: the line earns clusterCredit of its items' mean, monotone in the mean. */
export function skillLineBound(mean: number, minShare: number): number {
  return clusterCredit(mean, minShare);
}
