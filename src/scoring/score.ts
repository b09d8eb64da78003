// The match: one scorer per requirement kind, weights per kind and per must-have/nice-to-have,
// must-haves as gates that cap the score, a small share of whole-text similarity, the gaps (what
// each unmet requirement would add), the ceiling and a one-line summary. Explanations are
// rendered from the scorers' evidence, never recomputed.

import type { Match, RequirementResult, ScoringWeights } from '../domain/match.ts';
import type { PostingProfile, Requirement, SkillRef } from '../domain/posting.ts';
import type { Taxonomy } from '../taxonomy/taxonomy.ts';
import type { Candidate } from './candidate.ts';
import type { Scored, ScoreContext } from './common.ts';
import { finalScore, lineCredit } from './blend.ts';
import { compactRole, type CompactRole } from './compact-role.ts';
import { KINDS } from './kinds.ts';
import { conceptVector, coverage, type ConceptVector } from './similarity.ts';
import type { CompiledRef } from './skills.ts';
import { compileRoleTerms, explainTextRelevance, textRelevance, type RoleTerms } from './text-relevance.ts';
import { explainRelevance, relevanceFactor, relevanceValue, roleFunction, roleRelevance } from './relevance.ts';

// The ranking index reads the blend and the fast path from here.
export { blendScore, gateFactor } from './blend.ts';
export { quickScore } from './quick.ts';

export interface ScoringModel {
  scoringVersion: string;
  weights: ScoringWeights;
}

export interface Role {
  profile: PostingProfile;
  concepts: ConceptVector;
  /** Each requirement with its skills resolved to taxonomy numbers and its weight kind. */
  reqs: Array<{ requirement: Requirement; any: CompiledRef[]; all: CompiledRef[] }>;
  /** The role's function (occupations), -1 when unknown. */
  fn: number;
  /** The role's weighted terms, for text relevance. */
  terms: RoleTerms;
  /** The same requirements and concepts as numbers, for the fast path (quick.ts). */
  compact: CompactRole;
}

/**
 * `keep` picks what of the profile the role holds on to (a service keeping thousands of roles in
 * memory drops mention spans); the concept vector is counted from the whole profile first.
 */
export function compileRole(tax: Taxonomy, profile: PostingProfile, keep: (p: PostingProfile) => PostingProfile = (p) => p): Role {
  const counts = new Map<number, number>();
  for (const s of profile.skills) {
    const n = tax.byId.get(s.id)?.n;
    if (n !== undefined && !tax.skills[n]!.transversal) counts.set(n, s.mentions.length);
  }
  const resolve = (refs: SkillRef[] | undefined): CompiledRef[] => (refs ?? []).flatMap((ref) => {
    const n = tax.byId.get(ref.id)?.n;
    return n === undefined ? [] : [{ ref, n }];
  });
  const kept = keep(profile);
  const reqs = kept.requirements.map((requirement) => ({ requirement, any: resolve(requirement.anyOf), all: resolve(requirement.allOf) }));
  const concepts = conceptVector(counts);
  return { profile: kept, concepts, reqs, fn: roleFunction(tax, profile), terms: compileRoleTerms(tax, profile), compact: compactRole(tax, reqs, concepts) };
}

/** Weights with per-request overrides applied (validated by the caller's schema). */
export function withOverrides(base: ScoringWeights, o: Partial<ScoringWeights> = {}): ScoringWeights {
  return {
    ...base,
    ...o,
    kinds: { ...base.kinds, ...(o.kinds ?? {}) },
    equivalentYears: { ...base.equivalentYears, ...(o.equivalentYears ?? {}) },
    relevance: { ...base.relevance, ...(o.relevance ?? {}) },
  };
}

/** Role relevance as total() uses it (its share of the blend and the factor it scales by), and text relevance. */
interface Relevance { value: number; factor: number; text: number }

interface Line {
  weight: number;
  credit: number;
  required: boolean;
  known: boolean;
}

/**
 * The score of these lines; `met` says which lines to take as fully met instead (-1: none, -2: all)
 * for the ceiling and the gaps, without copying the lines.
 */
function total(lines: Line[], w: ScoringWeights, similarity: number, relevance: Relevance, met = -1, failed: number[] | null = null): number {
  let num = 0;
  let den = 0;
  let must = 0;
  let failing = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (!l.known) continue;
    const credit = met === -2 || met === i ? 1 : l.credit;
    num += l.weight * credit;
    den += l.weight;
    if (!l.required) continue;
    must++;
    if (credit < w.gateThreshold) {
      failing++;
      failed?.push(i);
    }
  }
  return finalScore(w, num, den, must, failing, similarity, relevance.value, relevance.factor, relevance.text);
}

function verdict(score: number): string {
  return score >= 80 ? 'Strong fit' : score >= 60 ? 'Good fit' : score >= 40 ? 'Partial fit' : 'Weak fit';
}

/** Requirement texts as summaries quote them, kept per requirement while its role lives: the same few are quoted pair after pair. */
const shortTexts = new WeakMap<Requirement, string>();

function short(r: Requirement): string {
  let s = shortTexts.get(r);
  if (s === undefined) {
    const t = r.text.replace(/\s+/g, ' ').trim();
    s = t.length > 70 ? `${t.slice(0, 67)}...` : t;
    shortTexts.set(r, s);
  }
  return s;
}

/** Every requirement scored: the numbers the score needs, and the scorers' output. */
function scoreLines(tax: Taxonomy, weights: ScoringWeights, candidate: Candidate, role: Role, explain: boolean): { lines: Line[]; scored: Scored[] } {
  const lines: Line[] = [];
  const scored: Scored[] = [];
  for (const { requirement, any, all } of role.reqs) {
    const ctx: ScoreContext = { tax, weights, candidate, requirement, any, all, explain };
    const s = KINDS[requirement.kind].score(ctx);
    const known = s.status !== 'unknown';
    const weight = known ? (weights.kinds[requirement.kind] ?? 1) * (requirement.required ? 1 : weights.preferredFactor) : 0;
    lines.push({ weight, credit: lineCredit(s.credit), required: requirement.required, known });
    scored.push(s);
  }
  return { lines, scored };
}

/** The share of the role's skill vocabulary the candidate shows, to three places. */
function similarityOf(candidate: Candidate, role: Role): number {
  return Math.round(coverage(role.concepts, (n) => candidate.effective.has(n)) * 1000) / 1000;
}

export function scoreMatch(tax: Taxonomy, model: ScoringModel, weights: ScoringWeights, candidate: Candidate, role: Role, opts: { explain: boolean }): Match {
  const results: RequirementResult[] = [];
  const { lines, scored } = scoreLines(tax, weights, candidate, role, opts.explain);
  role.reqs.forEach(({ requirement }, i) => {
    const s = scored[i]!;
    const { weight, credit } = lines[i]!;
    results.push({
      id: requirement.id,
      kind: requirement.kind,
      required: requirement.required,
      status: s.status,
      credit,
      weight: Math.round(weight * 100) / 100,
      text: requirement.text,
      evidence: opts.explain ? [{ source: 'posting', span: requirement.span, text: requirement.text }, ...s.evidence] : [],
      detail: s.detail,
    });
  });
  const similarity = similarityOf(candidate, role);
  // The score uses the unrounded relevance, as quickScore does (the explanation shows it rounded).
  const raw = roleRelevance(tax.occupations, weights, candidate.occupation, role.fn);
  const relevance = explainRelevance(tax, weights, role.profile, candidate.profile, candidate.occupation, role.fn, raw);
  const textScore = textRelevance(role.terms, candidate.terms, weights.textFullShare);
  const text = explainTextRelevance(role.terms, candidate.profile, candidate.terms, textScore, weights.textFullShare);
  const rel: Relevance = { value: relevanceValue(weights, role.fn, raw), factor: relevanceFactor(weights, role.fn, raw), text: textScore ?? 1 };
  const failed: number[] = [];
  const score = total(lines, weights, similarity, rel, -1, failed);
  const ceiling = total(lines, weights, similarity, rel, -2);
  const gaps: Match['gaps'] = [];
  if (opts.explain) {
    lines.forEach((l, i) => {
      if (!l.known || l.credit >= 1) return;
      const gain = Math.round((total(lines, weights, similarity, rel, i) - score) * 10) / 10;
      if (gain > 0) gaps.push({ requirementId: results[i]!.id, gain });
    });
    gaps.sort((a, b) => b.gain - a.gain || a.requirementId.localeCompare(b.requirementId, 'en'));
  }
  const must = results.filter((r) => r.required && r.status !== 'unknown');
  const nice = results.filter((r) => !r.required && r.status !== 'unknown');
  const metMust = must.filter((r) => r.credit >= weights.gateThreshold).length;
  const metNice = nice.filter((r) => r.status === 'met').length;
  let summary = `${verdict(score)} (${score}/100): meets ${metMust} of ${must.length} must-haves and ${metNice} of ${nice.length} nice-to-haves`;
  if (relevance.role && relevance.score !== null && relevance.score < 0.5) {
    const theirs = relevance.candidate[0];
    summary += `; different field: the role is ${relevance.role.name}${theirs ? `, the candidate's work is mostly ${theirs.name}` : ''}`;
  }
  if (failed.length) summary += `; missing: ${failed.slice(0, 2).map((i) => short(role.reqs[i]!.requirement)).join('; ')}${failed.length > 2 ? ` and ${failed.length - 2} more` : ''}`;
  else if (gaps[0]) summary += `; the biggest gain would come from: ${short(role.reqs[results.findIndex((r) => r.id === gaps[0]!.requirementId)]!.requirement)}`;
  const match: Match = {
    score,
    scoringVersion: model.scoringVersion,
    gates: { passed: failed.length === 0, failed: failed.map((i) => results[i]!.id) },
    requirements: results,
    gaps,
    ceiling,
    similarity,
    relevance: { score: relevance.score, factor: relevance.factor, role: relevance.role, candidate: relevance.candidate, detail: relevance.detail, evidence: opts.explain ? relevance.evidence : [] },
    textRelevance: { score: text.score, closest: text.closest, detail: text.detail, evidence: opts.explain ? text.evidence : [] },
    summary: `${summary}.`,
    weights,
  };
  if (opts.explain) {
    const asked = new Set(role.profile.skills.map((s) => s.id));
    const mine = candidate.skillsByUse;
    match.reverse = {
      used: mine.filter((s) => asked.has(s.id)).slice(0, 6).map((s) => s.name),
      unused: mine.filter((s) => !asked.has(s.id) && s.months > 0).slice(0, 6).map((s) => s.name),
    };
  }
  return match;
}
