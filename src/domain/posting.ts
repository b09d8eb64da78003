// PostingProfile: a job posting read as requirements (field names are the public contract).

import type { InputFormat, Span, Warning } from './types.ts';

export type RequirementKind = 'skill' | 'experience' | 'education' | 'language' | 'leadership' | 'certification' | 'other';
export type DegreeLevel = 'secondary' | 'associate' | 'bachelor' | 'master' | 'doctorate';
/** Degree levels, lowest first: the one order extraction and scoring compare levels by. */
export const DEGREE_ORDER: readonly DegreeLevel[] = ['secondary', 'associate', 'bachelor', 'master', 'doctorate'];
export type WorkMode = 'on-site' | 'hybrid' | 'remote';

export interface SkillRef {
  id: string;
  name: string;
}

export interface Requirement {
  id: string;
  kind: RequirementKind;
  /** true = must-have (a gate); false = nice-to-have. */
  required: boolean;
  text: string;
  span: Span;
  /** Any one of these skills satisfies the requirement (an OR-group). */
  anyOf?: SkillRef[];
  /** All of these are needed (each one counts; the credit is their mean). */
  allOf?: SkillRef[];
  /**
   * A cluster of related topics ("Statistics, Regression, Forecasting, Time Series"): the share of
   * the skills that earns full credit. The credit is the share shown divided by it, at most 1.
   */
  minShare?: number;
  minYears?: number;
  maxYears?: number;
  /** Experience must fall within the last N years. */
  withinYears?: number;
  /** What years of experience count: "professional software development", a skill, a domain. */
  /**
   * What years of experience count: "professional software development", a skill, a domain; and the
   * function the scope names ("as a Chef de Partie" → hospitality; "relevant experience" → the
   * role's own), whose months are counted from the positions of that function.
   */
  scope?: { text: string; professional: boolean; function?: string };
  degree?: { level: DegreeLevel; fields: string[]; orEquivalent: boolean; relatedFields: boolean };
  languages?: Array<{ code: string; level: string | null }>;
  /** The languages are alternatives ("Dutch or German"): any one of them satisfies. */
  anyLanguage?: boolean;
  leadership?: { kinds: string[]; minTeamSize?: number };
  certifications?: SkillRef[];
  /** Which section the requirement came from (requirements, preferred, ...) or "sentence". */
  source: string;
}

export interface PostingSkill {
  id: string;
  name: string;
  /** Mentioned in a must-have requirement. */
  required: boolean;
  /** Mentioned only in responsibilities or description text, which counts less. */
  contextOnly: boolean;
  mentions: Array<Span & { text: string }>;
}

/** The function (occupation family) a job title names, and the words that named it. */
export interface Occupation {
  /** Function id from occupations.yaml ("accounting", "hospitality", "software"). */
  function: string;
  name: string;
  /** The words that named it ("Sous Chef", "sales … manager"). */
  words: string;
  /** The posting's title, a title named in its text, or a résumé's headline. */
  source: 'title' | 'text' | 'headline';
  span?: Span;
}

export interface PostingProfile {
  title: string | null;
  titleSpan?: Span;
  normalizedTitle?: { id: string; name: string; function: string };
  /** The role's function, from its title or, failing that, the titles its text names. */
  occupation?: Occupation | null;
  seniority: string | null;
  company: string | null;
  location: { text: string | null; city: string | null; region: string | null; country: string | null; workMode: WorkMode | null; span?: Span };
  employmentType: string | null;
  /** The part of the text read as the posting (scraped pages carry reviews, salaries, ...). */
  body: Span;
  sections: Array<{ kind: string; title: string | null; span: Span }>;
  requirements: Requirement[];
  /** Word stems of the title, requirements and responsibilities, for text relevance. */
  terms?: string[];
  skills: PostingSkill[];
  warnings: Warning[];
  modelsVersion: string;
  /** How the input was read: plain text, an HTML page, or schema.org JobPosting JSON-LD. */
  format?: InputFormat;
}
