// ResumeProfile: a résumé read as dated positions, skills with months of use, education,
// languages, leadership and certifications (field names are the public contract).

import type { DegreeLevel, Occupation } from './posting.ts';
import type { InputFormat, Span, Warning } from './types.ts';

export interface Position {
  title: string | null;
  organization: string | null;
  location: string | null;
  /** YYYY-MM. */
  start: string;
  /** YYYY-MM, or null when current. */
  end: string | null;
  months: number;
  /** internship, student job or apprenticeship: kept apart from professional experience. */
  kind: 'job' | 'internship' | 'volunteer';
  /** The function the title names (occupations.yaml), when it names one. */
  function?: string;
  /** Word stems of the position's text (personal-attribute lines left out), for text relevance. */
  terms?: string[];
  span: Span;
}

export interface ResumeSkill {
  id: string;
  name: string;
  /** Months of the positions whose text mentions the skill (interval union). */
  months: number;
  /** YYYY-MM of the latest such position's end (the as-of month when current). */
  lastUsed: string | null;
  /** Mentioned only in a skills list or summary, not in any dated position. */
  listedOnly: boolean;
  /** "Java (6 years)", "Python - 5 yrs": what the résumé states. */
  statedMonths?: number;
  mentions: Array<Span & { text: string }>;
}

export interface Education {
  level: DegreeLevel | null;
  field: string | null;
  institution: string | null;
  year: number | null;
  span: Span;
}

export interface ResumeProfile {
  /** YYYY-MM that "present" means. */
  asOf: string;
  /** YYYY-MM-DD a PDF or DOCX file says it was last modified (else created); absent for text. */
  documentDate?: string | null;
  positions: Position[];
  experience: {
    /** Union of professional positions, overlapping months counted once. */
    totalMonths: number;
    internshipMonths: number;
    /** A stated total ("7+ years of experience"), when the résumé makes one. */
    statedMonths?: number;
    /** dates: from positions; stated: only the claim was available. */
    source: 'dates' | 'stated' | 'none';
  };
  /** What the candidate does: a headline title, and months per function from the positions' titles. */
  occupation?: { headline: Occupation | null; functions: Array<{ function: string; name: string; months: number }> };
  skills: ResumeSkill[];
  education: Education[];
  languages: Array<{ code: string; name: string; level: string | null; span: Span }>;
  leadership: { months: number; maxTeamSize: number | null; kinds: string[]; evidence: Array<Span & { text: string; kinds: string[] }> };
  certifications: Array<{ id: string; name: string; span: Span }>;
  /** Kept apart for redaction; never used to score. */
  contact: { name: string | null; email: string | null; phone: string | null; location: string | null; links: string[] };
  sections: Array<{ kind: string; title: string | null; span: Span }>;
  warnings: Warning[];
  modelsVersion: string;
  format?: InputFormat;
}
