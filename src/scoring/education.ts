// Education requirements: degree level (does not meet / meets / exceeds), field of study, and
// "or equivalent experience" satisfied by enough professional years for the level.

import type { DegreeLevel } from '../domain/posting.ts';
import { clamp01, duration, resumeEvidence, statusOf, type ScoreContext, type Scored } from './common.ts';

const ORDER: DegreeLevel[] = ['secondary', 'associate', 'bachelor', 'master', 'doctorate'];
const NAMES: Record<DegreeLevel, string> = { secondary: 'Secondary school', associate: "Associate's", bachelor: "Bachelor's", master: "Master's", doctorate: 'Doctorate' };

export function scoreEducation(ctx: ScoreContext): Scored {
  const d = ctx.requirement.degree;
  const p = ctx.candidate.profile;
  if (!d) return { credit: 0, status: 'unknown', evidence: [], detail: '' };
  const need = ORDER.indexOf(d.level);
  const degrees = p.education.filter((e) => e.level !== null);
  const best = degrees.sort((a, b) => ORDER.indexOf(b.level!) - ORDER.indexOf(a.level!))[0];
  const wanted = d.fields.map((f) => f.toLowerCase());
  const fieldCredit = (field: string | null): number => {
    if (wanted.length === 0) return 1;
    if (field && wanted.includes(field.toLowerCase())) return 1;
    return d.relatedFields ? ctx.weights.relatedFieldCredit : ctx.weights.otherFieldCredit;
  };
  const asked = `${NAMES[d.level]}${d.fields.length ? ` in ${d.fields.join(' or ')}` : ''}`;
  let credit = 0;
  let how = 'no degree found';
  const evidence = [];
  if (best) {
    const have = ORDER.indexOf(best.level!);
    const meets = degrees.filter((e) => ORDER.indexOf(e.level!) >= need);
    if (meets.length) {
      const top = meets.sort((a, b) => fieldCredit(b.field) - fieldCredit(a.field))[0]!;
      credit = fieldCredit(top.field);
      how = `${ORDER.indexOf(top.level!) > need ? 'exceeds' : 'meets'} (${NAMES[top.level!]}${top.field ? ` in ${top.field}` : ''})${credit < 1 ? ', field differs' : ''}`;
      if (ctx.explain) evidence.push(resumeEvidence(`${NAMES[top.level!]}${top.field ? ` in ${top.field}` : ''}`, top.span));
    } else {
      credit = have === need - 1 ? 0.4 : 0;
      how = `does not meet (${NAMES[best.level!]})`;
      if (ctx.explain) evidence.push(resumeEvidence(NAMES[best.level!], best.span));
    }
  }
  if (credit < 1 && d.orEquivalent) {
    const years = ctx.weights.equivalentYears[d.level] ?? 4;
    const months = p.experience.totalMonths;
    if (months >= years * 12) {
      credit = 1;
      how = `met by equivalent experience (${duration(months)}; ${years} years stand in for the degree)`;
    }
  }
  credit = clamp01(credit);
  return { credit, status: statusOf(credit), evidence, detail: ctx.explain ? `${asked}: ${how}` : '' };
}
