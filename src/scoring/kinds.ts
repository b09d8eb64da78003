// One registry of requirement kinds: each kind's score function beside the functions that bound
// it from above for the ranking index (retrieval/role-index.ts), so the index never re-derives a
// scorer's arithmetic. Every bound lives in the scorer's own file, next to what it bounds; a
// property test checks that the index's top-k equals scoring every role.

import type { ScoringWeights } from '../domain/match.ts';
import type { Requirement, RequirementKind } from '../domain/posting.ts';
import type { Taxonomy } from '../taxonomy/taxonomy.ts';
import type { Candidate } from './candidate.ts';
import type { LinePlan, Scorer } from './common.ts';
import { scoreCertification } from './certifications.ts';
import { educationClassBound, planEducation, scoreEducation } from './education.ts';
import { experienceClassBound, experienceLineBound, planExperience, scoreExperience } from './experience.ts';
import { scoreLanguages } from './languages.ts';
import { leadershipClassBound, planLeadership, scoreLeadership } from './leadership.ts';
import { scoreOther } from './other.ts';
import { planSkill, scoreSkill, skillLineBound, type CompiledRef } from './skills.ts';

export interface KindRule {
  /** The credit (0..1) of one requirement of this kind, with its evidence and detail. */
  score: Scorer;
  /** Once per requirement, when a role is indexed: how its credit is bounded (common.ts, LinePlan). */
  plan(r: Requirement, any: CompiledRef[], all: CompiledRef[], tax: Taxonomy): LinePlan;
  /**
   * `items` lines: the most the line earns when its items' mean credit is at most `mean`; `capHave`
   * and `capNeed` are the months of the plan's cap (experience.ts, capMonths). Monotone in `mean`.
   */
  lineBound(w: ScoringWeights, mean: number, minShare: number, capHave: number, capNeed: number): number;
  /** `class` lines: the most a line of this key earns for this candidate. */
  classBound(c: Candidate, w: ScoringWeights, key: string): number;
}

const MET = (): LinePlan => ({ via: 'met' });
const NO_LINE = (): number => 1;
const NO_CLASS = (): number => 1;

export const KINDS: Readonly<Record<RequirementKind, KindRule>> = {
  skill: { score: scoreSkill, plan: planSkill, lineBound: (_w, mean, minShare) => skillLineBound(mean, minShare), classBound: NO_CLASS },
  experience: { score: scoreExperience, plan: planExperience, lineBound: experienceLineBound, classBound: experienceClassBound },
  education: { score: scoreEducation, plan: planEducation, lineBound: NO_LINE, classBound: educationClassBound },
  language: { score: scoreLanguages, plan: MET, lineBound: NO_LINE, classBound: NO_CLASS },
  leadership: { score: scoreLeadership, plan: planLeadership, lineBound: NO_LINE, classBound: leadershipClassBound },
  certification: { score: scoreCertification, plan: MET, lineBound: NO_LINE, classBound: NO_CLASS },
  // Never checked automatically: always unknown, so it never weighs.
  other: { score: scoreOther, plan: () => ({ via: 'unknown' }), lineBound: NO_LINE, classBound: NO_CLASS },
};

/** The kinds in a fixed order, for dense per-kind arrays. */
export const KIND_ORDER: readonly RequirementKind[] = ['skill', 'experience', 'education', 'language', 'leadership', 'certification', 'other'];
