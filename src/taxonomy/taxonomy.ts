// The loaded taxonomy: compiled model objects -> skill table, implication closure, and the
// phrase matcher over skills and spoken languages. Built once per process by the engine.

import type { Mention, Span } from '../domain/types.ts';
import type { Tokens } from '../text/tokenize.ts';
import { normalizeText, toOriginalSpan, type NormalizedText } from '../text/normalize.ts';
import { SpanIndex } from '../text/spans.ts';
import { PhraseMatcher, type FormMode, type MatcherConcept, type RawMatch } from './matcher.ts';
import { createLexicons, type Lexicons, type TablesSource } from './lexicons.ts';
import { createOccupations, type OccupationSource, type Occupations } from './occupations.ts';
import { createTermWeights, type TermSource, type TermWeights } from './term-weights.ts';
import { TECH_CATEGORIES, type CompiledSkill, type LanguagesFile } from './schema.ts';

export interface SkillInfo {
  /** Integer id: index into Taxonomy.skills. */
  n: number;
  id: string;
  name: string;
  category: string;
  transversal: boolean;
  parents: number[];
  related: number[];
  /** Every skill this one implies, transitively (not itself). */
  ancestors: number[];
  /** Hops to each ancestor (same order as `ancestors`): 1 for a parent, 2 for a grandparent. */
  ancestorDepth: number[];
  /** How many skills imply this one: a broad concept ("Software development") has many. */
  descendants: number;
}

export interface LanguageInfo {
  code: string;
  name: string;
}

export interface ModelFiles {
  skills: { version: string; skills: CompiledSkill[] };
  languages?: LanguagesFile & { version: string };
  [name: string]: unknown;
}

export interface Taxonomy {
  version: string;
  skills: SkillInfo[];
  byId: ReadonlyMap<string, SkillInfo>;
  languages: LanguageInfo[];
  matcher: PhraseMatcher;
  lexicons: Lexicons;
  /** Functions (occupation families), how titles name them, and how related they are. */
  occupations: Occupations;
  /** Word-stem weights and personal-attribute cues for text relevance. */
  terms: TermWeights;
  /**
   * A number for each distinct ask roles make of a candidate (a degree, languages, leadership,
   * certifications), given as roles compile: a candidate's credit for an ask is remembered by it
   * (scoring/quick.ts). Filled as roles compile; the numbers are never shown or stored.
   */
  askIds: Map<string, number>;
  /** Matches in already-normalized text: skills first (concept < skills.length), then languages. */
  match(normalized: string, tokens?: Tokens): RawMatch[];
  /** Mentions of skills and spoken languages, with spans into `text` as given. */
  mentions(text: string): Mention[];
  /** The same, on text already normalized (spans map through `norm`). */
  mentionsIn(norm: NormalizedText, original: string): Mention[];
}

// A skill name right before a role noun names a job or a team, not a skill the text claims.
const ROLE_NOUN = /^(?:engineers?|developers?|architects?|administrators?|admins?|managers?|specialists?|consultants?|analysts?|designers?|programmers?|testers?|team|teams|leads?|position|role|job|department|guild|chapter|squad|intern|internship)\b/i;

/** Whether a role noun follows, allowing up to two capitalised words between ("Java Performance Engineer"). */
function beforeRoleNoun(after: string): boolean {
  let rest = after.slice(0, 60);
  for (let k = 0; k < 3; k++) {
    rest = rest.replace(/^[\s-]+/, '');
    if (ROLE_NOUN.test(rest)) return true;
    const word = /^\p{Lu}[\p{L}\d+#.]*/u.exec(rest);
    if (!word) return false;
    rest = rest.slice(word[0].length);
  }
  return false;
}

// URLs and email addresses are not prose: "https://rl.example.com" names no skill.
const ADDRESS_TOKEN = /^(?:https?:\/\/|www\.)|^[^@\s]+@[\w-]+\.\w|^[\w-]+(?:\.[\w-]+)*\.(?:com|io|org|net|dev|me|co|app)\//i;
const BREAK = new Set([' ', '\n', '\t', '<', '>', '"', '(', ')', '|', ',', ';']);

/** Spans of whitespace-delimited tokens that are URLs or email addresses (found from "@" and "/"). */
function addressSpans(text: string): Span[] {
  const spans: Span[] = [];
  const read = new Set<number>(); // tokens (by start) already read from an earlier "@" or "/"
  for (const ch of ['@', '/']) {
    for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) {
      let a = i;
      let b = i;
      while (a > 0 && !BREAK.has(text[a - 1]!)) a--;
      while (b < text.length && !BREAK.has(text[b]!)) b++;
      if (read.has(a)) { i = b; continue; }
      read.add(a);
      if (ADDRESS_TOKEN.test(text.slice(a, b))) spans.push({ start: a, end: b });
      i = b;
    }
  }
  return spans;
}

/** Matches outside URLs and email addresses (a binary search per match, not a scan of every address). */
function outsideAddresses(text: string, matches: RawMatch[]): RawMatch[] {
  const spans = addressSpans(text);
  if (!spans.length) return matches;
  const index = new SpanIndex(spans);
  return matches.filter((m) => !index.overlaps(m));
}

function skillForms(s: CompiledSkill): Array<{ text: string; mode: FormMode }> {
  const ambiguous = new Set(s.ambiguous ?? []);
  const cased = new Set(s.cased ?? []);
  const restricted = new Set([...ambiguous, ...cased].map((f) => f.toLowerCase()));
  const forms: Array<{ text: string; mode: FormMode }> = [];
  for (const f of [s.name, ...(s.aliases ?? [])]) {
    if (ambiguous.has(f)) forms.push({ text: f, mode: 2 });
    else if (cased.has(f)) forms.push({ text: f, mode: 1 });
    else if (!restricted.has(f.toLowerCase())) forms.push({ text: f, mode: 0 });
  }
  for (const f of ambiguous) forms.push({ text: f, mode: 2 });
  for (const f of cased) if (!ambiguous.has(f)) forms.push({ text: f, mode: 1 });
  return forms;
}

function languageForms(name: string, ambiguous: Set<string>): Array<{ text: string; mode: FormMode }> {
  const mode: FormMode = ambiguous.has(name) ? 2 : 1;
  const cap = name.charAt(0).toUpperCase() + name.slice(1);
  const forms = [{ text: cap, mode }, { text: name.toUpperCase(), mode }];
  return cap === name.toUpperCase() ? forms.slice(0, 1) : forms;
}

export function createTaxonomy(models: ModelFiles): Taxonomy {
  const compiled = models.skills.skills;
  const index = new Map(compiled.map((s, n) => [s.id, n]));
  const skills: SkillInfo[] = compiled.map((s, n) => ({
    n,
    id: s.id,
    name: s.name,
    category: s.category,
    transversal: s.transversal === true,
    parents: (s.parents ?? []).map((p) => index.get(p)).filter((x): x is number => x !== undefined),
    related: (s.related ?? []).map((p) => index.get(p)).filter((x): x is number => x !== undefined),
    ancestors: [],
    ancestorDepth: [],
    descendants: 0,
  }));
  // Related is symmetric: MySQL ~ PostgreSQL whichever side the source lists it on.
  for (const s of skills) for (const r of s.related) if (!skills[r]!.related.includes(s.n)) skills[r]!.related.push(s.n);
  for (const s of skills) {
    // Breadth first, so each ancestor gets its shortest distance.
    const depth = new Map<number, number>();
    let frontier = s.parents.filter((p) => p !== s.n);
    for (let d = 1; frontier.length; d++) {
      const next: number[] = [];
      for (const p of frontier) {
        if (depth.has(p) || p === s.n) continue;
        depth.set(p, d);
        next.push(...skills[p]!.parents);
      }
      frontier = next;
    }
    s.ancestors = [...depth.keys()].sort((a, b) => a - b);
    s.ancestorDepth = s.ancestors.map((a) => depth.get(a)!);
  }
  for (const s of skills) for (const a of s.ancestors) skills[a]!.descendants++;
  const byId = new Map(skills.map((s) => [s.id, s]));
  const langSource = models.languages?.languages ?? [];
  const languages: LanguageInfo[] = langSource.map((l) => ({ code: l.code, name: l.name }));
  const ambiguousLangs = new Set(models.languages?.ambiguous ?? []);

  const concepts: MatcherConcept[] = compiled.map((s) => ({
    forms: skillForms(s),
    notIn: s.notIn ?? [],
    technical: TECH_CATEGORIES.has(s.category),
  }));
  for (const l of langSource) {
    const forms = [l.name, ...(l.aliases ?? [])].flatMap((f) => languageForms(f, ambiguousLangs));
    concepts.push({ forms, notIn: [], technical: false });
  }
  const matcher = new PhraseMatcher(concepts);
  const nSkills = skills.length;

  const match = (normalized: string, tokens?: Tokens): RawMatch[] => outsideAddresses(normalized, matcher.match(normalized, tokens));
  const mentionsIn = (norm: NormalizedText, original: string): Mention[] =>
    match(norm.text).map((m) => {
      const span = toOriginalSpan(norm, m);
      const text = original.slice(span.start, span.end);
      if (m.concept < nSkills) {
        const s = skills[m.concept]!;
        const role = beforeRoleNoun(norm.text.slice(m.end, m.end + 60));
        return { id: s.id, name: s.name, kind: 'skill' as const, start: span.start, end: span.end, text, ...(role ? { role: true as const } : {}) };
      }
      const l = languages[m.concept - nSkills]!;
      return { id: `lang:${l.code}`, name: l.name, kind: 'language' as const, start: span.start, end: span.end, text };
    });

  return {
    version: models.skills.version,
    skills,
    byId,
    languages,
    matcher,
    lexicons: createLexicons(models as unknown as TablesSource),
    occupations: createOccupations(models['occupations'] as OccupationSource | undefined),
    terms: createTermWeights(models['terms'] as TermSource | undefined),
    askIds: new Map(),
    match,
    mentions: (text) => mentionsIn(normalizeText(text), text),
    mentionsIn,
  };
}
