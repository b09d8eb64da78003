// Experience requirements: the candidate's months in the requirement's scope (total
// professional experience, or the months of positions that mention the scoped skills) against
// minYears, with smooth partial credit below it and no extra credit above maxYears; recency
// ("in the last 3 years") against the last month worked; leadership scopes against months in
// leadership roles.

import { clamp01, duration, monthText, resumeEvidence, statusOf, yearsCredit, type ScoreContext, type Scored } from './common.ts';
import { groupCredit } from './skills.ts';

// Words that say nothing about which experience counts.
const GENERIC = new Set(['professional', 'non-internship', 'non', 'internship', 'work', 'working', 'industry', 'relevant', 'related', 'experience', 'software', 'development', 'engineering', 'full-time', 'full', 'time', 'hands-on', 'practical', 'commercial', 'total', 'overall', 'of', 'in', 'a', 'an', 'the', 'similar', 'role', 'roles', 'position', 'positions', 'field', 'years', 'and', 'or', 'with', 'as', 'post-qualification', 'progressive', 'proven', 'solid', 'demonstrated']);
const UNRECOGNISED_SCOPE_CREDIT = 0.6;

function specificScope(text: string): boolean {
  return text.toLowerCase().split(/[^\p{L}-]+/u).some((w) => w.length > 2 && !GENERIC.has(w));
}

export function scoreExperience(ctx: ScoreContext): Scored {
  const r = ctx.requirement;
  const c = ctx.candidate;
  const p = c.profile;
  // "0-2 years of professional experience" keeps one word ("professional") as its scope: say what it counts.
  const scopeText = r.scope?.text ? (/^[\p{L}-]+$/u.test(r.scope.text) ? `${r.scope.text} experience` : r.scope.text) : 'professional experience';
  const hasSkills = (r.anyOf?.length ?? 0) + (r.allOf?.length ?? 0) > 0;
  const leadershipScope = r.leadership !== undefined;
  // Skill-scoped years: the skill scorer applies minYears and recency to each skill's months.
  if (hasSkills && !leadershipScope && !r.scope?.professional) {
    const s = groupCredit(ctx, ctx.any, ctx.all);
    return { ...s, detail: ctx.explain ? `needs ${r.minYears ? `${r.minYears}+ years of ` : ''}${scopeText}: ${s.detail}` : '' };
  }
  const months = leadershipScope ? p.leadership.months : p.experience.totalMonths;
  // "0-2 years", "up to 2 years", "no experience required": no minimum, so nobody fails it (the
  // maximum is a hint, not scored).
  const noMinimum = r.minYears !== undefined && r.minYears <= 0;
  let credit = noMinimum ? 1 : r.minYears ? yearsCredit(months, r.minYears * 12) : months > 0 || p.experience.source === 'stated' ? 1 : 0;
  // "3+ years of underwriting commercial property": a domain the taxonomy did not recognise is
  // checked against total experience only, so it can be at most a partial match.
  const unrecognised = !noMinimum && !hasSkills && !leadershipScope && specificScope(r.scope?.text ?? '');
  if (unrecognised) credit = Math.min(credit, UNRECOGNISED_SCOPE_CREDIT);
  const parts: string[] = [];
  if (ctx.explain) {
    const what = leadershipScope ? 'in leadership roles' : p.experience.source === 'stated' ? 'stated, no dated positions' : unrecognised ? 'of professional experience (the scope was not recognised, so this is at most partial)' : 'of professional experience';
    const asked = noMinimum ? `no minimum of ${scopeText}${r.maxYears ? ` (up to ${r.maxYears} years)` : ''}` : `needs ${r.minYears ? `${r.minYears}+ years of ` : ''}${scopeText}`;
    parts.push(`${asked}; found ${duration(months)} ${what}`);
  }
  if (r.withinYears) {
    const recent = c.lastWorked >= c.asOf - r.withinYears * 12;
    if (!recent) credit *= ctx.weights.staleCredit;
    if (ctx.explain) parts.push(c.lastWorked >= 0 ? `last worked ${monthText(c.lastWorked)}${recent ? '' : ` (outside the last ${r.withinYears} years)`}` : 'no dated positions');
  }
  // Skills named in a professional scope ("8+ years of Java development") must also be there.
  if (hasSkills) {
    // Without a minimum of years the skills stand alone; with one, the years apply to the skills too.
    const s = groupCredit(ctx, ctx.any, ctx.all, true);
    credit *= s.credit;
    if (ctx.explain && s.detail) parts.push(s.detail);
  }
  const evidence = ctx.explain ? p.positions.filter((x) => x.kind === 'job').slice(0, 3).map((x) => resumeEvidence(`${x.title ?? ''} ${x.organization ?? ''} ${x.start}–${x.end ?? 'present'}`.trim(), x.span)) : [];
  credit = clamp01(credit);
  return { credit, status: statusOf(credit), evidence, detail: parts.join('; ') };
}
