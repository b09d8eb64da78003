// Skill requirements: exact skill, OR-groups (best member), AND-lists (each member), category
// requirements (any descendant), partial credit through the taxonomy: a more specific skill
// satisfies its parent, a related skill earns a fraction, a parent never satisfies its child.
// Years and recency, when the requirement states them, scale the credit.

import type { Evidence } from '../domain/match.ts';
import type { SkillRef } from '../domain/posting.ts';
import type { SkillFact } from './candidate.ts';
import { clamp01, duration, monthText, resumeEvidence, statusOf, yearsCredit, type ScoreContext, type Scored } from './common.ts';

export interface SkillCredit {
  credit: number;
  /** What earned it: exact, more specific, related, listed only. */
  how: 'exact' | 'child' | 'related' | 'none';
  fact: SkillFact | null;
  skill: number;
}

/** The best credit the candidate has for one skill, before years and recency. */
export function skillCredit(ctx: ScoreContext, n: number): SkillCredit {
  const { candidate, weights, tax } = ctx;
  const own = candidate.direct.get(n);
  const eff = candidate.effective.get(n);
  const listed = (f: SkillFact): number => (f.listedOnly && f.statedMonths === 0 ? weights.listedOnlyCredit : 1);
  // The skill itself, with the months of its more specific children when those are longer
  // (Java used through Spring Boot for years, "Java" written once).
  if (own) {
    const fact = eff && eff.factor >= 0.8 && Math.max(eff.months, eff.statedMonths) > Math.max(own.months, own.statedMonths) ? { ...eff, listedOnly: own.listedOnly && eff.listedOnly } : own;
    return { credit: listed(fact), how: 'exact', fact, skill: n };
  }
  // A child satisfies its parent; evidence several levels down counts for less.
  if (eff) return { credit: weights.childCredit * eff.factor * listed(eff), how: 'child', fact: eff, skill: n };
  let best: SkillCredit = { credit: 0, how: 'none', fact: null, skill: n };
  for (const r of tax.skills[n]!.related) {
    const f = candidate.effective.get(r);
    if (f && weights.relatedCredit * listed(f) > best.credit) best = { credit: weights.relatedCredit * listed(f), how: 'related', fact: f, skill: r };
  }
  return best;
}

/** Credit for one skill with the requirement's years and recency applied. */
export function skillWithYears(ctx: ScoreContext, n: number): SkillCredit & { months: number } {
  const base = skillCredit(ctx, n);
  const r = ctx.requirement;
  const months = base.fact ? Math.max(base.fact.months, base.fact.statedMonths) : 0;
  let credit = base.credit;
  if (credit > 0 && r.minYears) credit *= yearsCredit(months, r.minYears * 12);
  if (credit > 0 && r.withinYears && base.fact) {
    const recent = base.fact.last >= ctx.candidate.asOf - r.withinYears * 12;
    if (!recent) credit *= ctx.weights.staleCredit;
  }
  return { ...base, credit: clamp01(credit), months };
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

export function groupCredit(ctx: ScoreContext, anyOf: SkillRef[] | undefined, allOf: SkillRef[] | undefined): Scored {
  const tax = ctx.tax;
  const parts: string[] = [];
  const evidence: Evidence[] = [];
  const ids = (refs: SkillRef[] | undefined): Array<{ ref: SkillRef; n: number }> => (refs ?? []).flatMap((ref) => {
    const s = tax.byId.get(ref.id);
    return s ? [{ ref, n: s.n }] : [];
  });
  const note = (ref: SkillRef, c: SkillCredit & { months: number }): void => {
    if (!ctx.explain) return;
    parts.push(describe(ctx, c, ref));
    const m = c.fact?.mention;
    if (m && c.credit > 0) evidence.push(resumeEvidence(m.text, m));
  };
  const items: number[] = [];
  const any = ids(anyOf);
  if (any.length) {
    let best: { ref: SkillRef; c: SkillCredit & { months: number } } | null = null;
    for (const a of any) {
      const c = skillWithYears(ctx, a.n);
      if (!best || c.credit > best.c.credit) best = { ref: a.ref, c };
    }
    items.push(best!.c.credit);
    if (best!.c.credit > 0) note(best!.ref, best!.c);
    else if (ctx.explain) parts.push(`none of ${any.map((a) => a.ref.name).join(', ')}`);
  }
  for (const a of ids(allOf)) {
    const c = skillWithYears(ctx, a.n);
    items.push(c.credit);
    note(a.ref, c);
  }
  const credit = items.length ? items.reduce((x, y) => x + y, 0) / items.length : 0;
  return { credit, status: statusOf(credit), evidence, detail: parts.join('; ') };
}

export function scoreSkill(ctx: ScoreContext): Scored {
  return groupCredit(ctx, ctx.requirement.anyOf, ctx.requirement.allOf);
}
