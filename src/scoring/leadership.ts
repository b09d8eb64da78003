// Leadership requirements: any of the kinds asked for (mentoring, tech lead, people management,
// leading design), team size when stated, other leadership evidence for partial credit.

import { clamp01, duration, resumeEvidence, statusOf, type ScoreContext, type Scored, UNKNOWN } from './common.ts';

export function scoreLeadership(ctx: ScoreContext): Scored {
  const want = ctx.requirement.leadership;
  const l = ctx.candidate.profile.leadership;
  if (!want) return UNKNOWN;
  const matching = l.evidence.filter((e) => e.kinds.some((k) => want.kinds.includes(k)));
  let credit = matching.length ? 1 : l.evidence.length ? 0.5 : 0;
  if (credit > 0 && want.minTeamSize) credit *= l.maxTeamSize ? clamp01(l.maxTeamSize / want.minTeamSize) : 0.6;
  const shown = (matching.length ? matching : l.evidence).slice(0, 2);
  const detail = ctx.explain
    ? `${want.kinds.join(' or ')}${want.minTeamSize ? `, team of ${want.minTeamSize}+` : ''}: ${shown.length ? `${matching.length ? 'found' : 'other leadership found'} (${[...new Set(shown.flatMap((e) => e.kinds))].join(', ')}${l.maxTeamSize ? `; team of ${l.maxTeamSize}` : ''}${l.months ? `; ${duration(l.months)} in leadership roles` : ''})` : 'no evidence'}`
    : '';
  return { credit, status: statusOf(credit), evidence: ctx.explain ? shown.map((e) => resumeEvidence(e.text, e)) : [], detail };
}
