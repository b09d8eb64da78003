// Batch jobs over HTTP: 202 with an id, progress, results in NDJSON and CSV equal to the CLI's
// rows, cancel, coded 4xx for bad requests, and a restart that loses nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/app/index.ts';
import { seedSamples } from '../../src/server/start.ts';
import { openSqliteStore } from '../../src/storage/sqlite.ts';
import { AS_OF, expectError, formRequest, makeApp, sampleResume, type TestApp } from './helpers.ts';
import { makeDocx } from '../helpers/documents.ts';
import { Readable } from 'node:stream';

const engine = createEngine();
const JAVA = sampleResume('r01-java-backend-senior');
const REACT = sampleResume('r02-frontend-react');

interface View { id: string; status: string; progress: { done: number; total: number } }

async function waitDone(t: TestApp, id: string, ms = 120_000): Promise<View> {
  const end = Date.now() + ms;
  for (;;) {
    const v = (await t.app.inject({ method: 'GET', url: `/v1/batches/${id}` })).json<View>();
    if (v.status !== 'queued' && v.status !== 'running') return v;
    if (Date.now() > end) throw new Error(`batch ${id} still ${v.status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('POST /v1/batches', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeApp(engine);
    await seedSamples(t.catalog);
  }, 120_000);
  afterAll(async () => t.close());

  it('answers 202 with an id, reports progress, and streams the ranked roles as NDJSON and CSV', async () => {
    await t.app.inject({ method: 'POST', url: '/v1/candidates', payload: { id: 'cand-react', text: REACT, asOf: AS_OF } });
    const res = await t.app.inject({ method: 'POST', url: '/v1/batches', payload: { resumes: [{ id: 'java', text: JAVA }, { id: 'junk', text: '\u0000\u0001\u0002\u0003\u0004\u0005' }], candidateIds: ['cand-react'], top: 3, asOf: AS_OF } });
    expect(res.statusCode).toBe(202);
    const started = res.json<View>();
    expect(started.id).toMatch(/^b_/);
    expect(res.headers.location).toBe(`/v1/batches/${started.id}`);
    expect(started.progress.total).toBe(3);
    const done = await waitDone(t, started.id);
    expect(done).toMatchObject({ status: 'done', progress: { done: 3, total: 3 } });

    const nd = await t.app.inject({ method: 'GET', url: `/v1/batches/${started.id}/results` });
    expect(nd.headers['content-type']).toContain('application/x-ndjson');
    const lines = nd.body.trim().split('\n').map((l) => JSON.parse(l) as { resumeId: string; results?: Array<{ postingId: string; score: number }>; error?: { code: string } });
    expect(lines.map((l) => l.resumeId)).toEqual(['java', 'junk', 'cand-react']);
    expect(lines[0]!.results!.map((r) => r.postingId)[0]).toBe('a01-senior-java-backend');
    expect(lines[1]!.error!.code).toBe('INPUT_NOT_TEXT');
    // The same scores as ranking the same résumé directly.
    const direct = (await t.app.inject({ method: 'POST', url: '/v1/match', payload: { text: JAVA, asOf: AS_OF, top: 3 } })).json<{ results: Array<{ postingId: string; score: number }> }>();
    expect(lines[0]!.results!.map((r) => [r.postingId, r.score])).toEqual(direct.results.map((r) => [r.postingId, r.score]));

    const csv = await t.app.inject({ method: 'GET', url: `/v1/batches/${started.id}/results?format=csv` });
    expect(csv.headers['content-type']).toContain('text/csv');
    const rows = csv.body.trim().split('\n');
    expect(rows[0]).toBe('resume_id,posting_id,score,passed,failed_gates,summary,error');
    expect(rows).toHaveLength(1 + 3 + 1 + 3);
  }, 180_000);

  it('scores every pair with all, against the postings a filter picks', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/v1/batches', payload: { resumes: [{ text: JAVA }], all: true, country: 'de', asOf: AS_OF } });
    expect(res.statusCode).toBe(202);
    await waitDone(t, res.json<View>().id);
    const pairs = (await t.app.inject({ method: 'GET', url: `/v1/batches/${res.json<View>().id}/results` })).body.trim().split('\n').map((l) => JSON.parse(l) as { resumeId: string; postingId: string });
    const listed = (await t.app.inject({ method: 'GET', url: '/v1/postings?country=DE&limit=1000' })).json<{ items: Array<{ id: string }> }>().items.map((p) => p.id);
    expect(pairs.map((p) => p.postingId).sort()).toEqual(listed.sort());
    expect(pairs.every((p) => p.resumeId === '1')).toBe(true);
  }, 180_000);

  it('takes a multipart form: résumé files named by their file names, options as fields', async () => {
    const f = new FormData();
    f.append('resumes', new Blob([JAVA], { type: 'text/plain' }), 'ada-java.txt');
    f.append('resumes', new Blob([new Uint8Array(await makeDocx(REACT))]), 'bo-react.docx');
    f.append('postingIds', 'a01-senior-java-backend, a07-frontend-engineer-react');
    f.append('top', '1');
    f.append('asOf', AS_OF);
    const res = await t.app.inject({ method: 'POST', url: '/v1/batches', ...(await formRequest(f)) });
    expect(res.statusCode).toBe(202);
    expect(res.json<View>().progress.total).toBe(2);
    await waitDone(t, res.json<View>().id);
    const lines = (await t.app.inject({ method: 'GET', url: `/v1/batches/${res.json<View>().id}/results` })).body.trim().split('\n').map((l) => JSON.parse(l) as { resumeId: string; results: Array<{ postingId: string }> });
    expect(lines.map((l) => [l.resumeId, l.results.map((r) => r.postingId)])).toEqual([['ada-java', ['a01-senior-java-backend']], ['bo-react', ['a07-frontend-engineer-react']]]);
  }, 180_000);

  it('refuses a form with a file in another field, one without a Content-Length, and one over the bulk limit', async () => {
    const stray = new FormData();
    stray.append('file', new Blob([JAVA]), 'cv.txt');
    expectError(await t.app.inject({ method: 'POST', url: '/v1/batches', ...(await formRequest(stray)) }), 400, 'REQUEST_INVALID');
    const boundary = 'x1y2z3';
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="resumes"; filename="cv.txt"\r\nContent-Type: text/plain\r\n\r\n${JAVA}\r\n--${boundary}--\r\n`;
    const headers = { 'content-type': `multipart/form-data; boundary=${boundary}` };
    // Sent in chunks, so no length is known up front.
    const chunked = await t.app.inject({ method: 'POST', url: '/v1/batches', headers: { ...headers, 'transfer-encoding': 'chunked' }, payload: Readable.from([body]) });
    expectError(chunked, 400, 'REQUEST_INVALID');
    expect(chunked.json<{ error: { message: string } }>().error.message).toContain('Content-Length');
    const big = await t.app.inject({ method: 'POST', url: '/v1/batches', headers: { ...headers, 'content-length': String(t.config.maxBulkBytes + 1) }, payload: body });
    expectError(big, 413, 'INPUT_TOO_LARGE');
  });

  it.each([
    { name: 'no résumés', payload: { postingIds: ['a01-senior-java-backend'] }, status: 400, code: 'REQUEST_INVALID' },
    { name: 'an unknown posting', payload: { postingIds: ['nope'], resumes: [{ text: JAVA }] }, status: 404, code: 'NOT_FOUND' },
    { name: 'an unknown candidate', payload: { candidateIds: ['nope'] }, status: 404, code: 'NOT_FOUND' },
    { name: 'an unknown field', payload: { resumes: [{ text: JAVA }], colour: 'red' }, status: 400, code: 'REQUEST_INVALID' },
    { name: 'a résumé with neither text nor file', payload: { resumes: [{ id: 'x' }] }, status: 400, code: 'REQUEST_INVALID' },
    { name: 'bad weights', payload: { resumes: [{ text: JAVA }], weights: { kinds: { skill: 'lots' } } }, status: 400, code: 'REQUEST_INVALID' },
  ])('refuses $name with a coded $status', async ({ payload, status, code }) => {
    expectError(await t.app.inject({ method: 'POST', url: '/v1/batches', payload }), status, code as never);
  });

  it('answers 404 for an unknown batch on every route, and malformed JSON with a code', async () => {
    for (const [method, url] of [['GET', '/v1/batches/b_nope'], ['GET', '/v1/batches/b_nope/results'], ['DELETE', '/v1/batches/b_nope']] as const) {
      expectError(await t.app.inject({ method, url }), 404, 'NOT_FOUND');
    }
    expectError(await t.app.inject({ method: 'POST', url: '/v1/batches', headers: { 'content-type': 'application/json' }, payload: '{"resumes": [' }), 400, 'BODY_MALFORMED_JSON');
  });

  it('cancels a batch: it stops, says so, and keeps what it finished', async () => {
    const many = Array.from({ length: 200 }, (_, i) => ({ id: `r${i}`, text: i % 2 ? JAVA : REACT }));
    const res = await t.app.inject({ method: 'POST', url: '/v1/batches', payload: { resumes: many, asOf: AS_OF } });
    const id = res.json<View>().id;
    const del = await t.app.inject({ method: 'DELETE', url: `/v1/batches/${id}` });
    expect(del.statusCode).toBe(200);
    expect(del.json<View>().status).toBe('cancelled');
    const after = (await t.app.inject({ method: 'GET', url: `/v1/batches/${id}` })).json<View>();
    expect(after.status).toBe('cancelled');
    expect(after.progress.done).toBeLessThan(200);
    const lines = (await t.app.inject({ method: 'GET', url: `/v1/batches/${id}/results` })).body.trim().split('\n').filter(Boolean);
    expect(lines.length).toBe(after.progress.done);
  }, 180_000);
});

describe('batch jobs across a restart', () => {
  it('an interrupted job resumes from its first résumé without a result, with nothing lost or doubled', async () => {
    const store = openSqliteStore(':memory:');
    const a = await makeApp(engine, {}, { store });
    await seedSamples(a.catalog);
    const resumes = Array.from({ length: 120 }, (_, i) => ({ id: `r${String(i).padStart(3, '0')}`, text: i % 2 ? JAVA : REACT }));
    const id = (await a.app.inject({ method: 'POST', url: '/v1/batches', payload: { resumes, top: 2, asOf: AS_OF } })).json<View>().id;
    // Stop the service once some results are written, well before the end.
    for (;;) {
      const v = (await a.app.inject({ method: 'GET', url: `/v1/batches/${id}` })).json<View>();
      if (v.progress.done > 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await a.app.close();
    const stopped = await store.batches.getBatch(id);
    expect(stopped!.status).toBe('running');
    expect(stopped!.done).toBeLessThan(120);

    const b = await makeApp(engine, {}, { store });
    // The service's start takes up unfinished jobs; here the app's own jobs do it.
    const { BatchJobs } = await import('../../src/batch/jobs.ts');
    const { threadScorer } = await import('../../src/batch/scorer.ts');
    const resumer = new BatchJobs(b.catalog, b.config, threadScorer, 1);
    expect(await resumer.resumeUnfinished()).toBe(1);
    await waitDone(b, id);
    const lines = (await b.app.inject({ method: 'GET', url: `/v1/batches/${id}/results` })).body.trim().split('\n').map((l) => (JSON.parse(l) as { resumeId: string }).resumeId);
    expect(lines).toEqual(resumes.map((r) => r.id));
    await resumer.close();
    await b.close();
  }, 300_000);
});
