// rolefit/client against a real listening server (SQLite file, the 60 sample postings, an API
// key): every route the OpenAPI document lists is covered by a client method, each method is
// called, the answers have the fields the client's types name, and every failure is a
// RolefitApiError with the catalogue code.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, RolefitApiError, type CandidateSummary, type PostingSummary, type RolefitClient, type StoredCandidateResponse, type StoredPostingResponse } from '../../src/client/index.ts';
import { loadConfig } from '../../src/config/load.ts';
import { createEngine } from '../../src/engine.ts';
import { startServer, type Started } from '../../src/server/start.ts';
import { makeDocx } from '../helpers/documents.ts';
import { AS_OF, samplePosting, sampleResume } from '../server/helpers.ts';

const KEY = 'client-test-key';
const dir = mkdtempSync(join(tmpdir(), 'rolefit-client-'));
const config = loadConfig({}, { port: 0, db: join(dir, 'rolefit.db'), rateLimitPerMinute: 0, logLevel: 'silent', apiKeys: [KEY] });

// Which client method covers each route of the OpenAPI document (and the two health routes).
const COVERAGE: Record<string, keyof RolefitClient> = {
  'GET /health': 'health',
  'GET /ready': 'ready',
  'POST /v1/postings': 'createPosting',
  'PUT /v1/postings/{id}': 'putPosting',
  'POST /v1/postings/bulk': 'bulkPostings',
  'GET /v1/postings': 'listPostings',
  'GET /v1/postings/{id}': 'getPosting',
  'DELETE /v1/postings/{id}': 'deletePosting',
  'POST /v1/candidates': 'createCandidate',
  'PUT /v1/candidates/{id}': 'putCandidate',
  'GET /v1/candidates': 'listCandidates',
  'GET /v1/candidates/{id}': 'getCandidate',
  'DELETE /v1/candidates/{id}': 'deleteCandidate',
  'POST /v1/match': 'match',
  'POST /v1/score': 'score',
  'POST /v1/postings/{id}/candidates': 'rankCandidates',
  'POST /v1/postings/parse': 'parsePosting',
  'POST /v1/resumes/parse': 'parseResume',
  'POST /v1/batches': 'createBatch',
  'GET /v1/batches/{id}': 'getBatch',
  'GET /v1/batches/{id}/results': 'batchResults',
  'DELETE /v1/batches/{id}': 'cancelBatch',
};

// The keys of the responses the schemas leave open, as the client's types name them: a type-level
// check makes each list exhaustive, and the tests compare them with what the server sends.
type Exhaustive<T, L extends readonly (keyof T)[]> = Exclude<keyof T, L[number]> extends never ? L : never;
const keyList = <T>() => <const L extends readonly (keyof T)[]>(l: Exhaustive<T, L>): string[] => [...l].sort() as string[];
const POSTING_SUMMARY = keyList<PostingSummary>()(['id', 'title', 'company', 'location', 'country', 'city', 'workMode', 'employmentType', 'format', 'modelsVersion', 'updatedAt']);
const STORED_POSTING = keyList<StoredPostingResponse>()(['id', 'title', 'company', 'location', 'country', 'city', 'workMode', 'employmentType', 'format', 'modelsVersion', 'updatedAt', 'outcome', 'requirements', 'warnings']);
const CANDIDATE_SUMMARY = keyList<CandidateSummary>()(['id', 'asOf', 'totalMonths', 'positions', 'skills', 'format', 'modelsVersion', 'updatedAt']);
const STORED_CANDIDATE = keyList<StoredCandidateResponse>()(['id', 'outcome', 'asOf', 'totalMonths', 'skills', 'warnings']);

async function failure(p: Promise<unknown>): Promise<RolefitApiError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(RolefitApiError);
    return e as RolefitApiError;
  }
  throw new Error('expected the call to fail');
}

describe('rolefit/client against a real server', () => {
  let server: Started;
  let client: RolefitClient;
  beforeAll(async () => {
    server = await startServer(config, { seed: true, version: 'test', signals: false, engine: createEngine() });
    client = createClient({ baseUrl: `${server.address}/`, apiKey: KEY });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has a method for every route the service documents', async () => {
    const doc = (await (await fetch(`${server.address}/docs/json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    expect(routes.length).toBeGreaterThan(15);
    for (const route of routes) {
      const method = COVERAGE[route];
      expect(method, `no client method for ${route}`).toBeDefined();
      expect(typeof client[method!], route).toBe('function');
    }
  });

  it('health and readiness', async () => {
    expect(await client.health()).toEqual({ status: 'ok' });
    expect(await client.ready()).toMatchObject({ status: 'ready', store: 'sqlite', postings: 60 });
  });

  it('postings: create (JSON and a file), put, bulk (array and JSONL), list, page through, get with text, delete', async () => {
    const created = await client.createPosting({ id: 'client-go', text: samplePosting('a02-go-backend-engineer') });
    expect(created.outcome).toBe('created');
    expect(Object.keys(created).sort()).toEqual(STORED_POSTING);
    const uploaded = await client.createPosting({ id: 'client-file', file: new TextEncoder().encode(samplePosting('a03-junior-python-developer')), filename: 'python.txt' });
    expect(uploaded).toMatchObject({ id: 'client-file', outcome: 'created', title: 'Junior Python Developer' });
    expect((await client.putPosting('client-go', { text: samplePosting('a02-go-backend-engineer') })).outcome).toBe('unchanged');
    const bulk = await client.bulkPostings([{ id: 'client-b1', text: samplePosting('a01-senior-java-backend') }]);
    expect(bulk.counts).toEqual({ created: 1, updated: 0, unchanged: 0 });
    const jsonl = await client.bulkPostings(`${JSON.stringify({ id: 'client-b1', text: samplePosting('a01-senior-java-backend') })}\n`);
    expect(jsonl.results).toEqual([{ id: 'client-b1', outcome: 'unchanged' }]);

    const page = await client.listPostings({ limit: 5 });
    expect(page.items).toHaveLength(5);
    expect(Object.keys(page.items[0]!).sort()).toEqual(POSTING_SUMMARY);
    expect(page.next).toEqual(expect.any(String));
    const all: string[] = [];
    for await (const p of client.allPostings({ limit: 7 })) all.push(p.id);
    expect(all).toHaveLength(63);
    expect(new Set(all).size).toBe(63);

    const got = await client.getPosting('client-go', { include: 'text' });
    expect(got.text).toBe(samplePosting('a02-go-backend-engineer'));
    const req = got.profile.requirements[0]!;
    expect(got.text!.slice(req.span.start, req.span.end)).toBe(req.text);
    expect(await client.deletePosting('client-b1')).toBeUndefined();
    expect((await failure(client.getPosting('client-b1'))).code).toBe('NOT_FOUND');
  });

  it('candidates: create, put a file, list, get without and with contact, delete', async () => {
    const created = await client.createCandidate({ id: 'marta', text: sampleResume('r01-java-backend-senior'), asOf: AS_OF });
    expect(Object.keys(created).sort()).toEqual(STORED_CANDIDATE);
    expect(created).toMatchObject({ id: 'marta', outcome: 'created', asOf: '2026-11' });
    const filed = await client.putCandidate('devops', { file: new Blob([sampleResume('r06-devops-sre-staff')], { type: 'text/plain' }), filename: 'devops.txt', asOf: AS_OF });
    expect(filed.outcome).toBe('created');
    const list = await client.listCandidates({ limit: 10 });
    expect(list.items.map((c) => c.id).sort()).toEqual(['devops', 'marta']);
    expect(Object.keys(list.items[0]!).sort()).toEqual(CANDIDATE_SUMMARY);
    const plain = await client.getCandidate('marta');
    expect(plain.contact).toBeUndefined();
    expect(plain.profile.skills.length).toBeGreaterThan(5);
    const withContact = await client.getCandidate('marta', { include: 'contact,text' });
    expect(withContact.contact?.email).toMatch(/@/);
    expect(withContact.text).toBe(sampleResume('r01-java-backend-senior'));
  });

  it('matching: match (text, full explanations; and a file), score, rank candidates, parse both kinds', async () => {
    const roles = await client.match({ text: sampleResume('r01-java-backend-senior'), asOf: AS_OF, top: 3, explain: 'full' });
    expect(roles.results).toHaveLength(3);
    const best = roles.results[0]!;
    expect(best.postingId).toBe('a01-senior-java-backend');
    expect(best.match?.requirements.length).toBeGreaterThan(3);
    expect(best.match?.score).toBe(best.score);
    expect(roles.stats.roles).toBe(62);
    const filed = await client.match({ file: new Blob([sampleResume('r01-java-backend-senior')]), filename: 'marta.txt', asOf: AS_OF, top: 1 });
    expect(filed.results[0]!.postingId).toBe('a01-senior-java-backend');
    expect(filed.results[0]!.match).toBeUndefined();

    const match = await client.score({ resume: { id: 'marta' }, posting: { id: 'a01-senior-java-backend' } });
    expect(match.score).toBe(best.score);
    expect(match.requirements.every((r) => r.evidence.every((e) => e.source === 'posting' || e.source === 'resume'))).toBe(true);

    const ranked = await client.rankCandidates('a01-senior-java-backend', { explain: 'full' });
    expect(ranked.results.map((r) => r.candidateId)).toEqual(['marta', 'devops']);
    expect(ranked.results[0]!.match?.gates.passed).toBe(true);
    expect((await client.rankCandidates('a01-senior-java-backend', { passingOnly: true })).results.map((r) => r.candidateId)).toEqual(['marta']);

    const posting = await client.parsePosting({ text: samplePosting('a01-senior-java-backend') });
    expect(posting.text).toBe(samplePosting('a01-senior-java-backend'));
    expect(posting.requirements.length).toBeGreaterThan(3);
    const resume = await client.parseResume({ file: new TextEncoder().encode(sampleResume('r02-frontend-react')), filename: 'r.txt', asOf: AS_OF });
    const skill = resume.skills[0]!;
    expect(resume.text.slice(skill.mentions[0]!.start, skill.mentions[0]!.end).length).toBeGreaterThan(0);
  });

  it('every failure is a RolefitApiError with the catalogue code, status and request id', async () => {
    const noKey = createClient({ baseUrl: server.address });
    const unauthorized = await failure(noKey.listPostings());
    expect(unauthorized).toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
    expect(unauthorized.requestId).toMatch(/\S/);
    const wrong = createClient({ baseUrl: server.address, apiKey: 'nope' });
    expect(await wrong.health()).toEqual({ status: 'ok' });
    expect((await failure(wrong.getPosting('a01-senior-java-backend'))).code).toBe('UNAUTHORIZED');
    const invalid = await failure(client.match({ text: 'x', top: 500 }, { requestId: 'client-42' }));
    expect(invalid).toMatchObject({ status: 400, code: 'REQUEST_INVALID', requestId: 'client-42' });
    expect(invalid.message).toMatch(/top/);
    expect(invalid.toJSON()).toEqual({ error: { code: 'REQUEST_INVALID', message: invalid.message }, requestId: 'client-42' });
    expect((await failure(client.score({ resume: { id: 'nobody' }, posting: { id: 'a01-senior-java-backend' } }))).code).toBe('NOT_FOUND');
    // A body that is not the service's error shape (a proxy's page) is still a typed error.
    const proxied = createClient({ baseUrl: 'http://proxy.invalid', fetch: async () => new Response('<h1>Bad gateway</h1>', { status: 502 }) });
    expect(await failure(proxied.health())).toMatchObject({ status: 502, code: 'UNEXPECTED_RESPONSE' });
    expect(await client.deleteCandidate('devops')).toBeUndefined();
    expect((await failure(client.getCandidate('devops'))).code).toBe('NOT_FOUND');
  });

  it('batches: stored postings against a text and a DOCX file, polled to done, results as CSV and NDJSON, cancel', async () => {
    let batch = await client.createBatch({ postingIds: ['a01-senior-java-backend', 'a02-go-backend-engineer'], resumes: [{ id: 'one', text: sampleResume('r01-java-backend-senior') }], top: 2 }, [{ file: new Uint8Array(await makeDocx(sampleResume('r06-devops-sre-staff'))), filename: 'devops.docx', id: 'two' }]);
    expect(batch.progress.total).toBeGreaterThan(0);
    for (let i = 0; i < 300 && (batch.status === 'queued' || batch.status === 'running'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      batch = await client.getBatch(batch.id);
    }
    expect(batch).toMatchObject({ status: 'done', error: null });
    expect(batch.progress.done).toBe(batch.progress.total);
    const csv = await (await client.batchResults(batch.id, 'csv')).text();
    expect(csv.split('\n')[0]).toMatch(/score/);
    const lines = (await (await client.batchResults(batch.id)).text()).trim().split('\n').map((l) => JSON.parse(l) as { resumeId: string; results?: Array<{ postingId: string }>; error?: unknown });
    expect(lines.map((l) => l.resumeId)).toEqual(['one', 'two']);
    // The DOCX was read as a document, not refused.
    for (const l of lines) expect(l.error, l.resumeId).toBeUndefined();
    expect(lines[0]!.results![0]!.postingId).toBe('a01-senior-java-backend');
    const cancelled = await client.cancelBatch(batch.id);
    expect(cancelled.id).toBe(batch.id);
    expect((await failure(client.getBatch('no-such-batch'))).code).toBe('NOT_FOUND');
  });
});
