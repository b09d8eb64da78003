// Phrase lexicons beside the skills: job titles and seniority, degrees and fields of study,
// spoken-language proficiency, leadership cues, certifications, places, work modes and
// employment types. Each compiles into its own PhraseMatcher once per process.

import { PhraseMatcher, type FormMode, type MatcherConcept, type RawMatch } from './matcher.ts';
import type { Tokens } from '../text/tokenize.ts';
import { createSectionCues, type SectionCueSource, type SectionCues } from '../text/section-cues.ts';

type Words = { words?: string[]; cased?: string[] };

export interface TablesSource {
  titles?: {
    seniority?: Array<{ level: string } & Words>;
    levelCodes?: Array<{ code: string; level: string }>;
    sentenceWords?: string[];
    titles?: Array<{ id: string; name: string; function?: string; aliases?: string[] }>;
  };
  degrees?: {
    levels?: Array<{ level: string; notIn?: string[] } & Words>;
    fields?: Array<{ id: string; name: string; aliases?: string[]; group?: string; cased?: string[] }>;
    equivalence?: string[];
    relatedField?: string[];
  };
  languages?: { levels?: Array<{ level: string } & Words> };
  leadership?: { kinds?: Array<{ kind: string; phrases?: string[] }>; teamNouns?: string[]; notLeadership?: string[] };
  certifications?: { certifications?: Array<{ id: string; name: string; aliases?: string[]; issuer?: string; skills?: string[]; cased?: string[] }> };
  places?: {
    countries?: Array<{ code: string; alpha3?: string; name: string; aliases?: string[] }>;
    regions?: Array<{ code: string; country: string; name: string; aliases?: string[] }>;
    cities?: Array<{ name: string; country: string; region?: string; aliases?: string[]; ambiguous?: boolean }>;
    workModes?: Array<{ mode: string; words?: string[] }>;
    employmentTypes?: Array<{ type: string; words?: string[] }>;
  };
  sections?: SectionCueSource & { itemOpeners?: string[]; itemJoiners?: string[] };
}

/** A matcher plus the value each of its concepts stands for. */
export class Lexicon<T> {
  readonly values: T[];
  private readonly matcher: PhraseMatcher;

  constructor(entries: Array<{ value: T; forms: Array<{ text: string; mode: FormMode }>; notIn?: string[] }>) {
    this.values = entries.map((e) => e.value);
    const concepts: MatcherConcept[] = entries.map((e) => ({ forms: e.forms, notIn: e.notIn ?? [], technical: false }));
    this.matcher = new PhraseMatcher(concepts);
  }

  /** Matches in `text`; pass `tokens` (tokenize(text)) when several lexicons read the same line. */
  find(text: string, tokens?: Tokens): Array<RawMatch & { value: T }> {
    return this.matcher.match(text, tokens).map((m) => ({ ...m, value: this.values[m.concept]! }));
  }
}

/** "MEd", "B.Sc.", "PhD", "MBA": short forms with a capital inside or dots. */
const isAbbreviation = (w: string): boolean => w.replace(/[.\s]/g, '').length <= 6 && /\p{Lu}/u.test(w.slice(1)) || /^\p{Lu}[\p{L}]{0,3}\.$/u.test(w);

/** Phrases matched in any case, except those in `cased`, which match only as written. */
export const free = (xs: string[] | undefined, cased: string[] = []): Array<{ text: string; mode: FormMode }> => {
  const c = new Set(cased);
  const out = (xs ?? []).map((text) => ({ text, mode: (c.has(text) ? 1 : 0) as FormMode }));
  for (const x of cased) if (!(xs ?? []).includes(x)) out.push({ text: x, mode: 1 });
  return out;
};

/** A lexicon that only says whether any of these phrases occurs (cue words, personal-attribute words). */
export function phraseSet(words: string[] | undefined): Lexicon<true> {
  return new Lexicon([{ value: true as const, forms: free(words) }]);
}

/** Short all-caps words ("BA", "MS", "US") match only as written. */
const autoCase = (xs: string[] | undefined): Array<{ text: string; mode: FormMode }> =>
  (xs ?? []).map((text) => ({ text, mode: (/^[A-Z.]{1,4}$/.test(text) ? 1 : 0) as FormMode }));

export interface TitleValue { kind: 'title'; id: string; name: string; function: string }
export interface SeniorityValue { kind: 'seniority'; level: string }
export interface DegreeLevelValue { level: string }
export interface FieldValue { id: string; name: string; group: string }
export interface LeadershipValue { kind: string }
export interface CertValue { id: string; name: string; skills: string[] }
export type PlaceValue =
  | { kind: 'country'; code: string; name: string }
  | { kind: 'region'; code: string; country: string; name: string }
  | { kind: 'city'; name: string; country: string; region?: string };

/** Item openers as phrases of lower-case words joined by one space, the most words in one, and the words after which none opens an item. */
export interface ItemOpeners { phrases: ReadonlySet<string>; longest: number; joiners: ReadonlySet<string> }

function itemOpeners(words: string[] | undefined, joiners: string[] | undefined): ItemOpeners {
  const phrases = new Set((words ?? []).map((p) => p.toLowerCase().split(/[^\p{L}\d]+/u).filter(Boolean).join(' ')).filter(Boolean));
  return { phrases, longest: Math.max(1, ...[...phrases].map((p) => p.split(' ').length)), joiners: new Set((joiners ?? []).map((w) => w.toLowerCase())) };
}

export interface Lexicons {
  titles: Lexicon<TitleValue | SeniorityValue>;
  seniorityOrder: string[];
  levelCodes: Map<string, string>;
  /** Words a title line never holds, that mark a line as a sentence ("we", "your", "who"). */
  titleSentenceWords: ReadonlySet<string>;
  /** Words that open a new item of a requirement list run together without separators (sections.yaml `itemOpeners`). */
  itemOpeners: ItemOpeners;
  degreeLevels: Lexicon<DegreeLevelValue>;
  fields: Lexicon<FieldValue>;
  equivalence: Lexicon<true>;
  relatedField: Lexicon<true>;
  languageLevels: Lexicon<string>;
  leadership: Lexicon<LeadershipValue | null>;
  teamNouns: Set<string>;
  certifications: Lexicon<CertValue>;
  places: Lexicon<PlaceValue>;
  regions: Map<string, { code: string; country: string; name: string }>;
  workModes: Lexicon<string>;
  employmentTypes: Lexicon<string>;
  /** Section heading cue words and the boilerplate sentence test (sections.yaml). */
  sections: SectionCues;
}

export function createLexicons(t: TablesSource): Lexicons {
  const seniority = t.titles?.seniority ?? [];
  const titles = new Lexicon<TitleValue | SeniorityValue>([
    ...(t.titles?.titles ?? []).map((x) => ({
      value: { kind: 'title' as const, id: x.id, name: x.name, function: x.function ?? 'other' },
      forms: free([x.name, ...(x.aliases ?? [])]),
    })),
    ...seniority.map((s) => ({ value: { kind: 'seniority' as const, level: s.level }, forms: autoCase(s.words) })),
  ]);
  const levels = t.degrees?.levels ?? [];
  const countries = t.places?.countries ?? [];
  const regions = t.places?.regions ?? [];
  const places = new Lexicon<PlaceValue>([
    ...countries.map((c) => ({
      value: { kind: 'country' as const, code: c.code, name: c.name },
      forms: [
        ...free([c.name, ...(c.aliases ?? []).filter((a) => !/^[A-Z.]{2,4}$/.test(a))]),
        ...[c.alpha3, ...(c.aliases ?? []).filter((a) => /^[A-Z.]{2,4}$/.test(a))].filter((x): x is string => !!x).map((text) => ({ text, mode: 1 as FormMode })),
      ],
    })),
    ...(t.places?.cities ?? []).map((c) => ({
      value: { kind: 'city' as const, name: c.name, country: c.country, ...(c.region ? { region: c.region } : {}) },
      forms: [c.name, ...(c.aliases ?? [])].map((text) => ({ text, mode: (c.ambiguous || /^[A-Z]{2,3}$/.test(text) ? 1 : 0) as FormMode })),
    })),
    ...regions.map((r) => ({
      value: { kind: 'region' as const, code: r.code, country: r.country, name: r.name },
      forms: [{ text: r.name, mode: 1 as FormMode }, ...(r.aliases ?? []).map((text) => ({ text, mode: 1 as FormMode }))],
    })),
  ]);
  return {
    titles,
    seniorityOrder: seniority.map((s) => s.level),
    levelCodes: new Map((t.titles?.levelCodes ?? []).map((c) => [c.code.toLowerCase().replace(/\s+/g, ' '), c.level])),
    titleSentenceWords: new Set((t.titles?.sentenceWords ?? []).map((w) => w.toLowerCase())),
    itemOpeners: itemOpeners(t.sections?.itemOpeners, t.sections?.itemJoiners),
    // Degree abbreviations ("MEd", "B.S.", "MS") match only as written: "med-surg" is not a degree.
    degreeLevels: new Lexicon(levels.map((l) => ({ value: { level: l.level }, forms: free(l.words, [...(l.cased ?? []), ...(l.words ?? []).filter(isAbbreviation)]), notIn: l.notIn ?? [] }))),
    fields: new Lexicon((t.degrees?.fields ?? []).map((f) => ({
      value: { id: f.id, name: f.name, group: f.group ?? 'other' },
      forms: free([f.name, ...(f.aliases ?? [])], f.cased),
    }))),
    equivalence: new Lexicon((t.degrees?.equivalence ?? []).map((p) => ({ value: true as const, forms: free([p]) }))),
    relatedField: new Lexicon((t.degrees?.relatedField ?? []).map((p) => ({ value: true as const, forms: free([p]) }))),
    languageLevels: new Lexicon((t.languages?.levels ?? []).map((l) => ({ value: l.level, forms: free(l.words, l.cased) }))),
    leadership: new Lexicon<LeadershipValue | null>([
      // Phrases that look like leadership and are not ("LED lighting", "lead generation") win as longer matches.
      { value: null, forms: free(t.leadership?.notLeadership) },
      ...(t.leadership?.kinds ?? []).map((k) => ({ value: { kind: k.kind }, forms: free(k.phrases) })),
    ]),
    teamNouns: new Set((t.leadership?.teamNouns ?? []).map((w) => w.toLowerCase())),
    certifications: new Lexicon((t.certifications?.certifications ?? []).map((c) => ({
      value: { id: c.id, name: c.name, skills: c.skills ?? [] },
      forms: free([c.name, ...(c.aliases ?? [])], c.cased),
    }))),
    places,
    regions: new Map(regions.map((r) => [`${r.country}:${r.code}`, r])),
    workModes: new Lexicon((t.places?.workModes ?? []).map((w) => ({ value: w.mode, forms: free(w.words) }))),
    employmentTypes: new Lexicon((t.places?.employmentTypes ?? []).map((w) => ({ value: w.type, forms: free(w.words) }))),
    sections: createSectionCues(t.sections),
  };
}
