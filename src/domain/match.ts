// Match: how well a résumé fits a posting, requirement by requirement, with the evidence.

import type { RequirementKind } from './posting.ts';
import type { Span } from './types.ts';

export type RequirementStatus = 'met' | 'partial' | 'unmet' | 'unknown';

export interface Evidence {
  /** Which document the span points into. */
  source: 'posting' | 'resume';
  span: Span;
  text: string;
}

export interface RequirementResult {
  id: string;
  kind: RequirementKind;
  required: boolean;
  status: RequirementStatus;
  /** 0..1. */
  credit: number;
  /** The requirement's weight in the score (0 for unknown). */
  weight: number;
  /** The requirement as the posting states it. */
  text: string;
  evidence: Evidence[];
  /** One readable line: "Java: 6 years, last used 2024". */
  detail: string;
}

export interface Match {
  /** 0..100. */
  score: number;
  scoringVersion: string;
  gates: { passed: boolean; failed: string[] };
  requirements: RequirementResult[];
  /** Points the score would gain if each unmet or partial requirement were met, largest first. */
  gaps: Array<{ requirementId: string; gain: number }>;
  /** The best score reachable with every requirement met. */
  ceiling: number;
  /** Share of the posting's skill vocabulary the candidate shows, 0..1 (blended in with a small weight). */
  similarity: number;
  summary: string;
  /** The weights this score used (after any per-request overrides). */
  weights: ScoringWeights;
  /** What the candidate offers that the role uses, and their strongest skills it does not ask for. */
  reverse?: { used: string[]; unused: string[] };
}

export interface ScoringWeights {
  kinds: Record<RequirementKind, number>;
  preferredFactor: number;
  gateThreshold: number;
  gateCap: number;
  gateCapStep: number;
  similarityWeight: number;
  relatedCredit: number;
  childCredit: number;
  listedOnlyCredit: number;
  staleCredit: number;
  relatedFieldCredit: number;
  otherFieldCredit: number;
  equivalentYears: Record<string, number>;
  /** Education: the highest degree one level below the one asked earns this share. */
  degreeBelowCredit: number;
  /** Below a minimum of years, credit is (have / need) to this power. */
  yearsCreditExponent: number;
  /** Experience in a scope the taxonomy does not recognise (checked on total experience) earns at most this. */
  unrecognisedScopeCredit: number;
  /** Spoken language present with no level stated, when a level is asked. */
  languageUnstatedLevelCredit: number;
  /** Each CEFR step below the level asked costs this share. */
  languageLevelStepPenalty: number;
  /** Leadership: asked kind -> shown kind -> credit (a kind earns 1 for itself; a kind not listed, 0). */
  leadershipCredit: Record<string, Record<string, number>>;
  /** Leadership with a team size asked and none stated earns this share. */
  teamSizeUnknownCredit: number;
  /** Years past an experience line's maxYears that count as overqualified (shown in the detail). */
  overqualifiedYears: number;
  /** Degree levels above the one asked that count as overqualified (0: never). */
  overqualifiedDegreeLevels: number;
  /** Share of a line's credit an overqualified candidate loses (0: only shown). */
  overqualificationPenalty: number;
}
