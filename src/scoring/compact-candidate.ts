// A candidate compiled once more, for the fast path (quick.ts): the skill evidence as a small
// open-addressing table from skill number to a run of numbers, and the few other facts the
// requirement scorers read, as plain numbers and arrays. Scoring a pair then reads typed arrays
// by index and allocates nothing. Built from the same SkillFacts the explained scorers read, so
// both see the same evidence.

import type { ResumeProfile } from '../domain/resume.ts';
import type { Taxonomy } from '../taxonomy/taxonomy.ts';
import { levelRank } from './language-levels.ts';

/** Numbers per skill in `facts`. */
export const FACT_FIELDS = 6;
/** Offsets in a skill's run of `facts`. */
export const F_FLAGS = 0;
/** max(months, statedMonths) of the skill's own evidence (direct). */
export const F_OWN_VALUE = 1;
export const F_OWN_LAST = 2;
/** max(months, statedMonths) of the best evidence, its own or a more specific skill's (effective). */
export const F_EFF_VALUE = 3;
export const F_EFF_LAST = 4;
export const F_EFF_FACTOR = 5;

/** Bits of F_FLAGS. */
export const HAS_OWN = 1;
export const OWN_LISTED_ONLY = 2;
export const OWN_STATED_NONE = 4;
export const EFF_LISTED_ONLY = 8;
export const EFF_STATED_NONE = 16;
/** The best evidence is the skill's own (the same fact, not a copy). */
export const EFF_IS_OWN = 32;

export interface CompactCandidate {
  /**
   * One bit per taxonomy skill, set when the candidate has evidence for it: a pair asks far more
   * skills than a résumé shows, and most are turned away by one bit test (572 bytes at 4,565 skills).
   */
  shows: Int32Array;
  /** Open addressing: [skill number, run index] pairs; skill -1 marks an empty slot. */
  table: Int32Array;
  /** log2 of the table's slots. */
  bits: number;
  /** FACT_FIELDS numbers per skill with evidence. */
  facts: Float64Array;
  /** Whether the résumé has any dated position. */
  dated: boolean;
  asOf: number;
  lastWorked: number;
  totalMonths: number;
  /** The total is a stated claim (no dated positions). */
  stated: boolean;
  leadershipMonths: number;
  /** Months counted for an experience line scoped to each function (by number); null when no title names one. */
  monthsFor: Float64Array | null;
  /** Degrees with a known level, highest first: ranks and lower-cased fields. */
  degreeRank: Int32Array;
  degreeField: Array<string | null>;
  languageCode: string[];
  languageLevel: Int32Array;
  certificationIds: string[];
  /** Every leadership kind any evidence shows, once: the best kind credit is the best over these (kindCredit). */
  leadershipKinds: string[];
  /**
   * Credits of the asks (degree, languages, leadership, certifications) already scored, by the
   * ask's number (NaN: not yet), for the weights last scored with and the numbering (a
   * taxonomy's askIds) the roles' asks came with: postings ask the same few things over and over,
   * and a ranking scores one résumé against thousands of them (a cache, cleared when either changes).
   */
  askCredits: { weights: object | null; numbering: object | null; byId: Float64Array };
}

/** The table slot where a skill number starts probing. */
export function homeSlot(n: number, bits: number): number {
  return Math.imul(n, 0x9e3779b1) >>> (32 - bits);
}

/** Whether the candidate has evidence for skill `n` (effective: its own or a more specific skill's). */
export function shows(c: CompactCandidate, n: number): boolean {
  return (c.shows[n >>> 5]! & (1 << (n & 31))) !== 0;
}

/** The run index of skill `n` in `facts` (times FACT_FIELDS), or -1. */
export function factAt(c: CompactCandidate, n: number): number {
  if (!shows(c, n)) return -1;
  const t = c.table;
  const mask = (1 << c.bits) - 1;
  for (let i = homeSlot(n, c.bits); ; i = (i + 1) & mask) {
    const k = t[i * 2]!;
    if (k === n) return t[i * 2 + 1]!;
    if (k === -1) return -1;
  }
}

/** The parts of a SkillFact (candidate.ts) the fast path reads. */
interface Evidence {
  months: number;
  statedMonths: number;
  listedOnly: boolean;
  last: number;
  factor: number;
}

function stated0(f: Evidence): boolean {
  return f.statedMonths === 0;
}

export function compactCandidate(
  tax: Taxonomy,
  profile: ResumeProfile,
  parts: { asOf: number; lastWorked: number; direct: ReadonlyMap<number, Evidence>; effective: ReadonlyMap<number, Evidence>; degrees: ReadonlyArray<{ rank: number; field: string | null }>; monthsFor: ReadonlyMap<string, number> },
): CompactCandidate {
  // Every skill with direct evidence also has effective evidence (compileCandidate), so the
  // effective skills are the table's keys; a quarter full at most, so a miss ends fast.
  const count = parts.effective.size;
  let bits = 4;
  while (1 << bits < count * 4) bits++;
  const table = new Int32Array(2 << bits).fill(-1);
  const facts = new Float64Array(count * FACT_FIELDS);
  const mask = (1 << bits) - 1;
  const shown = new Int32Array((tax.skills.length + 31) >>> 5);
  let run = 0;
  for (const [n, eff] of parts.effective) {
    const own = parts.direct.get(n);
    const at = run * FACT_FIELDS;
    let flags = (eff.listedOnly ? EFF_LISTED_ONLY : 0) | (stated0(eff) ? EFF_STATED_NONE : 0);
    if (own) {
      flags |= HAS_OWN | (own.listedOnly ? OWN_LISTED_ONLY : 0) | (stated0(own) ? OWN_STATED_NONE : 0) | (own === eff ? EFF_IS_OWN : 0);
      facts[at + F_OWN_VALUE] = Math.max(own.months, own.statedMonths);
      facts[at + F_OWN_LAST] = own.last;
    }
    facts[at + F_FLAGS] = flags;
    facts[at + F_EFF_VALUE] = Math.max(eff.months, eff.statedMonths);
    facts[at + F_EFF_LAST] = eff.last;
    facts[at + F_EFF_FACTOR] = eff.factor;
    let i = homeSlot(n, bits);
    while (table[i * 2] !== -1) i = (i + 1) & mask;
    table[i * 2] = n;
    table[i * 2 + 1] = at;
    shown[n >>> 5]! |= 1 << (n & 31);
    run++;
  }
  let monthsFor: Float64Array | null = null;
  if (parts.monthsFor.size) {
    // NaN: a function the map does not hold.
    monthsFor = new Float64Array(tax.occupations.functions.length).fill(NaN);
    for (const [id, m] of parts.monthsFor) {
      const f = tax.occupations.index.get(id);
      if (f !== undefined) monthsFor[f] = m;
    }
  }
  return {
    shows: shown,
    table,
    bits,
    facts,
    dated: profile.positions.length > 0,
    asOf: parts.asOf,
    lastWorked: parts.lastWorked,
    totalMonths: profile.experience.totalMonths,
    stated: profile.experience.source === 'stated',
    leadershipMonths: profile.leadership.months,
    monthsFor,
    degreeRank: Int32Array.from(parts.degrees, (d) => d.rank),
    degreeField: parts.degrees.map((d) => d.field?.toLowerCase() ?? null),
    languageCode: profile.languages.map((l) => l.code),
    languageLevel: Int32Array.from(profile.languages, (l) => levelRank(l.level)),
    certificationIds: profile.certifications.map((c) => c.id),
    leadershipKinds: [...new Set(profile.leadership.evidence.flatMap((e) => e.kinds))],
    askCredits: { weights: null, numbering: null, byId: new Float64Array(0) },
  };
}
