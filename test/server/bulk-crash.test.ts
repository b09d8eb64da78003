// A bulk write and kill -9: the service dies at some point while a bulk request is being parsed
// or committed. The client may never see the answer, but the store holds all of the batch or
// none of it, and sending the same batch again (same ids) leaves exactly the batch, once.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { samplePosting } from './helpers.ts';

const BIN = new URL('../../bin/rolefit.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'rolefit-crash-'));
const BASE = samplePosting('a01-senior-java-backend');
const N = 150;
const BATCH = Array.from({ length: N }, (_, i) => ({ id: `bulk-${i}`, text: `${BASE}\nReference ${i}: team ${i % 17}.` }));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function serve(port: number, db: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [BIN, 'serve', '--no-seed', '--port', String(port), '--db', join(dir, db)], {
    env: { ...process.env, ROLEFIT_LOG_LEVEL: 'silent', ROLEFIT_RATE_LIMIT: '0', ROLEFIT_PG_URL: '', ROLEFIT_API_KEYS: '' },
    stdio: 'ignore',
  });
  const t0 = Date.now();
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/ready`)).status === 200) return child;
    } catch {
      // not listening yet
    }
    if (Date.now() - t0 > 60_000) throw new Error('the service did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const kill9 = (child: ChildProcess): Promise<void> => new Promise((resolve) => {
  child.once('exit', () => resolve());
  child.kill('SIGKILL');
});

const stored = async (port: number): Promise<number> => ((await (await fetch(`http://127.0.0.1:${port}/ready`)).json()) as { postings: number }).postings;

const sendBatch = (port: number): Promise<Response> => fetch(`http://127.0.0.1:${port}/v1/postings/bulk`, {
  method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(BATCH),
});

describe('bulk writes and kill -9', () => {
  it('all or nothing after a kill at any moment; a retry with the same ids stores the batch exactly once', async () => {
    const port = await freePort();
    // Measure how long the batch takes, so the kills land before, during and after the commit.
    let child = await serve(port, 'measure.db');
    const t0 = performance.now();
    expect((await sendBatch(port)).status).toBe(200);
    const took = performance.now() - t0;
    expect(await stored(port)).toBe(N);
    await kill9(child);
    const seen = new Set<number>();
    for (const share of [0.3, 0.9, 1.3]) {
      // Each round on a store of its own, empty at the start.
      const db = `round-${share}.db`;
      child = await serve(port, db);
      const inFlight = sendBatch(port).then((r) => r.status, () => 'connection lost');
      await new Promise((r) => setTimeout(r, took * share));
      await kill9(child);
      await inFlight;
      child = await serve(port, db);
      const after = await stored(port);
      seen.add(after);
      expect([0, N], `after a kill at ${Math.round(share * 100)}% of the batch time`).toContain(after);
      const retry = await sendBatch(port);
      expect(retry.status).toBe(200);
      const body = (await retry.json()) as { counts: { created: number; updated: number; unchanged: number } };
      expect(body.counts).toEqual(after === 0 ? { created: N, updated: 0, unchanged: 0 } : { created: 0, updated: 0, unchanged: N });
      expect(await stored(port)).toBe(N);
      const one = (await (await fetch(`http://127.0.0.1:${port}/v1/postings/bulk-123?include=text`)).json()) as { text: string };
      expect(one.text).toBe(BATCH[123]!.text);
      await kill9(child);
    }
    // Not a requirement, but the point of the sweep: kills landed on both sides of the commit.
    console.log(`bulk-crash: batch of ${N} took ${Math.round(took)} ms; stored after kills: ${[...seen].join(', ')}`);
  }, 150_000);
});
