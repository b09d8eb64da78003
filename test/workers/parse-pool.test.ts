// The parser pool: the same profiles as parsing in-process, coded errors carried across threads,
// and the budgets: a document over its time or memory budget ends its thread (which is replaced)
// with INPUT_TOO_COMPLEX, and a full queue answers SERVER_BUSY. None of these is a timed test: the
// budgets are set far below or far above what the documents need.

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { createEngine } from '../../src/engine.ts';
import { isRolefitError } from '../../src/errors.ts';
import { inProcessParser, ParsePool } from '../../src/workers/parse-pool.ts';
import { textPdf } from '../helpers/documents.ts';

const config = loadConfig({}, {});
const POSTING = readFileSync(new URL('../../data/samples/postings/a01-senior-java-backend.txt', import.meta.url), 'utf8');
const RESUME = readFileSync(new URL('../../data/samples/resumes/r01-java-backend-senior.txt', import.meta.url), 'utf8');
// Several megabytes of real posting text: seconds of parsing and far more than 64 MB of profile work.
const HEAVY = POSTING.repeat(2500);

const codeOf = async (p: Promise<unknown>): Promise<string> => p.then(() => 'resolved', (e: unknown) => (isRolefitError(e) ? e.code : `uncoded: ${String(e)}`));

describe('parse pool', () => {
  let pool: ParsePool;
  beforeAll(async () => {
    pool = await ParsePool.start({ config, size: 2 });
  }, 60_000);
  afterAll(async () => pool.close());

  it('gives the same posting and résumé profiles as parsing in this thread', async () => {
    const local = inProcessParser(createEngine());
    for (const job of [
      { kind: 'posting' as const, source: { raw: POSTING }, what: 'the posting' },
      { kind: 'resume' as const, source: { raw: RESUME }, what: 'the résumé', asOf: '2026-11' },
    ]) {
      expect(await pool.parse(job as never)).toEqual(await local.parse(job as never));
    }
  });

  it('reads a file (PDF bytes) in the thread and reports its format', async () => {
    const pdf = await textPdf(RESUME);
    const r = await pool.parse({ kind: 'resume', source: { bytes: pdf }, what: 'cv.pdf', asOf: { y: 2026, m: 11 } });
    expect(r.fileFormat).toBe('pdf');
    expect(r.profile.positions.length).toBeGreaterThan(0);
    expect(r.raw).toBe(r.text);
  });

  it.each([
    { name: 'empty text', source: { raw: '  \n ' }, code: 'INPUT_EMPTY' },
    { name: 'binary junk', source: { bytes: new Uint8Array([0, 1, 2, 3, 0, 0, 7, 8]) }, code: 'INPUT_NOT_TEXT' },
    { name: 'a broken PDF', source: { bytes: new Uint8Array(Buffer.from('%PDF-1.7\nnot really')) }, code: 'INPUT_CORRUPT' },
  ])('carries a coded error across the thread: $name -> $code', async ({ source, code }) => {
    expect(await codeOf(pool.parse({ kind: 'posting', source, what: 'the posting' }))).toBe(code);
  });

  it('parses many documents at once, each answered once', async () => {
    const all = await Promise.all(Array.from({ length: 40 }, (_, i) => pool.parse({ kind: 'posting', source: { raw: `${POSTING}\nRef ${i}` }, what: `p${i}` })));
    expect(new Set(all.map((r) => r.raw)).size).toBe(40);
    expect(pool.stats).toMatchObject({ busy: 0, queued: 0 });
  });
});

describe('parse pool budgets', () => {
  it('ends a thread that runs over the time budget, answers INPUT_TOO_COMPLEX, and keeps serving', async () => {
    const pool = await ParsePool.start({ config, size: 1, timeoutMs: 300, waitMs: 60_000 });
    try {
      expect(await codeOf(pool.parse({ kind: 'posting', source: { raw: HEAVY }, what: 'heavy.txt' }))).toBe('INPUT_TOO_COMPLEX');
      // The thread is replaced; the next document waits for it and is read.
      const r = await pool.parse({ kind: 'posting', source: { raw: POSTING }, what: 'the posting' });
      expect(r.profile.title).toBe('Senior Backend Engineer (Java)');
      expect(pool.stats.restarts).toBe(1);
      expect(pool.stats.threads).toBe(1);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('ends a thread that runs out of its heap, answers INPUT_TOO_COMPLEX, and keeps serving', async () => {
    const pool = await ParsePool.start({ config, size: 1, memoryMb: 100, timeoutMs: 60_000 });
    try {
      const err = await pool.parse({ kind: 'posting', source: { raw: HEAVY }, what: 'heavy.txt' }).catch((e: unknown) => e);
      expect(isRolefitError(err) && err.code).toBe('INPUT_TOO_COMPLEX');
      expect((err as Error).message).toContain('100 MB');
      const r = await pool.parse({ kind: 'posting', source: { raw: POSTING }, what: 'the posting' });
      expect(r.profile.title).toBe('Senior Backend Engineer (Java)');
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('answers SERVER_BUSY when the queue is full, and when no thread is free in time', async () => {
    const pool = await ParsePool.start({ config, size: 1, queue: 2, timeoutMs: 400 });
    try {
      const jobs = Array.from({ length: 4 }, (_, i) => codeOf(pool.parse({ kind: 'posting', source: { raw: HEAVY }, what: `heavy${i}` })));
      const codes = await Promise.all(jobs);
      // One runs (and runs over), two wait (and wait too long), the fourth finds the queue full.
      expect(codes).toEqual(['INPUT_TOO_COMPLEX', 'SERVER_BUSY', 'SERVER_BUSY', 'SERVER_BUSY']);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('refuses work once closed', async () => {
    const pool = await ParsePool.start({ config, size: 1 });
    await pool.close();
    expect(await codeOf(pool.parse({ kind: 'posting', source: { raw: POSTING }, what: 'p' }))).toBe('SERVER_BUSY');
  }, 60_000);
});
