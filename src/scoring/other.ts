// Requirements rolefit cannot check from structure ("Track record of delivering complex
// initiatives", "Must be able to work on-site"): marked unknown and left out of the score, with
// the requirement text shown so a person can judge it.

import { NO_EVIDENCE, type ScoreContext, type Scored } from './common.ts';

export function scoreOther(ctx: ScoreContext): Scored {
  return { credit: 0, status: 'unknown', evidence: NO_EVIDENCE, detail: ctx.explain ? 'not checked automatically: read the résumé for this one' : '' };
}
