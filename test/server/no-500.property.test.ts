// Property: no request, however malformed, gets a 5xx or an INTERNAL error. Methods, paths
// (encoded, dotted, doubled, unknown ids), content types and bodies (JSON of any shape, deep
// nesting, wrong types, junk text, JSONL, multipart files of junk bytes) are generated; every
// answer is a result or a coded 4xx in the catalogue shape.

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine.ts';
import { ERRORS } from '../../src/errors.ts';
import { form, makeApp, samplePosting, sampleResume, type TestApp } from './helpers.ts';

const engine = createEngine();
const POSTING = samplePosting('a03-junior-python-developer');
const RESUME = sampleResume('r01-java-backend-senior');

const segments = ['v1', '%76%31', 'V1', 'postings', 'candidates', 'match', 'score', 'parse', 'resumes', 'bulk', 'p1', 'c1', '%zz', '%', '..', '.', '', 'a'.repeat(130), 'x'.repeat(600), 'docs', 'health', 'ready', '%2F', '?include=contact', '?limit=abc', '?limit=5', '?include=text'];
const path = fc.array(fc.oneof(fc.constantFrom(...segments), fc.stringMatching(/^[\w%.-]{0,8}$/)), { minLength: 1, maxLength: 5 }).map((xs) => `/${xs.join('/')}`);

const nested = fc.integer({ min: 1, max: 3000 }).map((n) => `{"text":${'['.repeat(n)}${']'.repeat(n)}}`);
const fields = fc.record({
  text: fc.oneof(fc.constant(POSTING), fc.constant(RESUME), fc.string(), fc.integer(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 }), fc.constant('\u0000\u0001\u0002'.repeat(50))),
  id: fc.oneof(fc.constant('p1'), fc.string({ maxLength: 140 }), fc.integer()),
  top: fc.oneof(fc.integer({ min: -5, max: 500 }), fc.string({ maxLength: 3 }), fc.double()),
  minScore: fc.oneof(fc.double(), fc.string({ maxLength: 3 })),
  passingOnly: fc.oneof(fc.boolean(), fc.string({ maxLength: 5 })),
  asOf: fc.oneof(fc.constant('2026-11'), fc.string({ maxLength: 12 })),
  weights: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.string({ maxLength: 20 })),
  resume: fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constant({ basics: { name: 'A' }, work: [{ position: 'Engineer', startDate: '2020-01' }] })),
  posting: fc.jsonValue({ maxDepth: 3 }),
  '@type': fc.constantFrom('JobPosting', 'Thing', 7),
  explain: fc.oneof(fc.constantFrom('full', 'summary', 'none'), fc.boolean()),
}, { requiredKeys: [] });

type Body = { kind: 'json'; raw: string } | { kind: 'text'; raw: string; type: string } | { kind: 'form'; file: Uint8Array; top?: string } | { kind: 'none' };
const body: fc.Arbitrary<Body> = fc.oneof(
  fields.map((f) => ({ kind: 'json' as const, raw: JSON.stringify(f) })),
  fc.jsonValue({ maxDepth: 4 }).map((v) => ({ kind: 'json' as const, raw: JSON.stringify(v) ?? 'null' })),
  nested.map((raw) => ({ kind: 'json' as const, raw })),
  fc.string({ maxLength: 200 }).map((raw) => ({ kind: 'json' as const, raw })),
  fc.tuple(fc.string({ maxLength: 200 }), fc.constantFrom('text/plain', 'application/x-ndjson', 'application/xml', 'multipart/form-data', 'application/json; charset=latin1', 'garbage')).map(([raw, type]) => ({ kind: 'text' as const, raw, type })),
  fc.tuple(fc.uint8Array({ maxLength: 400 }), fc.option(fc.string({ maxLength: 4 }), { nil: undefined })).map(([file, top]) => ({ kind: 'form' as const, file, ...(top !== undefined ? { top } : {}) })),
  fc.constant({ kind: 'none' as const }),
);

describe('no request yields a 5xx', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeApp(engine, { maxInputBytes: 64 * 1024 });
    await t.app.inject({ method: 'PUT', url: '/v1/postings/p1', payload: { text: POSTING } });
    await t.app.inject({ method: 'PUT', url: '/v1/candidates/c1', payload: { text: RESUME, asOf: '2026-11' } });
  });
  afterAll(async () => t.close());

  it('generated requests: a result or a coded 4xx in the catalogue shape', async () => {
    await fc.assert(fc.asyncProperty(fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'), path, body, async (method, url, b) => {
      const base = { method: method as 'GET', url };
      const res = b.kind === 'json' ? await t.app.inject({ ...base, headers: { 'content-type': 'application/json' }, payload: b.raw })
        : b.kind === 'text' ? await t.app.inject({ ...base, headers: { 'content-type': b.type }, payload: b.raw })
          : b.kind === 'form' ? await t.app.inject({ ...base, body: form(b.top !== undefined ? { top: b.top } : {}, { content: Buffer.from(b.file), filename: 'x.bin' }) })
            : await t.app.inject(base);
      expect(res.statusCode, `${method} ${url} -> ${res.body.slice(0, 300)}`).toBeLessThan(500);
      if (res.statusCode >= 400 && method !== 'HEAD') {
        const out = res.json<{ error: { code: string; message: string }; requestId: string }>();
        expect(Object.keys(out).sort()).toEqual(['error', 'requestId']);
        expect(Object.keys(ERRORS)).toContain(out.error.code);
        expect(out.error.code).not.toBe('INTERNAL');
      }
    }), { numRuns: 400 });
  }, 120_000);
});
