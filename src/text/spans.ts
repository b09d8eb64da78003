// Span arithmetic shared by the document readers. Documents are untrusted and may be huge, so
// lookups over many spans go through SpanIndex (binary search) rather than a scan per query.

import type { Span } from '../domain/types.ts';

/** Whether `s` lies wholly inside one of `spans` (a scan: for a handful of spans). */
export function insideAny(s: Span, spans: readonly Span[]): boolean {
  return spans.some((x) => s.start >= x.start && s.end <= x.end);
}

/** The first index in `sorted` (ascending) whose value is >= `x`. */
function lowerBound(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index of `sorted` (by start) whose span starts at or after `pos`. */
export function firstStartingAt(sorted: readonly Span[], pos: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The spans of `sorted` (by start) that lie wholly inside `span`, found by binary search. */
export function spansWithin<T extends Span>(sorted: readonly T[], span: Span): T[] {
  const out: T[] = [];
  for (let i = firstStartingAt(sorted, span.start); i < sorted.length && sorted[i]!.start < span.end; i++) if (sorted[i]!.end <= span.end) out.push(sorted[i]!);
  return out;
}

/**
 * The first index of `spans` (sorted, not overlapping, e.g. lines) whose span ends after `pos`:
 * where a walk over the spans that reach past `pos` starts.
 */
export function firstEndingAfter(spans: readonly Span[], pos: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Spans (in any order, overlapping or not) prepared for "which of them contain / overlap this
 * span" in O(log n): sorted by start, with the running maximum of their ends.
 */
export class SpanIndex {
  private readonly order: Int32Array; // indexes into the given spans, by start
  private readonly starts: Float64Array;
  private readonly ends: Float64Array;
  private readonly maxEnd: Float64Array; // max end over order[0..i]

  constructor(spans: readonly Span[]) {
    // Plain loops: TypedArray.from walks iterators, which costs more than the sort on short lists.
    const n = spans.length;
    const order = new Int32Array(n);
    let sorted = true;
    for (let i = 0; i < n; i++) {
      order[i] = i;
      if (i > 0 && spans[i]!.start < spans[i - 1]!.start) sorted = false;
    }
    if (!sorted) order.sort((a, b) => spans[a]!.start - spans[b]!.start || a - b);
    this.order = order;
    this.starts = new Float64Array(n);
    this.ends = new Float64Array(n);
    this.maxEnd = new Float64Array(n);
    let m = -Infinity;
    for (let i = 0; i < n; i++) {
      const sp = spans[order[i]!]!;
      this.starts[i] = sp.start;
      this.ends[i] = sp.end;
      m = Math.max(m, sp.end);
      this.maxEnd[i] = m;
    }
  }

  get size(): number {
    return this.order.length;
  }

  /** Whether `s` lies wholly inside one of the spans (the same answer as insideAny). */
  covers(s: Span): boolean {
    const i = lowerBound(this.starts, s.start + 1) - 1; // the last span starting at or before s
    return i >= 0 && this.maxEnd[i]! >= s.end;
  }

  /** Whether `s` overlaps one of the spans (shares at least one character with it). */
  overlaps(s: Span): boolean {
    const i = lowerBound(this.starts, s.end) - 1; // the last span starting before s ends
    return i >= 0 && this.maxEnd[i]! > s.start;
  }

  /**
   * Indexes (into the array given to the constructor) of the spans that contain `s`, in no set
   * order. Fast when the spans barely overlap (positions, sections); a walk back otherwise.
   */
  containing(s: Span): number[] {
    const out: number[] = [];
    for (let i = lowerBound(this.starts, s.start + 1) - 1; i >= 0 && this.maxEnd[i]! >= s.end; i--) {
      if (this.ends[i]! >= s.end) out.push(this.order[i]!);
    }
    return out;
  }
}
