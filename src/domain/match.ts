// Match: how well a résumé fits a posting, requirement by requirement, with the evidence.

import type { Occupation, RequirementKind } from './posting.ts';
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
  /**
   * Role relevance: the role's function against the candidate's (latest title, share and months of
   * the career in the same or related functions); `factor` is what the score was multiplied by.
   */
  relevance: RoleRelevance;
  /**
   * Text relevance: the share of the posting's terms (title, requirements, responsibilities;
   * weighted by rarity) the experience text shows, and the closest position.
   */
  textRelevance: TextRelevance;
  summary: string;
  /** The weights this score used (after any per-request overrides). */
  weights: ScoringWeights;
  /** What the candidate offers that the role uses, and their strongest skills it does not ask for. */
  reverse?: { used: string[]; unused: string[] };
}

export interface RoleRelevance {
  /** 0..1, null when the role's or the candidate's function is unknown. */
  score: number | null;
  /** What the score was multiplied by. */
  factor: number;
  role: Occupation | null;
  candidate: Array<{ function: string; name: string; months: number; related: number }>;
  detail: string;
  evidence: Evidence[];
}

export interface TextRelevance {
  /** 0..1; null when the posting has no terms. */
  score: number | null;
  /** The position whose text is closest to the posting's (cosine over the posting's weighted terms). */
  closest: { title: string | null; organization: string | null; start: string; end: string | null; similarity: number; shared: string[] } | null;
  detail: string;
  evidence: Evidence[];
}

export interface ScoringWeights {
  kinds: Record<RequirementKind, number>;
  preferredFactor: number;
  gateThreshold: number;
  gateCap: number;
  similarityWeight: number;
  relatedCredit: number;
  childCredit: number;
  listedOnlyCredit: number;
  /** The same, in a résumé with no dated position at all (at most listedOnlyCredit). */
  listedWithoutPositionsCredit: number;
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
  /**
   * What evidence from a more specific skill is worth: two levels down (grandchild), further
   * (deeper); a skill with at least broadConcept descendants is fully shown by any of them. Applied
   * when a résumé is compiled, so not a per-request override.
   */
  depthFactors: { grandchild: number; deeper: number; broadConcept: number };
  /** Failed gates scale the score by gateCap/100 × (1 − gateShareWeight × the share of must-haves failed). */
  gateShareWeight: number;
  /** Share of the blend from text relevance (the posting's terms shown in the experience text). */
  textWeight: number;
  /** The share of the posting's term weight that earns full text relevance. */
  textFullShare: number;
  /** Role relevance: how the role's function and the candidate's functions scale the score. */
  relevance: RelevanceWeights;
}

export interface RelevanceWeights {
  /** What the score is multiplied by when the candidate's work is unrelated to the role (0..1). */
  floor: number;
  /** Share of the blend (beside requirements and similarity) that relevance itself makes up. */
  weight: number;
  /** Relevance assumed when the candidate's titles name no known function. */
  unknown: number;
  /** Shares of relevance from the latest title (or headline), the share of the career, and its months. */
  recentWeight: number;
  shareWeight: number;
  monthsWeight: number;
  /** Months in the same function that earn the full months share. */
  months: number;
}
