// All-pairs output written straight into bytes. A 2,000 × 2,000 run writes 4 million lines;
// built as strings, joined and then encoded, they cost a batch thread more than scoring them
// did. Here each posting's part of a line is encoded once per run, each résumé's once, and a
// line is three copies and a score's digits. The bytes equal formatResult's (a test holds them
// equal, CSV quoting included: the fields are quoted by csv-stringify itself).

import { stringify } from 'csv-stringify/sync';
import type { PairScore } from '../app/index.ts';
import type { BatchFormat } from './format.ts';

interface LineParts {
  /** Before the posting: the résumé's part. */
  head(resumeId: string): string;
  /** The posting's part, up to the score. */
  posting(postingId: string): string;
  /** After the score: whether the gates passed, and (CSV) the failed gates' ids. */
  tail(passed: boolean, failed: string): string;
}

/** One CSV field as csv-stringify writes it (quoted when it must be). */
const csvField = (value: string): string => stringify([[value]]).slice(0, -1);

const PARTS: Record<'ndjson' | 'csv', LineParts> = {
  ndjson: {
    head: (id) => `{"resumeId":${JSON.stringify(id)}`,
    posting: (id) => `,"postingId":${JSON.stringify(id)},"score":`,
    tail: (passed) => `,"passed":${passed}}\n`,
  },
  csv: {
    head: (id) => `${csvField(id)},`,
    posting: (id) => `${csvField(id)},`,
    tail: (passed, failed) => `,${passed},${failed ? csvField(failed) : ''},,\n`,
  },
};

/** Room for a score's text: the longest String() of a number (a score is at most "99.9"). */
const SCORE_BYTES = 24;
const ZERO = 48;
const DOT = 46;

export class PairLines {
  private readonly parts: LineParts;
  private readonly postings = new Map<string, Buffer>();
  private readonly passed: Buffer;
  private readonly failed: Buffer;
  /** Tails naming failed gates, by the ids joined: a posting's failing gates repeat from résumé to résumé. */
  private readonly failedTails = new Map<string, Buffer>();
  private longest = 0;

  constructor(format: 'ndjson' | 'csv', postingIds: Iterable<string>) {
    this.parts = PARTS[format];
    for (const id of postingIds) this.postingPart(id);
    this.passed = Buffer.from(this.parts.tail(true, ''));
    this.failed = Buffer.from(this.parts.tail(false, ''));
  }

  static supports(format: BatchFormat): format is 'ndjson' | 'csv' {
    return format === 'ndjson' || format === 'csv';
  }

  private postingPart(id: string): Buffer {
    let b = this.postings.get(id);
    if (!b) {
      b = Buffer.from(this.parts.posting(id));
      this.postings.set(id, b);
      if (b.length > this.longest) this.longest = b.length;
    }
    return b;
  }

  private tailOf(p: PairScore): Buffer {
    if (p.passed) return this.passed;
    if (!p.failed?.length) return this.failed;
    const key = p.failed.join(' ');
    let b = this.failedTails.get(key);
    if (!b) {
      // (An NDJSON line does not name them: its tail is the plain one.)
      b = Buffer.from(this.parts.tail(false, key));
      this.failedTails.set(key, b);
    }
    return b;
  }

  /** A résumé's pairs as lines, in a buffer of its own (so a thread can hand it over without a copy). */
  encode(resumeId: string, pairs: PairScore[]): Uint8Array {
    const head = Buffer.from(this.parts.head(resumeId));
    const room = (): number => head.length + this.longest + SCORE_BYTES + this.failed.length;
    let out = Buffer.allocUnsafeSlow(room() * pairs.length);
    let n = 0;
    for (let i = 0; i < pairs.length; i++) {
      const p = pairs[i]!;
      // A posting the run was not started with (none in a batch) may be longer than any before,
      // and a tail naming failed gates longer than the plain one.
      const part = this.postings.get(p.id) ?? this.postingPart(p.id);
      const tail = this.tailOf(p);
      const need = n + head.length + part.length + SCORE_BYTES + tail.length + room() * (pairs.length - i - 1);
      if (need > out.length) {
        const grown = Buffer.allocUnsafeSlow(Math.max(need, out.length * 2));
        out.copy(grown, 0, 0, n);
        out = grown;
      }
      n = put(out, n, head);
      n = put(out, n, part);
      n = writeScore(out, n, p.score);
      n = put(out, n, tail);
    }
    return out.subarray(0, n);
  }
}

/** Copies `b` into `out` at `n`: a loop, as the parts are a few dozen bytes and TypedArray.set's call costs more. */
function put(out: Buffer, n: number, b: Buffer): number {
  for (let i = 0; i < b.length; i++) out[n + i] = b[i]!;
  return n + b.length;
}

/** A score as String() writes it: scores are rounded to tenths in 0–100 (blend.ts), anything else is written by String(). */
function writeScore(out: Buffer, n: number, score: number): number {
  const tenths = Math.round(score * 10);
  if (tenths / 10 !== score || tenths < 0 || tenths > 1000) return n + out.write(String(score), n, 'latin1');
  const whole = (tenths / 10) | 0;
  if (whole >= 100) out[n++] = ZERO + ((whole / 100) | 0);
  if (whole >= 10) out[n++] = ZERO + (((whole / 10) | 0) % 10);
  out[n++] = ZERO + (whole % 10);
  const tenth = tenths % 10;
  if (tenth !== 0) {
    out[n++] = DOT;
    out[n++] = ZERO + tenth;
  }
  return n;
}
