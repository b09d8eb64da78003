// Certification requirements: any one of the certifications named.

import { resumeEvidence, statusOf, type ScoreContext, type Scored } from './common.ts';

export function scoreCertification(ctx: ScoreContext): Scored {
  const asked = ctx.requirement.certifications ?? [];
  const have = ctx.candidate.profile.certifications;
  const hit = have.find((c) => asked.some((a) => a.id === c.id));
  const credit = hit ? 1 : 0;
  return {
    credit,
    status: asked.length ? statusOf(credit) : 'unknown',
    evidence: hit && ctx.explain ? [resumeEvidence(hit.name, hit.span)] : [],
    detail: ctx.explain ? `${asked.map((a) => a.name).join(' or ')}: ${hit ? 'held' : 'not found'}` : '',
  };
}
