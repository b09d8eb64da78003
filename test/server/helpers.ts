// Shared pieces of the HTTP tests: an app over a private in-memory SQLite store, the sample
// documents, multipart forms, and the one check every error response must pass.
import { readFileSync } from 'node:fs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Config } from '../../src/config/defaults.ts';
import { loadConfig } from '../../src/config/load.ts';
import type { Engine } from '../../src/engine.ts';
import type { ErrorCode } from '../../src/errors.ts';
import { buildApp } from '../../src/server/app.ts';
import { Catalog } from '../../src/app/catalog.ts';
import { openSqliteStore, type SqliteStore } from '../../src/storage/sqlite.ts';
import { inProcessParser } from '../../src/workers/parse-pool.ts';

const SAMPLES = new URL('../../data/samples/', import.meta.url).pathname;

/** A sample posting's text, by file name without `.txt`. */
export const samplePosting = (name: string): string => readFileSync(`${SAMPLES}postings/${name}.txt`, 'utf8');
/** A sample résumé's text, by file name without `.txt`. */
export const sampleResume = (name: string): string => readFileSync(`${SAMPLES}resumes/${name}.txt`, 'utf8');

/** "Present" for every résumé parsed in these tests, so scores never drift with the calendar. */
export const AS_OF = '2026-11-01';

export interface TestApp {
  app: FastifyInstance;
  catalog: Catalog;
  store: SqliteStore;
  config: Config;
  close(): Promise<void>;
}

/**
 * An app over a fresh in-memory store. The machine's environment never leaks in (env = {}), and
 * the rate limit is off unless the test turns it on. `load: false` leaves the catalog unloaded;
 * `store` shares a store between apps (a restart).
 */
export async function makeApp(engine: Engine, overrides: Partial<Config> = {}, opts: { load?: boolean; store?: SqliteStore } = {}): Promise<TestApp> {
  const config = loadConfig({}, { rateLimitPerMinute: 0, ...overrides });
  const store = opts.store ?? openSqliteStore(':memory:');
  await store.migrate();
  const catalog = new Catalog(engine, store, null, inProcessParser(engine, config));
  const app = await buildApp({ catalog, config, version: 'test' });
  if (opts.load !== false) await catalog.load();
  return {
    app, catalog, store, config,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}

/** A multipart form: string fields, and at most one file (as a Blob, the way a browser sends it). */
export function form(fields: Record<string, string>, file?: { name?: string; content: string | Buffer; filename?: string; type?: string }): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  if (file) {
    const bytes = typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : file.content;
    f.append(file.name ?? 'file', new Blob([new Uint8Array(bytes)], { type: file.type ?? 'application/octet-stream' }), file.filename ?? 'document.bin');
  }
  return f;
}

/** A form as the bytes and headers a browser or curl sends: with its Content-Length (inject would stream it without one). */
export async function formRequest(f: FormData): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const r = new Response(f);
  const payload = Buffer.from(await r.arrayBuffer());
  return { payload, headers: { 'content-type': r.headers.get('content-type')!, 'content-length': String(payload.length) } };
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string };
  requestId: string;
}

// A stack frame ("    at fn (/path/file.ts:12:3)" or "at /path/file.js:1:2") or a source path.
const STACK_FRAME = /\bat (?:\S+ \()?[^\s()]+:\d+:\d+/;
const SOURCE_PATH = /\/(?:src|node_modules|work)\/|\.ts:\d+|\.js:\d+/;

/**
 * The response is the catalogue error `code` with `status`: exactly {error: {code, message},
 * requestId}, the id also in x-request-id, and nothing that looks like a stack trace or a path.
 */
export function expectError(res: LightMyRequestResponse, status: number, code: ErrorCode): ErrorBody {
  const body = res.json<ErrorBody>();
  expect({ status: res.statusCode, code: body.error?.code }, res.body).toEqual({ status, code });
  expect(Object.keys(body).sort()).toEqual(['error', 'requestId']);
  expect(Object.keys(body.error).sort()).toEqual(['code', 'message']);
  expect(body.error.message.length).toBeGreaterThan(0);
  expect(body.requestId).toMatch(/\S/);
  expect(res.headers['x-request-id']).toBe(body.requestId);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const text = JSON.stringify(body);
  expect(text).not.toMatch(STACK_FRAME);
  expect(text).not.toMatch(SOURCE_PATH);
  expect(text).not.toContain('\\n    at ');
  return body;
}
