// Spoken-language requirements: every language asked for, at the level asked for (CEFR or native);
// alternatives ("Dutch or German", anyLanguage) by the best of them. A level not stated earns
// `languageUnstatedLevelCredit`; each CEFR step short of the level asked costs `languageLevelStepPenalty`.

import type { ScoringWeights } from '../domain/match.ts';
import { levelRank } from './language-levels.ts';
import { clamp01, resumeEvidence, statusOf, type ScoreContext, type Scored, UNKNOWN } from './common.ts';


/** One language's credit from the level ranks asked (`need`) and shown (`got`), -1 when unstated. */
export function languageCredit(w: ScoringWeights, need: number, got: number): number {
  if (need < 0) return 1;
  // The language is there, its level is not stated.
  if (got < 0) return w.languageUnstatedLevelCredit;
  return got >= need ? 1 : clamp01(1 - (need - got) * w.languageLevelStepPenalty);
}

export function scoreLanguages(ctx: ScoreContext): Scored {
  const asked = ctx.requirement.languages ?? [];
  const have = ctx.candidate.profile.languages;
  if (asked.length === 0) return UNKNOWN;
  let sum = 0;
  let best = 0;
  const parts: string[] = [];
  const evidence = [];
  for (const a of asked) {
    const h = have.find((l) => l.code === a.code);
    let c = 0;
    if (h) {
      c = languageCredit(ctx.weights, levelRank(a.level), levelRank(h.level));
      if (ctx.explain) evidence.push(resumeEvidence(h.name, h.span));
    }
    sum += c;
    best = Math.max(best, c);
    if (ctx.explain) parts.push(`${h?.name ?? a.code}${a.level ? ` (${a.level})` : ''}: ${h ? (h.level ?? 'level not stated') : 'not found'}`);
  }
  const credit = ctx.requirement.anyLanguage ? best : sum / asked.length;
  return { credit, status: statusOf(credit), evidence, detail: ctx.requirement.anyLanguage ? `any one of: ${parts.join('; ')}` : parts.join('; ') };
}
