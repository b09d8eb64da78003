// A role compiled once more, for the fast path (quick.ts): each requirement as a run of numbers
// (its kind, must-have or not, the constants its scorer reads), its skills and their related
// skills as skill numbers, the concept vector as two parallel arrays. Independent of the weights,
// so per-request overrides need no recompilation. Rarer kinds (education, languages, leadership,
// certifications) keep a small object each, read only when a role asks them.

import { DEGREE_ORDER, type DegreeLevel, type Requirement } from '../domain/posting.ts';
import type { Taxonomy } from '../taxonomy/taxonomy.ts';
import { hasSkills, unrecognisedScope } from './experience.ts';
import { KIND_ORDER } from './kinds.ts';
import { levelRank } from './language-levels.ts';
import type { ConceptVector } from './similarity.ts';
import { softOnly, type CompiledRef } from './skills.ts';

/** Numbers per requirement line in `lines`. */
export const LINE_FIELDS = 14;
/** KIND_ORDER index. */
export const L_KIND = 0;
export const L_REQUIRED = 1;
/** Items (3 numbers each in `items`: skill, first and end of its related skills in `related`): OR-group first, then AND members. */
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
/** Index into the kind's `asks` list (education, languages, leadership, certifications), -1 for others. */
export const L_ASK = 13;

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
  level: DegreeLevel;
  need: number;
  /** Lower-cased, as fieldCredit compares them. */
  fields: string[];
  relatedFields: boolean;
  orEquivalent: boolean;
}

export interface LanguageAsk {
  codes: string[];
  levels: Int32Array;
  any: boolean;
}

export interface LeadershipAsk {
  kinds: string[];
  minTeamSize: number | undefined;
}

export interface CompactRole {
  count: number;
  lines: Float64Array;
  items: Int32Array;
  related: Int32Array;
  conceptN: Int32Array;
  conceptW: Float64Array;
  conceptTotal: number;
  degrees: DegreeAsk[];
  languages: LanguageAsk[];
  leadership: LeadershipAsk[];
  certifications: string[][];
}

const num = (x: number | undefined): number => (x === undefined ? NaN : x);

export function compactRole(tax: Taxonomy, reqs: ReadonlyArray<{ requirement: Requirement; any: CompiledRef[]; all: CompiledRef[] }>, concepts: ConceptVector): CompactRole {
  const lines = new Float64Array(reqs.length * LINE_FIELDS);
  const items: number[] = [];
  const related: number[] = [];
  const role: Omit<CompactRole, 'lines' | 'items' | 'related' | 'conceptN' | 'conceptW'> = { count: reqs.length, conceptTotal: concepts.total, degrees: [], languages: [], leadership: [], certifications: [] };
  const item = (n: number): void => {
    const rel = tax.skills[n]!.related;
    items.push(n, related.length, related.length + rel.length);
    related.push(...rel);
  };
  reqs.forEach(({ requirement: r, any, all }, i) => {
    const at = i * LINE_FIELDS;
    const kind = KIND_ORDER.indexOf(r.kind);
    lines[at + L_KIND] = kind;
    lines[at + L_REQUIRED] = r.required ? 1 : 0;
    lines[at + L_ANY] = items.length;
    for (const a of any) item(a.n);
    lines[at + L_ALL] = items.length;
    for (const a of all) item(a.n);
    lines[at + L_END] = items.length;
    lines[at + L_NEED] = r.minYears ? r.minYears * 12 : 0;
    lines[at + L_WITHIN] = r.withinYears ? r.withinYears * 12 : 0;
    lines[at + L_MIN_SHARE] = num(r.minShare);
    lines[at + L_MIN_YEARS] = num(r.minYears);
    lines[at + L_MAX_YEARS] = num(r.maxYears);
    lines[at + L_FUNCTION] = -1;
    lines[at + L_ASK] = -1;
    if (kind === KIND_SKILL) lines[at + L_MODE] = softOnly(tax, any, all) ? 1 : 0;
    if (kind === KIND_EXPERIENCE) {
      const leadership = r.leadership !== undefined;
      const skills = hasSkills(r);
      lines[at + L_MODE] = skills && !leadership && !r.scope?.professional ? EXP_SKILLS : EXP_SCOPE;
      lines[at + L_FUNCTION] = r.scope?.function === undefined ? -1 : tax.occupations.index.get(r.scope.function) ?? -1;
      lines[at + L_FLAGS] = (unrecognisedScope(tax.occupations.genericScope, r) ? X_UNRECOGNISED : 0) | (leadership ? X_LEADERSHIP : 0) | (skills ? X_HAS_SKILLS : 0);
    }
    if (kind === KIND_EDUCATION && r.degree) {
      lines[at + L_ASK] = role.degrees.length;
      role.degrees.push({ level: r.degree.level, need: DEGREE_ORDER.indexOf(r.degree.level), fields: r.degree.fields.map((f) => f.toLowerCase()), relatedFields: r.degree.relatedFields, orEquivalent: r.degree.orEquivalent });
    }
    if (kind === KIND_LANGUAGE && r.languages?.length) {
      lines[at + L_ASK] = role.languages.length;
      role.languages.push({ codes: r.languages.map((l) => l.code), levels: Int32Array.from(r.languages, (l) => levelRank(l.level)), any: Boolean(r.anyLanguage) });
    }
    if (kind === KIND_LEADERSHIP && r.leadership) {
      lines[at + L_ASK] = role.leadership.length;
      role.leadership.push({ kinds: r.leadership.kinds, minTeamSize: r.leadership.minTeamSize });
    }
    if (kind === KIND_CERTIFICATION && r.certifications?.length) {
      lines[at + L_ASK] = role.certifications.length;
      role.certifications.push(r.certifications.map((c) => c.id));
    }
  });
  return {
    ...role,
    lines,
    items: Int32Array.from(items),
    related: Int32Array.from(related),
    conceptN: Int32Array.from(concepts.weights.keys()),
    conceptW: Float64Array.from(concepts.weights.values()),
  };
}
