// A role compiled once more, for the fast path (quick.ts): each requirement as a run of numbers
// (its kind, must-have or not, the constants its scorer reads), its skills and their related
// skills as skill numbers, the concept vector as skill numbers and weights: two typed arrays in
// all, since an index holds many roles and every typed array costs its own header. Independent of
// the weights, so per-request overrides need no recompilation. Rarer kinds (education, languages,
// leadership, certifications) keep a small object each, read only when a role asks them.

import { DEGREE_ORDER, type DegreeLevel, type Requirement } from '../domain/posting.ts';
import type { Taxonomy } from '../taxonomy/taxonomy.ts';
import { hasSkills, unrecognisedScope } from './experience.ts';
import { KIND_ORDER } from './kinds.ts';
import { levelRank } from './language-levels.ts';
import type { ConceptVector } from './similarity.ts';
import { softOnly, type CompiledRef } from './skills.ts';

/** Numbers per requirement line in `lines`. */
export const LINE_FIELDS = 15;
/** KIND_ORDER index. */
export const L_KIND = 0;
export const L_REQUIRED = 1;
/** Items (3 numbers each in `ints`: skill, first and end of its related skills in `ints`): OR-group first, then AND members. */
export const L_ANY = 2;
export const L_ALL = 3;
export const L_END = 4;
/** minYears × 12 when minYears is set and not 0, else 0: the months each skill's years are measured against. */
export const L_NEED = 5;
/** withinYears × 12 when set and not 0, else 0. */
export const L_WITHIN = 6;
/** minShare (a cluster), NaN when unset. */
export const L_MIN_SHARE = 7;
/** minYears and maxYears as stated, NaN when unset. */
export const L_MIN_YEARS = 8;
export const L_MAX_YEARS = 9;
/**
 * Per kind: skill lines, 1 when every skill is transversal (softOnly); experience lines, the path
 * scoreExperience takes (EXP_SKILLS or EXP_SCOPE).
 */
export const L_MODE = 10;
/** Experience: the scope's function number (-1: none or unknown), the scope was not recognised, a leadership scope, the requirement names skills. */
export const L_FUNCTION = 11;
export const L_FLAGS = 12;
/** Index into `asks` (education, languages, leadership, certifications), -1 for other kinds and for a line asking nothing checkable. */
export const L_ASK = 13;
/** That ask's number (tax.askIds), so a candidate's remembered credit is read without touching the ask. */
export const L_ASK_ID = 14;

export const EXP_SKILLS = 0;
export const EXP_SCOPE = 1;
/** Bits of L_FLAGS for experience lines. */
export const X_UNRECOGNISED = 1;
export const X_LEADERSHIP = 2;
export const X_HAS_SKILLS = 4;

export const KIND_SKILL = KIND_ORDER.indexOf('skill');
export const KIND_EXPERIENCE = KIND_ORDER.indexOf('experience');
export const KIND_EDUCATION = KIND_ORDER.indexOf('education');
export const KIND_LANGUAGE = KIND_ORDER.indexOf('language');
export const KIND_LEADERSHIP = KIND_ORDER.indexOf('leadership');
export const KIND_CERTIFICATION = KIND_ORDER.indexOf('certification');

export interface DegreeAsk {
  type: 'degree';
  /** The same for equal asks (tax.askIds): a candidate's credit for it is remembered by this (quick.ts). */
  id: number;
  level: DegreeLevel;
  need: number;
  /** Lower-cased, as fieldCredit compares them. */
  fields: string[];
  relatedFields: boolean;
  orEquivalent: boolean;
}

export interface LanguageAsk {
  type: 'languages';
  /** The same for equal asks (tax.askIds): a candidate's credit for it is remembered by this (quick.ts). */
  id: number;
  codes: string[];
  levels: number[];
  any: boolean;
}

export interface LeadershipAsk {
  type: 'leadership';
  /** The same for equal asks (tax.askIds): a candidate's credit for it is remembered by this (quick.ts). */
  id: number;
  kinds: string[];
  minTeamSize: number | undefined;
}

export interface CertificationAsk {
  type: 'certifications';
  /** The same for equal asks (tax.askIds): a candidate's credit for it is remembered by this (quick.ts). */
  id: number;
  ids: string[];
}

export type Ask = DegreeAsk | LanguageAsk | LeadershipAsk | CertificationAsk;

/** An ask before its number is given (each member of the union without it). */
type Unnumbered<T> = T extends unknown ? Omit<T, 'id'> : never;

export interface CompactRole {
  /** Requirement lines. */
  count: number;
  /** LINE_FIELDS numbers per line, then the concept weights (from `count * LINE_FIELDS`). */
  nums: Float64Array;
  /** Items and related skills (see L_ANY), then the concepts' skill numbers (from `conceptAt`). */
  ints: Int32Array;
  conceptAt: number;
  concepts: number;
  conceptTotal: number;
  asks: readonly Ask[];
  /** The highest ask number (Ask.id) the role's lines use, -1 for none. */
  maxAskId: number;
  /** What numbered them (the compiling taxonomy's askIds): numbers from two taxonomies are not comparable. */
  askNumbering: object;
}

const NO_ASKS: readonly Ask[] = Object.freeze([]);

const num = (x: number | undefined): number => (x === undefined ? NaN : x);

export function compactRole(tax: Taxonomy, reqs: ReadonlyArray<{ requirement: Requirement; any: CompiledRef[]; all: CompiledRef[] }>, concepts: ConceptVector): CompactRole {
  const nums = new Float64Array(reqs.length * LINE_FIELDS + concepts.weights.size);
  // Items first, each pointing at its related skills after all items.
  const itemCount = reqs.reduce((n, q) => n + q.any.length + q.all.length, 0);
  const ints: number[] = [];
  const related: number[] = [];
  const asks: Ask[] = [];
  const item = (n: number): void => {
    const rel = tax.skills[n]!.related;
    const from = itemCount * 3 + related.length;
    ints.push(n, from, from + rel.length);
    related.push(...rel);
  };
  let maxAskId = -1;
  /** Adds the ask to the line at `at`. */
  const ask = (at: number, a: Unnumbered<Ask>): void => {
    const key = JSON.stringify(a);
    let id = tax.askIds.get(key);
    if (id === undefined) tax.askIds.set(key, (id = tax.askIds.size));
    nums[at + L_ASK] = asks.push({ ...a, id } as Ask) - 1;
    nums[at + L_ASK_ID] = id;
    if (id > maxAskId) maxAskId = id;
  };
  reqs.forEach(({ requirement: r, any, all }, i) => {
    const at = i * LINE_FIELDS;
    const kind = KIND_ORDER.indexOf(r.kind);
    nums[at + L_KIND] = kind;
    nums[at + L_REQUIRED] = r.required ? 1 : 0;
    nums[at + L_ANY] = ints.length;
    for (const a of any) item(a.n);
    nums[at + L_ALL] = ints.length;
    for (const a of all) item(a.n);
    nums[at + L_END] = ints.length;
    nums[at + L_NEED] = r.minYears ? r.minYears * 12 : 0;
    nums[at + L_WITHIN] = r.withinYears ? r.withinYears * 12 : 0;
    nums[at + L_MIN_SHARE] = num(r.minShare);
    nums[at + L_MIN_YEARS] = num(r.minYears);
    nums[at + L_MAX_YEARS] = num(r.maxYears);
    nums[at + L_FUNCTION] = -1;
    nums[at + L_ASK] = -1;
    nums[at + L_ASK_ID] = -1;
    if (kind === KIND_SKILL) nums[at + L_MODE] = softOnly(tax, any, all) ? 1 : 0;
    if (kind === KIND_EXPERIENCE) {
      const leadership = r.leadership !== undefined;
      const skills = hasSkills(r);
      nums[at + L_MODE] = skills && !leadership && !r.scope?.professional ? EXP_SKILLS : EXP_SCOPE;
      nums[at + L_FUNCTION] = r.scope?.function === undefined ? -1 : tax.occupations.index.get(r.scope.function) ?? -1;
      nums[at + L_FLAGS] = (unrecognisedScope(tax.occupations.genericScope, r) ? X_UNRECOGNISED : 0) | (leadership ? X_LEADERSHIP : 0) | (skills ? X_HAS_SKILLS : 0);
    }
    if (kind === KIND_EDUCATION && r.degree) {
      const d = r.degree;
      ask(at, { type: 'degree', level: d.level, need: DEGREE_ORDER.indexOf(d.level), fields: d.fields.map((f) => f.toLowerCase()), relatedFields: d.relatedFields, orEquivalent: d.orEquivalent });
    }
    if (kind === KIND_LANGUAGE && r.languages?.length) {
      ask(at, { type: 'languages', codes: r.languages.map((l) => l.code), levels: r.languages.map((l) => levelRank(l.level)), any: Boolean(r.anyLanguage) });
    }
    if (kind === KIND_LEADERSHIP && r.leadership) ask(at, { type: 'leadership', kinds: r.leadership.kinds, minTeamSize: r.leadership.minTeamSize });
    if (kind === KIND_CERTIFICATION && r.certifications?.length) ask(at, { type: 'certifications', ids: r.certifications.map((c) => c.id) });
  });
  const conceptAt = ints.length + related.length;
  nums.set(Float64Array.from(concepts.weights.values()), reqs.length * LINE_FIELDS);
  return {
    count: reqs.length,
    nums,
    ints: Int32Array.from([...ints, ...related, ...concepts.weights.keys()]),
    conceptAt,
    concepts: concepts.weights.size,
    conceptTotal: concepts.total,
    asks: asks.length ? asks : NO_ASKS,
    maxAskId,
    askNumbering: tax.askIds,
  };
}
