// The service as it runs: startServer listens on a real port over a SQLite file, seeds the
// samples on first start, answers fetch() (JSON and multipart), closes cleanly, and a restart on
// the same file keeps what was stored without seeding again.
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { createEngine } from '../../src/engine.ts';
import { startServer, type Started } from '../../src/server/start.ts';
import { AS_OF, samplePosting, sampleResume } from './helpers.ts';

const engine = createEngine();
const dir = mkdtempSync(join(tmpdir(), 'rolefit-server-'));
const db = join(dir, 'rolefit.db');
const config = loadConfig({}, { port: 0, db, rateLimitPerMinute: 0, logLevel: 'silent' });
const start = (): Promise<Started> => startServer(config, { seed: true, version: 'test', signals: false, engine });

const JAVA_RESUME = sampleResume('r01-java-backend-senior');

interface Ready { status: string; postings: number; indexed: number }
interface MatchOut { results: Array<{ postingId: string; score: number }> }

async function fetchJson<T>(url: string, init?: RequestInit): Promise<{ status: number; body: T; headers: Headers }> {
  const res = await fetch(url, init);
  return { status: res.status, body: (await res.json()) as T, headers: res.headers };
}
/** The error code of a new TCP connection to the address, or null when it connects. */
function connectError(address: string): Promise<string | null> {
  const { hostname, port } = new URL(address);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) });
    socket.once('connect', () => {
      socket.destroy();
      resolve(null);
    });
    socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
  });
}
const postJson = (url: string, body: unknown): Promise<Response> =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('a real listening server', () => {
  let server: Started;
  let closed = false;
  beforeAll(async () => {
    server = await start();
  });
  afterAll(async () => {
    if (!closed) await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('listens on a free loopback port and seeds the 60 samples into an empty store', async () => {
    expect(server.address).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(Number(new URL(server.address).port)).toBeGreaterThan(0);
    const health = await fetchJson<{ status: string }>(`${server.address}/health`);
    expect(health).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(health.headers.get('x-request-id')).toMatch(/\S/);
    const ready = await fetchJson<Ready>(`${server.address}/ready`);
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ready', store: 'sqlite', postings: 60, indexed: 60 });
  });

  it('POST /v1/match returns ranked results', async () => {
    const res = await postJson(`${server.address}/v1/match`, { text: JAVA_RESUME, asOf: AS_OF, top: 5 });
    expect(res.status).toBe(200);
    const body = (await res.json()) as MatchOut;
    expect(body.results).toHaveLength(5);
    expect(body.results[0]!.postingId).toBe('a01-senior-java-backend');
    const scores = body.results.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('takes a multipart upload made with FormData and Blob', async () => {
    const upload = new FormData();
    upload.append('top', '2');
    upload.append('asOf', AS_OF);
    upload.append('file', new Blob([JAVA_RESUME], { type: 'text/plain' }), 'marta.txt');
    const matched = await fetchJson<MatchOut>(`${server.address}/v1/match`, { method: 'POST', body: upload });
    expect(matched.status).toBe(200);
    expect(matched.body.results.map((r) => r.postingId)).toHaveLength(2);
    expect(matched.body.results[0]!.postingId).toBe('a01-senior-java-backend');

    const posting = new FormData();
    posting.append('id', 'uploaded-posting');
    posting.append('file', new Blob([samplePosting('a02-go-backend-engineer')], { type: 'text/plain' }), 'go.txt');
    const stored = await fetchJson<{ id: string; outcome: string; title: string }>(`${server.address}/v1/postings`, { method: 'POST', body: posting });
    expect(stored.status).toBe(201);
    expect(stored.body).toMatchObject({ id: 'uploaded-posting', outcome: 'created', title: 'Backend Engineer (Go)' });
  });

  it('answers bad JSON with 400 and the coded error body', async () => {
    const res = await fetch(`${server.address}/v1/match`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'real-1' }, body: '{"text": ' });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-request-id')).toBe('real-1');
    const body = (await res.json()) as { error: { code: string; message: string }; requestId: string };
    expect(Object.keys(body).sort()).toEqual(['error', 'requestId']);
    expect(body.error.code).toBe('BODY_MALFORMED_JSON');
    expect(body.requestId).toBe('real-1');
    expect(JSON.stringify(body)).not.toMatch(/\/src\/|\.ts:\d+|\bat \S+ \(/);
  });

  it('close() completes, the port then refuses connections, and a restart keeps the store without seeding again', async () => {
    // Before the restart: one sample gone, one posting of ours added; still 60 in all.
    expect((await fetch(`${server.address}/v1/postings/b30-secondary-maths-teacher`, { method: 'DELETE' })).status).toBe(204);
    expect((await fetch(`${server.address}/v1/postings/uploaded-posting`)).status).toBe(200);
    const before = await fetchJson<Ready>(`${server.address}/ready`);
    expect(before.body).toMatchObject({ postings: 60, indexed: 60 });

    const address = server.address;
    expect(await connectError(address)).toBeNull();
    await server.close();
    closed = true;
    await server.close(); // a second close is harmless
    // A fresh TCP connection (fetch could reuse a pooled keep-alive socket) is refused.
    expect(await connectError(address)).toBe('ECONNREFUSED');
    await expect(fetch(`${address}/health`)).rejects.toThrow();

    server = await start();
    closed = false;
    const after = await fetchJson<Ready>(`${server.address}/ready`);
    expect(after.body).toMatchObject({ status: 'ready', postings: 60, indexed: 60 });
    expect((await fetch(`${server.address}/v1/postings/uploaded-posting`)).status).toBe(200);
    // Not seeded again: the deleted sample stays deleted.
    expect((await fetch(`${server.address}/v1/postings/b30-secondary-maths-teacher`)).status).toBe(404);
    // The reloaded index ranks as before.
    const res = await postJson(`${server.address}/v1/match`, { text: JAVA_RESUME, asOf: AS_OF, top: 1 });
    expect(((await res.json()) as MatchOut).results[0]!.postingId).toBe('a01-senior-java-backend');
  });
});
