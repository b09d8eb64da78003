// Ranking many roles for one candidate in two stages, exactly.
//
// Stage one reads an inverted index from skill numbers to the places roles use them (requirement
// items and the role's concept vector). From the candidate's skills alone it gives every role an
// upper bound on the score the full scorer could give: a skill item can earn at most 1 when the
// candidate shows the skill or a more specific one, at most `relatedCredit` through a related
// skill, and nothing otherwise; every other requirement is assumed met. Stage two walks roles by
// falling bound, scores them with the full scorer, and stops once the bound of the next role is
// below the k-th best score. The result is the same top-k as scoring every role (a property test
// checks this against a brute-force scan), at the cost of scoring only the roles that could win.

import type { ScoringWeights } from '../domain/match.ts';
import type { RequirementKind } from '../domain/posting.ts';
import type { Taxonomy } from '../taxonomy/taxonomy.ts';
import type { Candidate } from '../scoring/candidate.ts';
import { quickScore, type Role } from '../scoring/score.ts';

/** Columns a query can filter on without reading the role. */
export interface RoleMeta {
  country: string | null;
  city: string | null;
  workMode: string | null;
  employmentType: string | null;
}

export interface RankFilter {
  country?: string;
  city?: string;
  workMode?: string;
  employmentType?: string;
}

export interface RankOptions {
  k: number;
  weights: ScoringWeights;
  filter?: RankFilter;
  /** Leave out roles scoring below this. */
  minScore?: number;
  /** Leave out roles whose must-haves the candidate fails. */
  passingOnly?: boolean;
}

export interface Ranked {
  id: string;
  score: number;
  passed: boolean;
}

export interface RankStats {
  /** Live roles in the index. */
  roles: number;
  /** Roles the full scorer read. */
  scored: number;
}

const KINDS: RequirementKind[] = ['skill', 'experience', 'education', 'language', 'leadership', 'certification', 'other'];
/** Credit rounding (3 places per line) and score rounding (1 place) can lift a score this much. */
const ROUNDING = 0.11;

interface Entry {
  id: string;
  role: Role;
  meta: RoleMeta;
  /** Lines of each kind, [required, preferred] pairs in KINDS order: the static part of the bound. */
  kindCounts: Int32Array;
}

/** The part of every bound that depends only on the weights, cached until the next write. */
interface StaticPart {
  key: string;
  version: number;
  skillW: Float64Array;
  otherW: Float64Array;
  /** Bound of a role the candidate touches nowhere. */
  bound: Float64Array;
  /** Live slots by falling static bound. */
  order: Int32Array;
}

/** Roles compiled for ranking, with the inverted index; one per service process. */
export class RoleIndex {
  private readonly tax: Taxonomy;
  private entries: Array<Entry | null> = [];
  private readonly slotOf = new Map<string, number>();
  /** Skill number -> skill items (an OR-group is one item, each AND member one) that name it. */
  private itemsOf = new Map<number, number[]>();
  /** Skill number -> slots whose concept vector holds it. */
  private conceptsOf = new Map<number, number[]>();
  /** Per item: its line. Per line: slot, number of items, weight kind, required. */
  private itemLine: number[] = [];
  private lineSlot: number[] = [];
  private lineItems: number[] = [];
  private lineKind: number[] = [];
  private lineRequired: boolean[] = [];
  /** Skill number -> skills that list it as related (the reverse of `related`). */
  private readonly relatedBy = new Map<number, number[]>();
  private dead = 0;
  private version = 0;
  private cache: StaticPart | null = null;

  constructor(tax: Taxonomy) {
    this.tax = tax;
    for (const s of tax.skills) {
      for (const r of s.related) push(this.relatedBy, r, s.n);
    }
  }

  get size(): number {
    return this.slotOf.size;
  }

  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  role(id: string): Role | undefined {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : this.entries[slot]!.role;
  }

  ids(): IterableIterator<string> {
    return this.slotOf.keys();
  }

  /** Adds or replaces a role. */
  put(id: string, role: Role, meta: RoleMeta): void {
    this.remove(id);
    const slot = this.entries.length;
    const kindCounts = new Int32Array(KINDS.length * 2);
    for (const { requirement, any, all } of role.reqs) {
      const kind = KINDS.indexOf(requirement.kind);
      kindCounts[kind * 2 + (requirement.required ? 0 : 1)]!++;
      if (requirement.kind !== 'skill') continue;
      const line = this.lineSlot.length;
      this.lineSlot.push(slot);
      this.lineKind.push(kind);
      this.lineRequired.push(requirement.required);
      this.lineItems.push((any.length ? 1 : 0) + all.length);
      if (any.length) {
        const item = this.itemLine.push(line) - 1;
        for (const a of any) push(this.itemsOf, a.n, item);
      }
      for (const a of all) push(this.itemsOf, a.n, this.itemLine.push(line) - 1);
    }
    for (const n of role.concepts.weights.keys()) push(this.conceptsOf, n, slot);
    this.entries.push({ id, role, meta: normalizeMeta(meta), kindCounts });
    this.slotOf.set(id, slot);
    this.version++;
  }

  remove(id: string): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    this.entries[slot] = null;
    this.slotOf.delete(id);
    this.version++;
    // Items of dead slots are skipped when read and dropped when they pile up.
    if (++this.dead > 1000 && this.dead > this.slotOf.size) this.compact();
    return true;
  }

  private compact(): void {
    const live = this.entries.filter((e): e is Entry => e !== null);
    this.entries = [];
    this.slotOf.clear();
    this.itemsOf = new Map();
    this.conceptsOf = new Map();
    this.itemLine = [];
    this.lineSlot = [];
    this.lineItems = [];
    this.lineKind = [];
    this.lineRequired = [];
    this.dead = 0;
    for (const e of live) this.put(e.id, e.role, e.meta);
  }

  /** The best k roles for the candidate, best first (ties by id), and what it cost. */
  rank(candidate: Candidate, opts: RankOptions): { results: Ranked[]; stats: RankStats } {
    const { weights } = opts;
    const st = this.staticPart(weights);
    const { touched, bound } = this.touchedBounds(candidate, weights, st);
    // Touched roles by their own bound, merged with untouched roles by the static bound.
    const order = Int32Array.from(touched).sort((a, b) => bound[b]! - bound[a]! || a - b);
    const isTouched = new Uint8Array(this.entries.length);
    for (const slot of touched) isTouched[slot] = 1;
    const filter = opts.filter ? normalizeMeta({ country: null, city: null, workMode: null, employmentType: null, ...opts.filter }) : null;
    const floor = opts.minScore ?? 0;
    const top: Ranked[] = [];
    let scored = 0;
    let i = 0;
    let j = 0;
    for (;;) {
      while (j < st.order.length && isTouched[st.order[j]!]) j++;
      const a = i < order.length ? order[i]! : -1;
      const b = j < st.order.length ? st.order[j]! : -1;
      if (a < 0 && b < 0) break;
      const takeA = a >= 0 && (b < 0 || bound[a]! >= st.bound[b]!);
      const slot = takeA ? a : b;
      const limit = (takeA ? bound[a]! : st.bound[b]!) + ROUNDING;
      if (takeA) i++;
      else j++;
      if (limit < floor) break;
      if (top.length === opts.k && limit < top[top.length - 1]!.score) break;
      const e = this.entries[slot]!;
      if (filter && !metaMatches(e.meta, filter)) continue;
      const q = quickScore(this.tax, weights, candidate, e.role);
      scored++;
      if (q.score < floor || (opts.passingOnly && !q.passed)) continue;
      insertRanked(top, { id: e.id, score: q.score, passed: q.passed }, opts.k);
    }
    return { results: top, stats: { roles: this.size, scored } };
  }

  /** Per-slot weight sums and the bound of untouched roles, for these weights. */
  private staticPart(w: ScoringWeights): StaticPart {
    const key = JSON.stringify([w.kinds, w.preferredFactor, w.similarityWeight, w.gateCap, w.gateCapStep]);
    if (this.cache && this.cache.key === key && this.cache.version === this.version) return this.cache;
    const size = this.entries.length;
    const skillW = new Float64Array(size);
    const otherW = new Float64Array(size);
    const bound = new Float64Array(size);
    const live: number[] = [];
    const kindWeight = KINDS.map((k) => (k === 'other' ? 0 : w.kinds[k] ?? 1));
    for (let slot = 0; slot < size; slot++) {
      const e = this.entries[slot];
      if (!e) continue;
      live.push(slot);
      for (let k = 0; k < KINDS.length; k++) {
        const lw = e.kindCounts[k * 2]! * kindWeight[k]! + e.kindCounts[k * 2 + 1]! * kindWeight[k]! * w.preferredFactor;
        if (k === 0) skillW[slot] = lw;
        else otherW[slot] = otherW[slot]! + lw;
      }
      // Untouched: no skill credit, no similarity, and every must-have skill line fails its gate.
      bound[slot] = skillW[slot]! > 0
        ? 100 * (1 - w.similarityWeight) * (otherW[slot]! / (skillW[slot]! + otherW[slot]!)) * gateFactor(w, e.kindCounts[0]!)
        : 100 * (1 - w.similarityWeight);
    }
    const order = Int32Array.from(live).sort((a, b) => bound[b]! - bound[a]! || a - b);
    this.cache = { key, version: this.version, skillW, otherW, bound, order };
    return this.cache;
  }

  /** Slots the candidate's skills reach, with their bounds (indexed by slot). */
  private touchedBounds(candidate: Candidate, w: ScoringWeights, st: StaticPart): { touched: number[]; bound: Float64Array } {
    const nSlots = this.entries.length;
    const nLines = this.lineSlot.length;
    // Dense per-query scratch: typed arrays beat maps by a wide margin at 10^5 roles.
    const itemBest = new Float32Array(this.itemLine.length);
    const items: number[] = [];
    const visit = (n: number, credit: number): void => {
      for (const item of this.itemsOf.get(n) ?? []) {
        if (itemBest[item] === 0) items.push(item);
        if (itemBest[item]! < credit) itemBest[item] = credit;
      }
    };
    const skills = [...candidate.effective.keys()];
    for (const n of skills) visit(n, 1);
    const related = Math.min(1, w.relatedCredit);
    if (related > 0) for (const r of skills) for (const n of this.relatedBy.get(r) ?? []) if (!candidate.effective.has(n)) visit(n, related);
    const lineCredit = new Float64Array(nLines);
    const lines: number[] = [];
    for (const item of items) {
      const line = this.itemLine[item]!;
      if (lineCredit[line] === 0) lines.push(line);
      lineCredit[line]! += itemBest[item]! / this.lineItems[line]!;
    }
    const points = new Float64Array(nSlots);
    const reached = new Int32Array(nSlots);
    const sim = new Float64Array(nSlots);
    const isTouched = new Uint8Array(nSlots);
    const touched: number[] = [];
    const touch = (slot: number): void => {
      if (isTouched[slot] || !this.entries[slot]) return;
      isTouched[slot] = 1;
      touched.push(slot);
    };
    const kindWeight = KINDS.map((k) => w.kinds[k] ?? 1);
    for (const line of lines) {
      const slot = this.lineSlot[line]!;
      const credit = lineCredit[line]!;
      const required = this.lineRequired[line]!;
      points[slot]! += kindWeight[this.lineKind[line]!]! * (required ? 1 : w.preferredFactor) * credit;
      // Line credits are rounded to three places before the gate check.
      if (required && credit + 0.0005 >= w.gateThreshold) reached[slot]!++;
      touch(slot);
    }
    for (const n of skills) {
      const list = this.conceptsOf.get(n);
      if (!list) continue;
      for (const slot of list) {
        const e = this.entries[slot];
        if (!e) continue;
        sim[slot]! += e.role.concepts.weights.get(n)! / e.role.concepts.total;
        touch(slot);
      }
    }
    const bound = new Float64Array(nSlots);
    const sw = w.similarityWeight;
    for (const slot of touched) {
      const e = this.entries[slot]!;
      const skillW = st.skillW[slot]!;
      const otherW = st.otherW[slot]!;
      // With no skill line, every other line could be unknown and the base falls back to similarity.
      const base = skillW > 0 ? (points[slot]! + otherW) / (skillW + otherW) : 1;
      // Must-have skill lines that cannot reach the gate fail for sure: the score is capped.
      bound[slot] = 100 * ((1 - sw) * base + sw * Math.min(1, sim[slot]! + 1e-9)) * gateFactor(w, e.kindCounts[0]! - reached[slot]!);
    }
    return { touched, bound };
  }
}

function push(map: Map<number, number[]>, key: number, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The gate scaling of total(): more failed must-haves never raise it. */
function gateFactor(w: ScoringWeights, failed: number): number {
  return failed > 0 ? Math.max(5, w.gateCap - (failed - 1) * w.gateCapStep) / 100 : 1;
}

function normalizeMeta(m: RoleMeta): RoleMeta {
  return {
    country: m.country?.toUpperCase() ?? null,
    city: m.city?.toLowerCase() ?? null,
    workMode: m.workMode?.toLowerCase() ?? null,
    employmentType: m.employmentType?.toLowerCase() ?? null,
  };
}

function metaMatches(m: RoleMeta, f: RoleMeta): boolean {
  return (f.country === null || m.country === f.country)
    && (f.city === null || m.city === f.city)
    && (f.workMode === null || m.workMode === f.workMode)
    && (f.employmentType === null || m.employmentType === f.employmentType);
}

/** Best first, ties by id; keeps at most k. */
export function compareRanked(a: Ranked, b: Ranked): number {
  return b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function insertRanked(top: Ranked[], r: Ranked, k: number): void {
  if (top.length === k && compareRanked(r, top[k - 1]!) >= 0) return;
  let i = top.length;
  while (i > 0 && compareRanked(r, top[i - 1]!) < 0) i--;
  top.splice(i, 0, r);
  if (top.length > k) top.pop();
}
