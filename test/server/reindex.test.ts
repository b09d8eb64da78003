// `rolefit reindex`: documents parsed with other models are parsed again from their stored text;
// those parsed with the current models are left alone unless --all.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { createEngine } from '../../src/engine.ts';
import { reindex } from '../../src/server/reindex.ts';
import { openSqliteStore } from '../../src/storage/sqlite.ts';
import { samplePosting, sampleResume } from './helpers.ts';

const engine = createEngine();
const dir = mkdtempSync(join(tmpdir(), 'rolefit-reindex-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('reindex', () => {
  it('re-parses what older models parsed, keeps ids, text and contact apart', async () => {
    const db = join(dir, 'r.db');
    const store = openSqliteStore(db);
    await store.migrate();
    const text = samplePosting('a01-senior-java-backend');
    const stale = { ...engine.parsePosting(text), modelsVersion: '0.0.1+old', requirements: [] };
    const current = engine.parsePosting(samplePosting('a02-go-backend-engineer'));
    await store.putPostings([
      { id: 'old', text, format: 'text', hash: 'h1', profile: stale },
      { id: 'new', text: samplePosting('a02-go-backend-engineer'), format: 'text', hash: 'h2', profile: current },
    ]);
    const resume = sampleResume('r01-java-backend-senior');
    const parsed = engine.parseResume(resume, { asOf: '2026-11-01' });
    expect(parsed.contact.email).toMatch(/@/);
    await store.putCandidate({ id: 'c', text: resume, format: 'text', hash: 'h3', profile: { ...parsed, modelsVersion: '0.0.1+old', skills: [] }, contact: parsed.contact });
    await store.close();

    const config = loadConfig({}, { db });
    expect(await reindex(config, engine, { all: false })).toEqual({ postings: 1, candidates: 1, skipped: 1, modelsVersion: engine.modelsVersion });

    const after = openSqliteStore(db);
    try {
      const p = (await after.getPosting('old'))!;
      expect(p.modelsVersion).toBe(engine.modelsVersion);
      expect(p.profile.requirements.length).toBeGreaterThan(5);
      expect(p.text).toBe(text);
      const c = (await after.getCandidate('c'))!;
      expect(c.modelsVersion).toBe(engine.modelsVersion);
      expect(c.profile.skills.length).toBeGreaterThan(5);
      expect(c.profile.asOf).toBe('2026-11');
      expect(c.profile.contact.email).toBeNull();
      expect(c.contact.email).toBe(parsed.contact.email);
    } finally {
      await after.close();
    }
    // Everything is current now: nothing to do, and --all re-parses to the same result.
    expect(await reindex(config, engine, { all: false })).toMatchObject({ postings: 0, candidates: 0, skipped: 3 });
    expect(await reindex(config, engine, { all: true })).toMatchObject({ postings: 2, candidates: 1, skipped: 0 });
  });
});
