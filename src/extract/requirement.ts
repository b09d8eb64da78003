// One qualification line -> requirements. A line can carry several facets ("Bachelor's in CS
// and 5+ years of Java"): education, spoken languages, certifications, leadership, years of
// experience (scoped to skills or a domain, with recency), and skills as OR-groups or AND-lists.

import type { Requirement, SkillRef } from '../domain/posting.ts';
import type { Span } from '../domain/types.ts';
import type { Taxonomy } from '../taxonomy/taxonomy.ts';
import { findRecency, findYears, pickYears } from './years.ts';
import { SpanIndex } from '../text/spans.ts';
import { trimChars } from '../text/trim.ts';
import { tokenize } from '../text/tokenize.ts';
import { readDegree } from './degree.ts';
import { readLanguages } from './languages.ts';
import { readLeadership } from './leadership.ts';

export type Facets = Omit<Requirement, 'id' | 'text' | 'span' | 'source'>;

interface SkillHit extends Span {
  n: number;
}

const PREFERRED_WORDS = /\b(?:an? (?:big |huge |strong )?plus|is a bonus|a bonus|bonus points?|nice[ -]to[ -]have|preferred|preferably|ideally|desirable|desired|advantage|advantageous|would be (?:great|nice|helpful|a plus)|helpful|an asset|beneficial|welcome|optional)\b/i;
const REQUIRED_WORDS = /\b(?:required|requires?|must|mandatory|essential|necessary|need to have|is a must)\b/i;
const OR_CUE_BEFORE = /(?:such as|one of|one or more of|any of|either|e\.g\.?|for example|like|at least one(?: of)?|i\.e\.?)[\s:(]*$/i;
const LIST_SEP = /^(?:[\s,/|;&()]|\band\b|\bor\b|\bplus\b)*$/i;
/** "Kafka, RabbitMQ, or another message broker": the category joins the alternatives. */
const OPEN_ALTERNATIVE = /^[\s,]*(?:or|and\/or) (?:an?other|other|any other|a similar|similar|an equivalent|equivalent|a comparable|comparable) +$/i;
const QUALIFICATION_CUE = /^(?:experience|knowledge|ability|able to|proficien|familiar|understanding|strong|excellent|solid|demonstrated|proven|track record|background|expertise|deep|hands-on|comfort|willing|must|you|working knowledge|good|great|exceptional|outstanding|advanced|fluen|certif|degree|bachelor|master|phd|education|skills?|exposure|passion|a passion|commitment|at least|minimum)/i;
const EXPERIENCE_WORDING = /\b(?:professional|non-internship|industry|work|relevant|commercial|post-qualification) experience\b|\bexperience in (?:a )?professional\b|\bnon-internship\b/i;

export function requiredness(line: string, sectionDefault: boolean): boolean {
  // "(Postgres or MySQL ideally)": a preference inside brackets is about the example, not the line.
  // Only the main clause decides: "4+ years of accounting, ideally in ..." and "ERP experience.
  // NetSuite preferred" are must-haves with a preference attached.
  const outer = line.replace(/\([^()]*\)/g, ' ').split(/[.;]\s|,\s(?=(?:ideally|preferably|with|including|though|but|and ideally)\b)/i)[0]!;
  // "German is a plus but not required": a negated requirement word is a preference.
  const negated = /\bnot (?:required|mandatory|essential|a must|necessary)\b/i.test(outer);
  const pref = PREFERRED_WORDS.test(outer) || negated;
  const req = REQUIRED_WORDS.test(outer.replace(/\bnot (?:required|mandatory|essential|a must|necessary)\b/gi, ''));
  if (pref && !req) return false;
  if (req && !pref) return true;
  return sectionDefault;
}

export function looksLikeQualification(line: string): boolean {
  return QUALIFICATION_CUE.test(line.trim());
}

function ref(tax: Taxonomy, n: number): SkillRef {
  const s = tax.skills[n]!;
  return { id: s.id, name: s.name };
}

/** Sets a facet's anyOf / allOf from grouped skill numbers (each only when non-empty). */
function addSkills(tax: Taxonomy, f: Facets, g: { anyOf: number[]; allOf: number[] }): Facets {
  if (g.anyOf.length) f.anyOf = g.anyOf.map((n) => ref(tax, n));
  if (g.allOf.length) f.allOf = g.allOf.map((n) => ref(tax, n));
  return f;
}

/**
 * Splits skill mentions into one OR-group (alternatives: "Java, C++, or C#", "such as X, Y")
 * and an AND-list (everything else). Generic parents right before an example list drop out,
 * and AND items implied by every OR member are redundant.
 */
export function groupSkills(tax: Taxonomy, line: string, hits: SkillHit[]): { anyOf: number[]; allOf: number[]; extraOr: number[][] } {
  const chains: Array<{ items: SkillHit[]; or: boolean }> = [];
  for (const h of hits) {
    const last = chains[chains.length - 1];
    const prev = last?.items[last.items.length - 1];
    const sep = prev ? line.slice(prev.end, h.start) : '';
    if (last && prev && ((sep.length <= 12 && LIST_SEP.test(sep)) || OPEN_ALTERNATIVE.test(sep))) {
      last.items.push(h);
      if (/\bor\b|\//i.test(sep)) last.or = true;
    } else {
      const before = line.slice(Math.max(0, h.start - 40), h.start);
      chains.push({ items: [h], or: OR_CUE_BEFORE.test(before) });
    }
  }
  // "Kafka, NATS, or another streaming system": the list ends in an open alternative.
  for (const c of chains) {
    const after = line.slice(c.items[c.items.length - 1]!.end, c.items[c.items.length - 1]!.end + 30);
    if (c.items.length > 1 && /^[\s,]*(?:or|and\/or) (?:another|other|similar|equivalent|comparable|a similar|any other)\b/i.test(after)) c.or = true;
  }
  const orChains = chains.filter((c) => c.or && c.items.length > 1);
  const anyOf = orChains[0]?.items.map((h) => h.n) ?? [];
  const extraOr = orChains.slice(1).map((c) => c.items.map((h) => h.n));
  const inOr = new Set(orChains.flatMap((c) => c.items.map((h) => h.n)));
  let allOf = chains.flatMap((c) => (c.or && c.items.length > 1 ? [] : c.items.map((h) => h.n))).filter((n) => !inOr.has(n));
  // A parent implied by every alternative adds nothing ("a modern language such as Java, C++ or C#").
  // (The ancestors every alternative shares, found once: not a scan of the alternatives per item.)
  const alternatives = [...new Set(anyOf)];
  allOf = [...new Set(allOf)];
  if (alternatives.length) {
    let shared = new Set(tax.skills[alternatives[0]!]!.ancestors);
    for (const a of alternatives.slice(1)) {
      if (shared.size === 0) break;
      const own = new Set(tax.skills[a]!.ancestors);
      shared = new Set([...shared].filter((p) => own.has(p)));
    }
    if (shared.size) allOf = allOf.filter((p) => !shared.has(p));
  }
  return { anyOf: alternatives, allOf, extraOr };
}

/** The scope after a years phrase: "of non-internship professional software development experience". */
function scopeText(line: string, from: number): string {
  let rest = line.slice(from);
  const stop = rest.search(/[.;]\s|[.;]$|\(|\bsuch as\b|\bincluding\b|\bpreferably\b|\bideally\b|, (?:with|in|including|where|which)\b/i);
  if (stop >= 0) rest = rest.slice(0, stop);
  const words = rest.split(/\s+/).filter(Boolean);
  if (/^(?:of|in|with|on|at|doing)$/i.test(words[0] ?? '')) words.shift();
  if (/^(?:experience|exp\.?)$/i.test(words[0] ?? '')) {
    words.shift();
    if (/^(?:of|in|with|as|on|at)$/i.test(words[0] ?? '')) words.shift();
  }
  if (/^(?:experience|exp\.?)$/i.test(words[words.length - 1] ?? '')) words.pop();
  return trimChars(words.join(' '), ',:');
}

/** Facets of one line; `hits` are the line's skill mentions (offsets relative to `line`). */
export function readRequirementLine(tax: Taxonomy, line: string, hits: SkillHit[], langHits: Array<Span & { code: string }>): Facets[] {
  const out: Facets[] = [];
  const lex = tax.lexicons;
  const tokens = tokenize(line);
  const consumed = new Set<SkillHit>();

  const degree = readDegree(lex, line, tokens);
  if (degree) {
    out.push({ kind: 'education', required: true, degree: degree.degree });
    const fields = new SpanIndex(degree.fieldSpans);
    for (const h of hits) if (tax.skills[h.n]!.category === 'field' || fields.overlaps(h)) consumed.add(h);
  }

  const languages = readLanguages(lex, line, langHits, tokens);
  if (languages.length) out.push({ kind: 'language', required: true, languages });

  const certs = lex.certifications.find(line, tokens);
  if (certs.length) {
    out.push({ kind: 'certification', required: true, certifications: certs.map((c) => ({ id: c.value.id, name: c.value.name })) });
    const certSpans = new SpanIndex(certs);
    for (const h of hits) if (certSpans.overlaps(h)) consumed.add(h);
  }

  const leadership = readLeadership(lex, line, tokens);
  const leadershipFacet = leadership ? { kinds: leadership.kinds, ...(leadership.minTeamSize ? { minTeamSize: leadership.minTeamSize } : {}) } : null;
  if (leadership) {
    // "leading the architecture and design (architecture, design patterns, reliability and scaling)":
    // the bracketed skills illustrate what is led; they are not separate must-haves.
    const brackets = new SpanIndex([...line.matchAll(/\([^()]*\)/g)].map((m) => ({ start: m.index, end: m.index + m[0].length })));
    const phrases = new SpanIndex(leadership.spans);
    for (const h of hits) {
      if (phrases.overlaps(h) || tax.skills[h.n]!.id === 'leadership' || tax.skills[h.n]!.id === 'mentoring' || brackets.covers(h)) consumed.add(h);
    }
  }

  const recency = findRecency(line);
  const years = findYears(line, recency);
  // "Freshers welcome", "no experience required" lower a stated minimum to none; alone they ask
  // for nothing ("recent graduates are welcome to apply" is no requirement of its own).
  if (years.some((y) => !y.none) || recency.length || EXPERIENCE_WORDING.test(line)) {
    const y = pickYears(line, years);
    const scope = y?.none ? '' : y ? scopeText(line, y.end) : recency.length ? scopeText(line.slice(0, recency[0]!.start).replace(/^.*?\bexperience\b/i, ''), 0) : scopeText(line.replace(/^.*?\bexperience\b/i, ''), 0);
    const allBefore = y ? hits.every((o) => o.start < y.start) : true;
    const scoped = hits.filter((h) => !consumed.has(h) && (y ? h.start >= y.end || allBefore : true));
    const f = addSkills(tax, { kind: 'experience', required: true }, groupSkills(tax, line, scoped));
    if (y?.minYears !== undefined) f.minYears = y.minYears;
    if (y?.maxYears !== undefined) f.maxYears = y.maxYears;
    if (recency[0]) f.withinYears = recency[0].withinYears;
    f.scope = { text: scope, professional: /\b(?:professional|non-internship|post-qualification)\b|\b(?:industry|work|commercial) experience\b/i.test(line) };
    if (leadershipFacet) f.leadership = leadershipFacet;
    out.push(f);
    for (const h of scoped) consumed.add(h);
  } else if (leadershipFacet) {
    out.push({ kind: 'leadership', required: true, leadership: leadershipFacet });
  }

  const rest = hits.filter((h) => !consumed.has(h));
  if (rest.length) {
    const g = groupSkills(tax, line, rest);
    out.push(addSkills(tax, { kind: 'skill', required: true }, g));
    for (const extra of g.extraOr) out.push({ kind: 'skill', required: true, anyOf: extra.map((n) => ref(tax, n)) });
  }
  return out;
}
