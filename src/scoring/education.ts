// Education requirements: degree level (does not meet / meets / exceeds), field of study, and
// "or equivalent experience" satisfied by enough professional years for the level. A degree
// `overqualifiedDegreeLevels` or more above the one asked is an overqualification hint, which
// costs `overqualificationPenalty` of the credit (none by default). Beside the scorer: how the
// ranking index bounds it (planEducation, educationClassBound).

import type { ScoringWeights } from '../domain/match.ts';
import type { DegreeLevel, Requirement } from '../domain/posting.ts';
import { DEGREE_ORDER } from '../domain/posting.ts';
import type { Candidate } from './candidate.ts';
import { clamp01, duration, resumeEvidence, statusOf, type LinePlan, type ScoreContext, type Scored, NO_EVIDENCE, UNKNOWN } from './common.ts';

/** A degree level's place in DEGREE_ORDER (secondary 0 .. doctorate 4). */
export function degreeRank(level: DegreeLevel): number {
  return DEGREE_ORDER.indexOf(level);
}

const NAMES: Record<DegreeLevel, string> = { secondary: 'Secondary school', associate: "Associate's", bachelor: "Bachelor's", master: "Master's", doctorate: 'Doctorate' };

/** Full credit for an asked-for field (or when none is asked), less for a related or other one. */
function fieldCredit(d: NonNullable<ScoreContext['requirement']['degree']>, field: string | null, w: ScoreContext['weights']): number {
  if (d.fields.length === 0) return 1;
  if (field) for (const f of d.fields) if (f.toLowerCase() === field.toLowerCase()) return 1;
  return d.relatedFields ? w.relatedFieldCredit : w.otherFieldCredit;
}

export function scoreEducation(ctx: ScoreContext): Scored {
  const d = ctx.requirement.degree;
  const c = ctx.candidate;
  if (!d) return UNKNOWN;
  const need = DEGREE_ORDER.indexOf(d.level);
  // The degree at or above the level with the best field match; else the highest one.
  let top: (typeof c.degrees)[number] | null = null;
  let credit = 0;
  for (const e of c.degrees) {
    if (e.rank < need) break;
    const f = fieldCredit(d, e.field, ctx.weights);
    if (f > credit) { credit = f; top = e; }
  }
  const best = c.degrees[0] ?? null;
  if (!top && best) credit = best.rank === need - 1 ? ctx.weights.degreeBelowCredit : 0;
  let how = top ? `${top.rank > need ? 'exceeds' : 'meets'} (${NAMES[top.level!]}${top.field ? ` in ${top.field}` : ''})${credit < 1 ? ', field differs' : ''}` : best ? `does not meet (${NAMES[best.level!]})` : 'no degree found';
  if (credit < 1 && d.orEquivalent) {
    const years = equivalentYears(ctx.weights, d.level);
    const months = c.profile.experience.totalMonths;
    if (months >= years * 12) {
      credit = 1;
      how = `met by equivalent experience (${duration(months)}; ${years} years stand in for the degree)`;
    }
  }
  const over = best !== null && ctx.weights.overqualifiedDegreeLevels > 0 && best.rank - need >= ctx.weights.overqualifiedDegreeLevels;
  if (over) {
    credit *= 1 - ctx.weights.overqualificationPenalty;
    how += `; overqualified: ${NAMES[best.level!]} for a role asking ${NAMES[d.level]}${ctx.weights.overqualificationPenalty > 0 ? ` (costs ${Math.round(ctx.weights.overqualificationPenalty * 100)}% of this line)` : ''}`;
  }
  credit = clamp01(credit);
  if (!ctx.explain) return { credit, status: statusOf(credit), evidence: NO_EVIDENCE, detail: '' };
  const shown = top ?? best;
  const asked = `${NAMES[d.level]}${d.fields.length ? ` in ${d.fields.join(' or ')}` : ''}`;
  return {
    credit,
    status: statusOf(credit),
    evidence: shown ? [resumeEvidence(`${NAMES[shown.level!]}${shown.field ? ` in ${shown.field}` : ''}`, shown.span)] : [],
    detail: `${asked}: ${how}`,
  };
}

/** Years of professional experience that stand in for a degree level ("or equivalent experience"). */
export function equivalentYears(w: ScoringWeights, level: DegreeLevel): number {
  return w.equivalentYears[level] ?? w.equivalentYears.bachelor ?? 4;
}

// The ranking index's bound, beside the scorer it bounds.

/** The credit depends only on the candidate's degrees and experience, the level asked and "or equivalent". */
export function planEducation(r: Requirement): LinePlan {
  return r.degree ? { via: 'class', key: `${r.degree.level}|${r.degree.orEquivalent ? 1 : 0}` } : { via: 'met' };
}

/** The most an education line earns: its level met (any field credit is at most 1), one level below, or equivalent years. */
export function educationClassBound(c: Candidate, w: ScoringWeights, key: string): number {
  const [level, eq] = key.split('|') as [DegreeLevel, string];
  const need = degreeRank(level);
  const best = c.degrees[0]?.rank ?? -1;
  if (best >= need) return 1;
  if (eq === '1' && c.profile.experience.totalMonths >= equivalentYears(w, level) * 12) return 1;
  return best >= 0 && best === need - 1 ? w.degreeBelowCredit : 0;
}
