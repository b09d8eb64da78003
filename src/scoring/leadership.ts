// Leadership requirements: any of the kinds asked for (mentoring, tech lead, people management,
// architecture / design leadership, project leadership, executive), team size when stated.
// Leadership of another kind earns only what `leadershipCredit[asked][shown]` says (small, and
// nothing across unrelated kinds: managing people is no evidence of leading the architecture).
// Beside the scorer: how the ranking index bounds it (planLeadership, leadershipClassBound).

import type { ScoringWeights } from '../domain/match.ts';
import type { Requirement } from '../domain/posting.ts';
import type { ResumeProfile } from '../domain/resume.ts';
import type { Candidate } from './candidate.ts';
import { clamp01, duration, resumeEvidence, statusOf, type LinePlan, type ScoreContext, type Scored, UNKNOWN } from './common.ts';

type Leadership = ResumeProfile['leadership'];
type LeadEvidence = Leadership['evidence'][number];

/** What one piece of evidence of kinds `shown` is worth for a requirement asking any of `asked`. */
export function kindCredit(w: ScoringWeights, asked: readonly string[], shown: readonly string[]): number {
  let best = 0;
  for (const a of asked) {
    for (const s of shown) {
      const c = a === s ? 1 : w.leadershipCredit[a]?.[s] ?? 0;
      if (c > best) best = c;
    }
  }
  return clamp01(best);
}

/** The best kind credit any one piece of evidence earns for a requirement asking any of `kinds`. */
export function bestKindCredit(l: Leadership, w: ScoringWeights, kinds: readonly string[]): number {
  let kind = 0;
  for (const e of l.evidence) {
    const c = kindCredit(w, kinds, e.kinds);
    if (c > kind) kind = c;
  }
  return kind;
}

/** The line's credit from its best kind credit: scaled by the team size asked, and by `dated` (any dated position). */
export function leadershipLineCredit(l: Leadership, w: ScoringWeights, kind: number, minTeamSize: number | undefined, dated: boolean): number {
  let credit = kind;
  if (credit > 0 && minTeamSize) credit *= l.maxTeamSize ? clamp01(l.maxTeamSize / minTeamSize) : w.teamSizeUnknownCredit;
  // Leadership words in a résumé with no dated position ("mentoring, tech lead" in a skills list)
  // are claims, like a listed skill.
  if (!dated) credit *= w.listedWithoutPositionsCredit;
  return clamp01(credit);
}

/** The credit for the kinds and team size asked, and the evidence that earned it (the best first). */
function creditOf(l: Leadership, w: ScoringWeights, kinds: readonly string[], minTeamSize: number | undefined, dated: boolean): { credit: number; kind: number; best: LeadEvidence[] } {
  const kind = bestKindCredit(l, w, kinds);
  const best = kind > 0 ? l.evidence.filter((e) => kindCredit(w, kinds, e.kinds) === kind) : [];
  return { credit: leadershipLineCredit(l, w, kind, minTeamSize, dated), kind, best };
}

export function scoreLeadership(ctx: ScoreContext): Scored {
  const want = ctx.requirement.leadership;
  const l = ctx.candidate.profile.leadership;
  if (!want) return UNKNOWN;
  const { credit, kind, best } = creditOf(l, ctx.weights, want.kinds, want.minTeamSize, ctx.candidate.profile.positions.length > 0);
  if (!ctx.explain) return { credit, status: statusOf(credit), evidence: [], detail: '' };
  const shown = (kind > 0 ? best : l.evidence).slice(0, 2);
  const kindsShown = [...new Set(shown.flatMap((e) => e.kinds))].join(', ');
  const found = kind >= 1 ? 'found' : kind > 0 ? 'related leadership found, partial credit' : 'only other leadership found, which does not show this kind';
  const detail = `${want.kinds.join(' or ')}${want.minTeamSize ? `, team of ${want.minTeamSize}+` : ''}: ${shown.length ? `${found} (${kindsShown}${l.maxTeamSize ? `; team of ${l.maxTeamSize}` : ''}${l.months ? `; ${duration(l.months)} in leadership roles` : ''})` : 'no evidence'}`;
  return { credit, status: statusOf(credit), evidence: kind > 0 ? shown.map((e) => resumeEvidence(e.text, e)) : [], detail };
}

// The ranking index's bound, beside the scorer it bounds.

/** The credit depends only on the candidate's leadership evidence, the kinds asked and the team size. */
export function planLeadership(r: Requirement): LinePlan {
  const want = r.leadership;
  return want ? { via: 'class', key: `${[...want.kinds].sort().join(',')}|${want.minTeamSize ?? ''}` } : { via: 'met' };
}

export function leadershipClassBound(c: Candidate, w: ScoringWeights, key: string): number {
  const [kinds, size] = key.split('|') as [string, string];
  const l = c.profile.leadership;
  return leadershipLineCredit(l, w, bestKindCredit(l, w, kinds ? kinds.split(',') : []), size ? Number(size) : undefined, c.profile.positions.length > 0);
}
