// Education requirements: degree level (does not meet / meets / exceeds), field of study, and
// "or equivalent experience" satisfied by enough professional years for the level.

import type { DegreeLevel } from '../domain/posting.ts';
import { DEGREE_ORDER } from '../extract/degree.ts';
import { clamp01, duration, resumeEvidence, statusOf, type ScoreContext, type Scored, NO_EVIDENCE, UNKNOWN } from './common.ts';

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
  if (!top && best) credit = best.rank === need - 1 ? 0.4 : 0;
  let how = top ? `${top.rank > need ? 'exceeds' : 'meets'} (${NAMES[top.level!]}${top.field ? ` in ${top.field}` : ''})${credit < 1 ? ', field differs' : ''}` : best ? `does not meet (${NAMES[best.level!]})` : 'no degree found';
  if (credit < 1 && d.orEquivalent) {
    const years = ctx.weights.equivalentYears[d.level] ?? 4;
    const months = c.profile.experience.totalMonths;
    if (months >= years * 12) {
      credit = 1;
      how = `met by equivalent experience (${duration(months)}; ${years} years stand in for the degree)`;
    }
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
