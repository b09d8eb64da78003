// Ranking many roles for one candidate in two stages, exactly.
//
// Stage one reads an inverted index from skill numbers to the places roles use them (requirement
// items and the role's concept vector). From the candidate alone it gives every role an upper
// bound on the score the full scorer could give. How each requirement is bounded is its kind's
// business (scoring/kinds.ts: each kind's plan and bound functions sit beside its scorer): lines
// bounded through skill items (skill lines, experience scoped to skills) read the candidate's
// evidence through the inverted index; lines bounded by a class (education, experience without
// skills, leadership) are bounded once per query per class; the rest are assumed met. Must-haves
// that cannot reach the gate cap the bound as failed gates cap the score. This file only adds
// bounds up; it knows none of a scorer's arithmetic. Stage two walks roles by falling bound,
// scores them with the full scorer, and stops once the bound of the next role is below the k-th
// best score. The result is the same top-k as scoring every role (a property test checks this
// against a brute-force scan), at the cost of scoring only the roles that could win.

import { filterValue, type PostingFilter } from '../domain/filter.ts';
import type { ScoringWeights } from '../domain/match.ts';
import type { Taxonomy } from '../taxonomy/taxonomy.ts';
import type { Candidate } from '../scoring/candidate.ts';
import type { CapSource } from '../scoring/common.ts';
import { capMonths } from '../scoring/experience.ts';
import { KIND_ORDER, KINDS } from '../scoring/kinds.ts';
import { relevanceFactor, relevanceValue, roleRelevance } from '../scoring/relevance.ts';
import { blendScore, gateFactor, quickScore, type Role } from '../scoring/score.ts';
import { itemBound, reachableSkills } from '../scoring/skills.ts';

/** Columns a query can filter on without reading the role. */
export interface RoleMeta {
  country: string | null;
  city: string | null;
  workMode: string | null;
  employmentType: string | null;
}

export type RankFilter = PostingFilter;

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

const RULES = KIND_ORDER.map((k) => KINDS[k]);
const CAPS: readonly CapSource[] = ['none', 'total', 'leadership'];
/** Credit rounding (3 places per line) and score rounding (1 place) can lift a score this much. */
const ROUNDING = 0.11;

interface Entry {
  id: string;
  role: Role;
  meta: RoleMeta;
  /** Lines that weigh (all but those never checked), [required, preferred] pairs in KIND_ORDER: the static part of the bound. */
  kindCounts: Int32Array;
  /** The same for lines bounded through skill items (skill lines, skill-scoped experience). */
  itemCounts: Int32Array;
  /** Must-have lines that may weigh: the most must-haves the gates can count. */
  mustLines: number;
  /** Lines that always weigh (bounded through items or by class): with one, the score has a base. */
  knownLines: number;
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
  /** Must-have lines bounded through skill items, per slot. */
  mustItemLines: Int32Array;
  /** Must-have lines that may weigh, per slot. */
  mustLines: Int32Array;
  /** Lines that always weigh, per slot. */
  knownLines: Int32Array;
}

interface Scratch {
  itemBest: Float32Array;
  lineCredit: Float64Array;
  points: Float64Array;
  reached: Int32Array;
  sim: Float64Array;
  isTouched: Uint8Array;
  bound: Float64Array;
  /** Slots whose per-slot cells the last query set. */
  clean: number[];
}

/** Roles compiled for ranking, with the inverted index; one per service process. */
export class RoleIndex {
  private readonly tax: Taxonomy;
  private entries: Array<Entry | null> = [];
  private readonly slotOf = new Map<string, number>();
  /**
   * Skill number -> the skill items naming it (an OR-group is one item, each AND member one), as
   * [item, months asked, item, months asked, ...]: what the first pass reads, side by side.
   */
  private itemsOf = new Map<number, number[]>();
  /** Skill number -> [slot, share of that role's concept weight, slot, share, ...]. */
  private conceptsOf = new Map<number, number[]>();
  /** Per item: its line. */
  private itemLine = new Column(Int32Array);
  /**
   * Per line, LINE_FIELDS numbers side by side (one cache line, not seven arrays): slot, number of
   * items, weight kind, required (1/0), a cap from total (1) or leadership (2) months for
   * experience lines scoped to skills, the months that cap asks, and a cluster's minShare (0 for
   * other lines: their credit is the mean of their items).
   */
  private lines = new Column(Float64Array);
  /**
   * Dense per-slot columns, so the per-query loops over thousands of roles never chase a
   * pointer into a role object: alive (1/0), and the role's lines bounded by class as a run of
   * codes (class * 2 + required) in `classCodes`.
   */
  private alive: number[] = [];
  /** The role's function (role relevance), -1 when unknown. */
  private fn: number[] = [];
  private classFirst: number[] = [];
  private classCount: number[] = [];
  private classCodes: number[] = [];
  /** Classes (a kind and its plan's key) -> number; per class its kind's rule and key. */
  private readonly classOf = new Map<string, number>();
  private readonly classes: Array<{ kind: number; key: string }> = [];
  /**
   * Per-query scratch, reused (queries run one at a time on this thread) and cleaned after each
   * query over just the entries it touched: allocating it afresh cost more in GC than the work.
   */
  private scratch: Scratch | null = null;
  private dead = 0;
  private version = 0;
  private cache: StaticPart | null = null;

  constructor(tax: Taxonomy) {
    this.tax = tax;
  }

  get size(): number {
    return this.slotOf.size;
  }

  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  /** Which roles pass a filter (what rank() applies), the filter read once for every role asked. */
  matcher(filter: RankFilter): (id: string) => boolean {
    const f = filterMeta(filter);
    return (id) => {
      const slot = this.slotOf.get(id);
      const e = slot === undefined ? null : this.entries[slot];
      return !!e && metaMatches(e.meta, f);
    };
  }

  role(id: string): Role | undefined {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : this.entries[slot]!.role;
  }

  /** Adds or replaces a role. */
  put(id: string, role: Role, meta: RoleMeta): void {
    this.remove(id);
    const slot = this.entries.length;
    const kindCounts = new Int32Array(KIND_ORDER.length * 2);
    const itemCounts = new Int32Array(KIND_ORDER.length * 2);
    let mustLines = 0;
    let knownLines = 0;
    this.classFirst.push(this.classCodes.length);
    for (const { requirement: r, any, all } of role.reqs) {
      const kind = KIND_ORDER.indexOf(r.kind);
      const plan = RULES[kind]!.plan(r, any, all, this.tax);
      if (plan.via === 'unknown') continue;
      const cell = kind * 2 + (r.required ? 0 : 1);
      kindCounts[cell]!++;
      if (r.required) mustLines++;
      if (plan.via === 'class') {
        knownLines++;
        this.classCodes.push(this.classId(kind, plan.key) * 2 + (r.required ? 1 : 0));
        continue;
      }
      if (plan.via !== 'items') continue;
      knownLines++;
      itemCounts[cell]!++;
      const line = this.lines.length / LINE_FIELDS;
      this.lines.push(slot, (any.length ? 1 : 0) + all.length, kind, r.required ? 1 : 0, CAPS.indexOf(plan.cap), plan.capNeed, plan.minShare);
      if (any.length) {
        const item = this.itemLine.push(line);
        for (const a of any) push(this.itemsOf, a.n, item, plan.need);
      }
      for (const a of all) push(this.itemsOf, a.n, this.itemLine.push(line), plan.need);
    }
    for (const [n, weight] of role.concepts.weights) {
      const list = this.conceptsOf.get(n);
      if (list) list.push(slot, weight / role.concepts.total);
      else this.conceptsOf.set(n, [slot, weight / role.concepts.total]);
    }
    this.classCount.push(this.classCodes.length - this.classFirst[slot]!);
    this.fn.push(role.fn);
    this.alive.push(1);
    this.entries.push({ id, role, meta: normalizeMeta(meta), kindCounts, itemCounts, mustLines, knownLines });
    this.slotOf.set(id, slot);
    this.version++;
  }

  remove(id: string): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    this.entries[slot] = null;
    this.alive[slot] = 0;
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
    this.itemLine = new Column(Int32Array);
    this.lines = new Column(Float64Array);
    this.alive = [];
    this.fn = [];
    this.classFirst = [];
    this.classCount = [];
    this.classCodes = [];
    this.dead = 0;
    for (const e of live) this.put(e.id, e.role, e.meta);
  }

  /** The best k roles for the candidate, best first (ties by id), and what it cost. */
  rank(candidate: Candidate, opts: RankOptions): { results: Ranked[]; stats: RankStats } {
    const { weights } = opts;
    if (opts.k < 1 || this.size === 0) return { results: [], stats: { roles: this.size, scored: 0 } };
    const st = this.staticPart(weights);
    const { touched, bound, isTouched } = this.touchedBounds(candidate, weights, st);
    // Touched roles by their own bound (a heap: only the first few hundred are ever taken),
    // merged with untouched roles by the static bound.
    const heap = new BoundHeap(touched, bound);
    const filter = opts.filter ? filterMeta(opts.filter) : null;
    const floor = opts.minScore ?? 0;
    const top: Ranked[] = [];
    let scored = 0;
    let j = 0;
    for (;;) {
      while (j < st.order.length && isTouched[st.order[j]!]) j++;
      const a = heap.peek();
      const b = j < st.order.length ? st.order[j]! : -1;
      if (a < 0 && b < 0) break;
      const takeA = a >= 0 && (b < 0 || bound[a]! >= st.bound[b]!);
      const slot = takeA ? a : b;
      const limit = (takeA ? bound[a]! : st.bound[b]!) + ROUNDING;
      if (takeA) heap.pop();
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
    // Every weight, so a weight a bound reads can never be left out of the key.
    const key = JSON.stringify(w);
    if (this.cache && this.cache.key === key && this.cache.version === this.version) return this.cache;
    const size = this.entries.length;
    const skillW = new Float64Array(size);
    const otherW = new Float64Array(size);
    const bound = new Float64Array(size);
    const mustItemLines = new Int32Array(size);
    const mustLines = new Int32Array(size);
    const knownLines = new Int32Array(size);
    const live: number[] = [];
    const kindWeight = KIND_ORDER.map((k) => w.kinds[k] ?? 1);
    for (let slot = 0; slot < size; slot++) {
      const e = this.entries[slot];
      if (!e) continue;
      live.push(slot);
      let mustItems = 0;
      for (let k = 0; k < KIND_ORDER.length; k++) {
        const items = e.itemCounts[k * 2]! * kindWeight[k]! + e.itemCounts[k * 2 + 1]! * kindWeight[k]! * w.preferredFactor;
        const all = e.kindCounts[k * 2]! * kindWeight[k]! + e.kindCounts[k * 2 + 1]! * kindWeight[k]! * w.preferredFactor;
        skillW[slot]! += items;
        otherW[slot]! += all - items;
        mustItems += e.itemCounts[k * 2]!;
      }
      // Untouched: no skill credit, no similarity, and every must-have item line fails its gate;
      // role relevance is taken as full.
      bound[slot] = skillW[slot]! > 0
        ? scoreBound(w, otherW[slot]! / (skillW[slot]! + otherW[slot]!), 0, 1, 1, gateFactor(w, mustItems, e.mustLines))
        : scoreBound(w, 1, 0, 1, 1, 1);
      mustItemLines[slot] = mustItems;
      mustLines[slot] = e.mustLines;
      knownLines[slot] = e.knownLines;
    }
    const order = Int32Array.from(live).sort((a, b) => bound[b]! - bound[a]! || a - b);
    this.cache = { key, version: this.version, skillW, otherW, bound, order, mustItemLines, mustLines, knownLines };
    return this.cache;
  }

  /** Slots the candidate's skills reach, with their bounds (indexed by slot). */
  private touchedBounds(candidate: Candidate, w: ScoringWeights, st: StaticPart): { touched: number[]; bound: Float64Array; isTouched: Uint8Array } {
    const nSlots = this.entries.length;
    // Dense per-query scratch: typed arrays beat maps by a wide margin at 10^5 roles.
    const { alive } = this;
    const itemLine = this.itemLine.data;
    const L = this.lines.data;
    const sc = this.scratchFor(this.itemLine.length, this.lines.length / LINE_FIELDS, nSlots);
    const { itemBest, lineCredit, points, reached, sim, isTouched, bound } = sc;
    const items: number[] = [];
    // Each item: the most the candidate's evidence can earn for it (skills.ts, itemBound).
    reachableSkills(this.tax, candidate, w, (n, credit, months) => {
      const list = this.itemsOf.get(n);
      if (!list) return;
      for (let x = 0; x < list.length; x += 2) {
        const item = list[x]!;
        const c = itemBound(w, credit, months, list[x + 1]!);
        const had = itemBest[item]!;
        if (had < c) {
          if (had === 0) items.push(item);
          itemBest[item] = c;
        }
      }
    });
    const lines: number[] = [];
    for (let x = 0; x < items.length; x++) {
      const item = items[x]!;
      const line = itemLine[item]!;
      if (lineCredit[line] === 0) lines.push(line);
      lineCredit[line]! += itemBest[item]! / L[line * LINE_FIELDS + 1]!;
    }
    const capHave = CAPS.map((cap) => capMonths(candidate, cap));
    const touched: number[] = [];
    const lineWeight = KIND_ORDER.map((k) => w.kinds[k] ?? 1);
    const preferred = w.preferredFactor;
    // Line credits are rounded to three places before the gate check.
    const gate = w.gateThreshold - 0.0005;
    for (let x = 0; x < lines.length; x++) {
      const line = lines[x]!;
      const at = line * LINE_FIELDS;
      const slot = L[at]!;
      const kind = L[at + 2]!;
      // The kind's bound of the line from the bound of its items' mean (monotone in the mean).
      const credit = RULES[kind]!.lineBound(w, lineCredit[line]!, L[at + 6]!, capHave[L[at + 4]!]!, L[at + 5]!);
      const required = L[at + 3] === 1;
      points[slot]! += lineWeight[kind]! * (required ? 1 : preferred) * credit;
      if (required && credit >= gate) reached[slot]!++;
      if (isTouched[slot] === 0 && alive[slot] === 1) { isTouched[slot] = 1; touched.push(slot); }
    }
    for (const [n] of candidate.effective) {
      const list = this.conceptsOf.get(n);
      if (!list) continue;
      for (let x = 0; x < list.length; x += 2) {
        const slot = list[x]!;
        sim[slot]! += list[x + 1]!;
        if (isTouched[slot] === 0 && alive[slot] === 1) { isTouched[slot] = 1; touched.push(slot); }
      }
    }
    const classBound = this.classBounds(candidate, w);
    const relevance = this.relevanceOf(candidate, w);
    const { fn } = this;
    const classWeight = this.classes.map((c) => lineWeight[c.kind]!);
    const { classFirst, classCount, classCodes } = this;
    const { skillW: skillWs, otherW: otherWs, mustItemLines, mustLines, knownLines } = st;
    for (let x = 0; x < touched.length; x++) {
      const slot = touched[x]!;
      const skillW = skillWs[slot]!;
      const otherW = otherWs[slot]!;
      let otherPoints = otherW;
      let failing = mustItemLines[slot]! - reached[slot]!;
      for (let y = classFirst[slot]!, end = y + classCount[slot]!; y < end; y++) {
        const code = classCodes[y]!;
        const id = code >> 1;
        const ub = classBound(id);
        const required = (code & 1) === 1;
        otherPoints -= classWeight[id]! * (required ? 1 : preferred) * (1 - ub);
        if (required && ub < gate) failing++;
      }
      // Without a line that always weighs, every line could be unknown and the base falls back to similarity.
      const base = knownLines[slot]! > 0 ? (points[slot]! + otherPoints) / (skillW + otherW) : 1;
      // Must-have lines that cannot reach the gate fail for sure: the score is capped.
      const f = fn[slot]!;
      bound[slot] = scoreBound(w, base, Math.min(1, sim[slot]! + 1e-9), relevance.value(f), relevance.factor(f), gateFactor(w, failing, mustLines[slot]!));
    }
    // Clean what the next query would otherwise read; `bound` is only ever read where written.
    for (const item of items) itemBest[item] = 0;
    for (const line of lines) lineCredit[line] = 0;
    sc.clean = touched;
    return { touched, bound, isTouched };
  }

  private scratchFor(items: number, lines: number, slots: number): Scratch {
    let sc = this.scratch;
    if (!sc || sc.itemBest.length < items || sc.lineCredit.length < lines || sc.points.length < slots) {
      // Room to grow, so a stream of writes does not reallocate on every query.
      const grow = (n: number): number => Math.ceil(n * 1.25) + 1024;
      sc = {
        itemBest: new Float32Array(grow(items)),
        lineCredit: new Float64Array(grow(lines)),
        points: new Float64Array(grow(slots)),
        reached: new Int32Array(grow(slots)),
        sim: new Float64Array(grow(slots)),
        isTouched: new Uint8Array(grow(slots)),
        bound: new Float64Array(grow(slots)),
        clean: [],
      };
      this.scratch = sc;
    }
    // The slots the previous query touched (it ranked from them after touchedBounds returned).
    for (const slot of sc.clean) {
      sc.points[slot] = 0;
      sc.reached[slot] = 0;
      sc.sim[slot] = 0;
      sc.isTouched[slot] = 0;
    }
    sc.clean = [];
    return sc;
  }

  /** Role relevance of the candidate for a role's function (scoring/relevance.ts), computed once per function per query. */
  private relevanceOf(candidate: Candidate, w: ScoringWeights): { value: (fn: number) => number; factor: (fn: number) => number } {
    const memo = new Map<number, number | null>();
    const rel = (fn: number): number | null => {
      if (!memo.has(fn)) memo.set(fn, roleRelevance(this.tax.occupations, w, candidate.occupation, fn));
      return memo.get(fn)!;
    };
    return { value: (fn) => relevanceValue(w, fn, rel(fn)), factor: (fn) => relevanceFactor(w, fn, rel(fn)) };
  }

  /** The number of a class (a kind and its plan's key), made on first use. */
  private classId(kind: number, key: string): number {
    const name = `${kind}|${key}`;
    let id = this.classOf.get(name);
    if (id === undefined) {
      id = this.classes.length;
      this.classes.push({ kind, key });
      this.classOf.set(name, id);
    }
    return id;
  }

  /** Each class's bound for this candidate (its kind's classBound), computed on first read. */
  private classBounds(candidate: Candidate, w: ScoringWeights): (id: number) => number {
    const memo = new Float64Array(this.classes.length).fill(-1);
    return (id) => {
      let b = memo[id]!;
      if (b < 0) {
        const c = this.classes[id]!;
        b = memo[id] = RULES[c.kind]!.classBound(candidate, w, c.key);
      }
      return b;
    };
  }
}

/** A max-heap of slots by bound (ties: lower slot first), built in linear time. */
class BoundHeap {
  private readonly h: Int32Array;
  private n: number;
  private readonly key: Float64Array;

  constructor(slots: number[], key: Float64Array) {
    this.h = Int32Array.from(slots);
    this.n = slots.length;
    this.key = key;
    for (let i = (this.n >> 1) - 1; i >= 0; i--) this.down(i);
  }

  peek(): number {
    return this.n ? this.h[0]! : -1;
  }

  pop(): void {
    this.h[0] = this.h[--this.n]!;
    this.down(0);
  }

  private above(a: number, b: number): boolean {
    const ka = this.key[a]!;
    const kb = this.key[b]!;
    return ka > kb || (ka === kb && a < b);
  }

  private down(i: number): void {
    const { h, n } = this;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) return;
      const r = l + 1;
      const c = r < n && this.above(h[r]!, h[l]!) ? r : l;
      if (!this.above(h[c]!, h[i]!)) return;
      const t = h[i]!;
      h[i] = h[c]!;
      h[c] = t;
      i = c;
    }
  }
}

function push(map: Map<number, number[]>, key: number, ...values: number[]): void {
  const list = map.get(key);
  if (list) list.push(...values);
  else map.set(key, values);
}

const LINE_FIELDS = 7;

/** A growable typed array: dense numbers for the per-query loops, doubling as it fills. */
class Column<T extends Int32Array | Float64Array> {
  data: T;
  length = 0;
  private readonly make: (n: number) => T;

  constructor(type: { new (n: number): T }) {
    this.make = (n) => new type(n);
    this.data = this.make(1024);
  }

  /** Appends the values; returns the index of the first. */
  push(...values: number[]): number {
    const at = this.length;
    if (at + values.length > this.data.length) {
      const bigger = this.make(Math.max(this.data.length * 2, at + values.length));
      bigger.set(this.data);
      this.data = bigger;
    }
    for (let i = 0; i < values.length; i++) this.data[at + i] = values[i]!;
    this.length += values.length;
    return at;
  }
}

/**
 * The most total() (scoring/score.ts) can make of bounds on its parts: the requirements' base, the
 * similarity, role relevance (its share of the blend and its factor) and the gate factor; text
 * relevance is taken as full. Each part only ever raises the score, so bounds on the parts bound it.
 */
function scoreBound(w: ScoringWeights, base: number, similarity: number, relevance: number, relevanceFactor: number, gate: number): number {
  return blendScore(w, base, similarity, relevance, 1, relevanceFactor, gate);
}

// The one normalisation the store and the routes use too (domain/filter.ts).
function normalizeMeta(m: RoleMeta): RoleMeta {
  return {
    country: filterValue('country', m.country),
    city: filterValue('city', m.city),
    workMode: filterValue('workMode', m.workMode),
    employmentType: filterValue('employmentType', m.employmentType),
  };
}

/** A filter in the form of role metadata, normalized like it; an absent field matches any role. */
function filterMeta(filter: RankFilter): RoleMeta {
  return normalizeMeta({ country: null, city: null, workMode: null, employmentType: null, ...filter });
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
