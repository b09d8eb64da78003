// Spoken-language requirements: every language asked for, at the level asked for (CEFR or native);
// alternatives ("Dutch or German", anyLanguage) by the best of them. A level not stated earns
// `languageUnstatedLevelCredit`; each CEFR step short of the level asked costs `languageLevelStepPenalty`.

import { clamp01, resumeEvidence, statusOf, type ScoreContext, type Scored, UNKNOWN } from './common.ts';

const LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'native'];

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
      const need = a.level ? LEVELS.indexOf(a.level) : -1;
      const got = h.level ? LEVELS.indexOf(h.level) : -1;
      if (need < 0) c = 1;
      else if (got < 0) c = ctx.weights.languageUnstatedLevelCredit; // the language is there, its level is not stated
      else c = got >= need ? 1 : clamp01(1 - (need - got) * ctx.weights.languageLevelStepPenalty);
      if (ctx.explain) evidence.push(resumeEvidence(h.name, h.span));
    }
    sum += c;
    best = Math.max(best, c);
    if (ctx.explain) parts.push(`${h?.name ?? a.code}${a.level ? ` (${a.level})` : ''}: ${h ? (h.level ?? 'level not stated') : 'not found'}`);
  }
  const credit = ctx.requirement.anyLanguage ? best : sum / asked.length;
  return { credit, status: statusOf(credit), evidence, detail: ctx.requirement.anyLanguage ? `any one of: ${parts.join('; ')}` : parts.join('; ') };
}
