// Several instances over one store keep their in-memory indexes in step: PostgreSQL instances
// through LISTEN/NOTIFY, the workers of `serve --workers N` through the primary.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createEngine } from '../../src/engine.ts';
import { Catalog } from '../../src/app/catalog.ts';
import { isChange, openPostgresChanges, payloads } from '../../src/storage/changes.ts';
import { openPostgresStore } from '../../src/storage/postgres.ts';
import { samplePosting } from './helpers.ts';

const PG_URL = process.env.ROLEFIT_TEST_PG || undefined;
const engine = createEngine();

async function until(check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('change notes', () => {
  it('split into NOTIFY-sized payloads that keep every id', () => {
    const ids = Array.from({ length: 3000 }, (_, i) => `posting-${i}`);
    const parts = payloads('me', { kind: 'posting', ids }).map((p) => JSON.parse(p) as { origin: string; kind: string; ids: string[] });
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(Buffer.byteLength(JSON.stringify(p))).toBeLessThan(8000);
    expect(parts.flatMap((p) => p.ids)).toEqual(ids);
  });

  it.each([
    [{ kind: 'posting', ids: ['a'] }, true],
    [{ kind: 'candidate', ids: [] }, true],
    [{ kind: 'role', ids: ['a'] }, false],
    [{ kind: 'posting', ids: [1] }, false],
    [null, false],
    ['posting', false],
  ])('isChange(%j) is %s', (m, ok) => expect(isChange(m)).toBe(ok));
});

describe.runIf(PG_URL)('two instances on one PostgreSQL store', () => {
  const schema = `changes_${process.pid}_${Date.now()}`;
  const url = `${PG_URL}${PG_URL?.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  afterAll(async () => {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await c.end();
  });

  it('a write through one is seen by the other (LISTEN/NOTIFY)', async () => {
    const storeA = openPostgresStore(PG_URL!, { schema });
    await storeA.migrate();
    const storeB = openPostgresStore(url);
    const [busA, busB] = await Promise.all([openPostgresChanges(PG_URL!), openPostgresChanges(PG_URL!)]);
    const a = new Catalog(engine, storeA, busA);
    const b = new Catalog(engine, storeB, busB);
    try {
      await Promise.all([a.load(), b.load()]);
      await a.putPostings([{ id: 'java', raw: samplePosting('a01-senior-java-backend') }]);
      await until(() => b.index.has('java'));
      expect(b.index.role('java')!.profile.title).toBe('Senior Backend Engineer (Java)');
      await a.putCandidate({ id: 'c1', raw: 'Ana\nExperience\nJava Developer, Acme\n2015 - Present\n- Java and Spring Boot\n' }, { y: 2026, m: 11 });
      await until(() => b.candidateCount === 1);
      await b.deletePosting('java');
      await until(() => !a.index.has('java'));
      await b.deleteCandidate('c1');
      await until(() => a.candidateCount === 0);
    } finally {
      await Promise.all([busA.close(), busB.close(), storeA.close(), storeB.close()]);
    }
  }, 90_000);
});

describe('serve --workers 2 (real processes)', () => {
  it('every worker sees every write, and SIGTERM stops them all', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rolefit-cluster-'));
    const port = 20000 + (process.pid % 20000);
    const bin = new URL('../../bin/rolefit.js', import.meta.url).pathname;
    const child = spawn(process.execPath, [bin, 'serve', '--workers', '2', '--port', String(port), '--db', join(dir, 'c.db')], {
      env: { ...process.env, ROLEFIT_LOG_LEVEL: 'silent', ROLEFIT_RATE_LIMIT: '0', ROLEFIT_PG_URL: '' },
      stdio: 'ignore',
    });
    const base = `http://127.0.0.1:${port}`;
    const ready = async (): Promise<{ indexed: number }[]> => {
      // Connections are spread over the workers; several calls reach both.
      const out = [];
      for (let i = 0; i < 6; i++) out.push((await (await fetch(`${base}/ready`, { headers: { connection: 'close' } })).json()) as { indexed: number });
      return out;
    };
    try {
      await until(async () => {
        try {
          return (await ready()).every((r) => r.indexed === 60);
        } catch {
          return false;
        }
      }, 60_000);
      const put = await fetch(`${base}/v1/postings/zz-rust`, { method: 'PUT', headers: { 'content-type': 'application/json', connection: 'close' }, body: JSON.stringify({ text: 'Senior Rust Engineer\nBerlin, Germany\n\nRequirements\n- 5+ years of Rust\n- Experience with Tokio\n' }) });
      expect(put.status).toBe(201);
      await until(async () => (await ready()).every((r) => r.indexed === 61), 30_000);
      expect((await fetch(`${base}/v1/postings/zz-rust`, { method: 'DELETE', headers: { connection: 'close' } })).status).toBe(204);
      await until(async () => (await ready()).every((r) => r.indexed === 60), 30_000);
    } finally {
      child.kill('SIGTERM');
      const code = await new Promise<number | null>((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
      expect(code).toBe(0);
    }
  }, 90_000);
});
