// Every bad request is a 4xx with its catalogue code, the plain {error: {code, message}, requestId}
// body and no stack trace, and it changes nothing in the store; API keys, the rate limit and a
// store that fails answer the same way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { createEngine } from '../../src/engine.ts';
import type { ErrorCode } from '../../src/errors.ts';
import { makePdf } from '../helpers/documents.ts';
import { AS_OF, expectError, form, makeApp, samplePosting, sampleResume, type TestApp } from './helpers.ts';

const engine = createEngine();

const JAVA_POSTING = samplePosting('a01-senior-java-backend');
const JAVA_RESUME = sampleResume('r01-java-backend-senior');
const SMALL_LIMIT = 2000;
/** Over SMALL_LIMIT as a document, under its JSON body limit (twice SMALL_LIMIT). */
const OVER_LIMIT = `${JAVA_POSTING}\n${JAVA_POSTING.slice(0, 500)}`;
const json = { 'content-type': 'application/json' };

interface Row {
  name: string;
  status: number;
  code: ErrorCode;
  /** Use the app whose maxInputBytes is SMALL_LIMIT. */
  small?: boolean;
  req: () => InjectOptions | Promise<InjectOptions>;
}

const post = (url: string, payload: object | string, headers: Record<string, string> = {}): InjectOptions => ({ method: 'POST', url, payload, headers });
const get = (url: string): InjectOptions => ({ method: 'GET', url });
const postFile = (url: string, content: Buffer | string, fields: Record<string, string> = {}) => post(url, form(fields, { content, filename: 'upload.bin' }));

const ROWS: Row[] = [
  // Bodies and content types.
  { name: 'an empty body sent as JSON', status: 400, code: 'BODY_EMPTY', req: () => post('/v1/postings', '', json) },
  { name: 'an empty JSON body to /v1/match', status: 400, code: 'BODY_EMPTY', req: () => post('/v1/match', '', json) },
  { name: 'no body and no content type', status: 400, code: 'REQUEST_INVALID', req: () => ({ method: 'POST', url: '/v1/postings' }) },
  { name: 'malformed JSON', status: 400, code: 'BODY_MALFORMED_JSON', req: () => post('/v1/postings', '{"text": "Java', json) },
  { name: 'malformed JSON to /v1/match', status: 400, code: 'BODY_MALFORMED_JSON', req: () => post('/v1/match', '{text: nope}', json) },
  { name: 'a text/plain body', status: 415, code: 'CONTENT_TYPE_UNSUPPORTED', req: () => post('/v1/postings', JAVA_POSTING, { 'content-type': 'text/plain' }) },
  { name: 'an application/xml body', status: 415, code: 'CONTENT_TYPE_UNSUPPORTED', req: () => post('/v1/match', '<resume/>', { 'content-type': 'application/xml' }) },
  { name: 'a JSON array where an object is expected', status: 400, code: 'REQUEST_INVALID', req: () => post('/v1/postings', [{ text: 'Java' }]) },
  { name: 'a JSON string body', status: 400, code: 'REQUEST_INVALID', req: () => post('/v1/postings', '"Java developer"', json) },
  // Schema: unknown or missing fields, wrong values.
  { name: 'an unknown field', status: 400, code: 'REQUEST_INVALID', req: () => post('/v1/postings', { text: JAVA_POSTING, title: 'x' }) },
  { name: 'an unknown field in /v1/match', status: 400, code: 'REQUEST_INVALID', req: () => post('/v1/match', { text: JAVA_RESUME, limit: 3 }) },
  { name: 'an unknown field in a multipart form', status: 400, code: 'REQUEST_INVALID', req: () => post('/v1/postings', form({}, { name: 'document', content: JAVA_POSTING })) },
  { name: 'a posting body with neither text nor JSON-LD', status: 400, code: 'REQUEST_INVALID', req: () => post('/v1/postings', { name: 'not a posting' }) },
  { name: 'a match with no résumé', status: 400, code: 'REQUEST_INVALID', req: () => post('/v1/match', { top: 3 }) },
  { name: 'a score without a posting', status: 400, code: 'REQUEST_INVALID', req: () => post('/v1/score', { resume: { text: JAVA_RESUME } }) },
  { name: 'an id given to /v1/resumes/parse', status: 400, code: 'REQUEST_INVALID', req: () => post('/v1/resumes/parse', { id: 'x', text: JAVA_RESUME }) },
  { name: 'an empty text ""', status: 400, code: 'REQUEST_INVALID', req: () => post('/v1/postings', { text: '' }) },
  { name: 'an empty résumé text ""', status: 400, code: 'REQUEST_INVALID', req: () => post('/v1/match', { text: '' }) },
  { name: 'a whitespace-only text', status: 400, code: 'INPUT_EMPTY', req: () => post('/v1/postings', { text: ' \n\t  ' }) },
  { name: 'a whitespace-only résumé', status: 400, code: 'INPUT_EMPTY', req: () => post('/v1/candidates', { text: '   ' }) },
  { name: 'a whitespace-only file', status: 400, code: 'INPUT_EMPTY', req: () => postFile('/v1/postings', '  \n\n  ') },
  { name: 'top: 0', status: 400, code: 'REQUEST_INVALID', req: () => post('/v1/match', { text: JAVA_RESUME, top: 0 }) },
  { name: 'top: 1000', status: 400, code: 'REQUEST_INVALID', req: () => post('/v1/match', { text: JAVA_RESUME, top: 1000 }) },
  { name: 'top: "many"', status: 400, code: 'REQUEST_INVALID', req: () => post('/v1/match', { text: JAVA_RESUME, top: 'many' }) },
  { name: 'top=0 in a multipart form', status: 400, code: 'REQUEST_INVALID', req: () => postFile('/v1/match', JAVA_RESUME, { top: '0' }) },
  { name: 'minScore: 101', status: 400, code: 'REQUEST_INVALID', req: () => post('/v1/match', { text: JAVA_RESUME, minScore: 101 }) },
  { name: 'an explain level that does not exist', status: 400, code: 'REQUEST_INVALID', req: () => post('/v1/match', { text: JAVA_RESUME, explain: 'everything' }) },
  { name: 'a country that is not a 2-letter code', status: 400, code: 'REQUEST_INVALID', req: () => post('/v1/match', { text: JAVA_RESUME, country: 'Germany' }) },
  { name: 'an asOf that is not a date', status: 400, code: 'REQUEST_INVALID', req: () => post('/v1/match', { text: JAVA_RESUME, asOf: 'today' }) },
  // Weights.
  { name: 'weights {relatedCredit: 5}', status: 400, code: 'REQUEST_INVALID', req: () => post('/v1/match', { text: JAVA_RESUME, weights: { relatedCredit: 5 } }) },
  { name: 'weights {bogus: 1}', status: 400, code: 'REQUEST_INVALID', req: () => post('/v1/match', { text: JAVA_RESUME, weights: { bogus: 1 } }) },
  { name: 'weights {kinds: {skill: -1}}', status: 400, code: 'REQUEST_INVALID', req: () => post('/v1/match', { text: JAVA_RESUME, weights: { kinds: { skill: -1 } } }) },
  { name: 'weights {kinds: {charm: 1}}', status: 400, code: 'REQUEST_INVALID', req: () => post('/v1/match', { text: JAVA_RESUME, weights: { kinds: { charm: 1 } } }) },
  { name: 'weights that are an array', status: 400, code: 'REQUEST_INVALID', req: () => post('/v1/match', { text: JAVA_RESUME, weights: [1] }) },
  { name: 'weights that are not JSON (form field)', status: 400, code: 'REQUEST_INVALID', req: () => postFile('/v1/match', JAVA_RESUME, { weights: '{relatedCredit' }) },
  { name: 'weights {bogus: 1} in /v1/score', status: 400, code: 'REQUEST_INVALID', req: () => post('/v1/score', { resume: { text: JAVA_RESUME }, posting: { id: 'java' }, weights: { bogus: 1 } }) },
  { name: 'weights {gateCap: 500} when ranking candidates', status: 400, code: 'REQUEST_INVALID', req: () => post('/v1/postings/java/candidates', { weights: { gateCap: 500 } }) },
  // Documents rolefit cannot read.
  { name: 'a multipart file of binary junk', status: 415, code: 'INPUT_NOT_TEXT', req: () => postFile('/v1/postings', Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0, 7, 8, 0, 0, 0x1f, 0x80, 0x90])) },
  { name: 'a binary-junk résumé file', status: 415, code: 'INPUT_NOT_TEXT', req: () => postFile('/v1/match', Buffer.from('\u0000\u0001\u0002\u0003binary\u0000', 'latin1')) },
  { name: 'an encrypted PDF', status: 422, code: 'INPUT_ENCRYPTED', req: async () => postFile('/v1/postings', await makePdf([[{ text: JAVA_POSTING, x: 50, y: 50, width: 480 }]], { userPassword: 'secret' })) },
  { name: 'an image-only PDF', status: 422, code: 'INPUT_NO_TEXT_LAYER', req: async () => postFile('/v1/match', await makePdf([[], []], { shapesOnly: true })) },
  { name: 'a truncated PDF', status: 422, code: 'INPUT_CORRUPT', req: () => postFile('/v1/postings', Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog', 'latin1')) },
  { name: 'a DOCX that is not a zip', status: 422, code: 'INPUT_CORRUPT', req: () => postFile('/v1/candidates', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('not really a docx')])) },
  { name: 'JSON text that is not a JobPosting', status: 415, code: 'INPUT_UNSUPPORTED_TYPE', req: () => post('/v1/postings', { text: '{"name": "a thing", "price": 3}' }) },
  { name: 'a JSON-LD body that is not a JobPosting', status: 415, code: 'INPUT_UNSUPPORTED_TYPE', req: () => post('/v1/postings', { '@context': 'https://schema.org', '@type': 'Person', name: 'Ada' }) },
  { name: 'a résumé object that is not a JSON Resume', status: 415, code: 'INPUT_UNSUPPORTED_TYPE', req: () => post('/v1/match', { resume: { name: 'Ada', likes: ['cats'] } }) },
  { name: 'résumé text that is JSON but not a JSON Resume', status: 415, code: 'INPUT_UNSUPPORTED_TYPE', req: () => post('/v1/candidates', { text: '{"hello": "world"}' }) },
  // Sizes (the app with maxInputBytes = 2000; JSON bodies may be up to twice that).
  { name: 'a file over the size limit', small: true, status: 413, code: 'INPUT_TOO_LARGE', req: () => postFile('/v1/postings', OVER_LIMIT) },
  { name: 'a résumé file over the size limit', small: true, status: 413, code: 'INPUT_TOO_LARGE', req: () => postFile('/v1/match', JAVA_RESUME) },
  { name: 'a JSON text over the size limit', small: true, status: 413, code: 'INPUT_TOO_LARGE', req: () => post('/v1/postings', { text: OVER_LIMIT }) },
  { name: 'a JSON body over the body limit', small: true, status: 413, code: 'INPUT_TOO_LARGE', req: () => post('/v1/postings', { text: JAVA_POSTING.repeat(2) }) },
  { name: 'a JSON body over the body limit to /v1/match', small: true, status: 413, code: 'INPUT_TOO_LARGE', req: () => post('/v1/match', { text: JAVA_RESUME.repeat(2) }) },
  // Ids, routes, queries.
  { name: 'an unknown posting id', status: 404, code: 'NOT_FOUND', req: () => get('/v1/postings/no-such-posting') },
  { name: 'deleting an unknown posting', status: 404, code: 'NOT_FOUND', req: () => ({ method: 'DELETE', url: '/v1/postings/no-such-posting' }) },
  { name: 'scoring against an unknown posting id', status: 404, code: 'NOT_FOUND', req: () => post('/v1/score', { resume: { text: JAVA_RESUME }, posting: { id: 'no-such-posting' } }) },
  { name: 'ranking candidates for an unknown posting', status: 404, code: 'NOT_FOUND', req: () => post('/v1/postings/no-such-posting/candidates', {}) },
  { name: 'an unknown candidate id', status: 404, code: 'NOT_FOUND', req: () => get('/v1/candidates/no-such-candidate') },
  { name: 'deleting an unknown candidate', status: 404, code: 'NOT_FOUND', req: () => ({ method: 'DELETE', url: '/v1/candidates/no-such-candidate' }) },
  { name: 'matching an unknown candidateId', status: 404, code: 'NOT_FOUND', req: () => post('/v1/match', { candidateId: 'no-such-candidate' }) },
  { name: 'a posting id that breaks the pattern (GET)', status: 400, code: 'REQUEST_INVALID', req: () => get('/v1/postings/-leading-dash') },
  { name: 'a posting id with a space (PUT)', status: 400, code: 'REQUEST_INVALID', req: () => ({ method: 'PUT', url: '/v1/postings/a%20b', payload: { text: JAVA_POSTING } }) },
  { name: 'a body id that breaks the pattern', status: 400, code: 'REQUEST_INVALID', req: () => post('/v1/postings', { id: 'has/slash', text: JAVA_POSTING }) },
  { name: 'a candidate id that breaks the pattern', status: 400, code: 'REQUEST_INVALID', req: () => get('/v1/candidates/%F0%9F%98%80') },
  { name: 'a PUT whose body id differs from the URL', status: 400, code: 'REQUEST_INVALID', req: () => ({ method: 'PUT', url: '/v1/postings/one-id', payload: { id: 'another-id', text: JAVA_POSTING } }) },
  { name: 'a candidate PUT whose body id differs from the URL', status: 400, code: 'REQUEST_INVALID', req: () => ({ method: 'PUT', url: '/v1/candidates/one-id', payload: { id: 'another-id', text: JAVA_RESUME } }) },
  { name: 'an unknown route', status: 404, code: 'ROUTE_NOT_FOUND', req: () => get('/v1/nothing-here') },
  { name: 'an unknown route outside /v1', status: 404, code: 'ROUTE_NOT_FOUND', req: () => post('/match', { text: JAVA_RESUME }) },
  { name: 'a method the route does not have', status: 404, code: 'ROUTE_NOT_FOUND', req: () => ({ method: 'PATCH', url: '/v1/postings/java', payload: { text: JAVA_POSTING } }) },
  { name: 'a cursor this server never gave out', status: 400, code: 'REQUEST_INVALID', req: () => get('/v1/postings?cursor=bm90LWEtY3Vyc29y') },
  { name: 'a cursor that is not base64url', status: 400, code: 'REQUEST_INVALID', req: () => get('/v1/postings?cursor=%21%21%21') },
  { name: 'a candidates cursor used for postings', status: 400, code: 'REQUEST_INVALID', req: () => get(`/v1/postings?cursor=${Buffer.from('c:x').toString('base64url')}`) },
  { name: 'a postings cursor used for candidates', status: 400, code: 'REQUEST_INVALID', req: () => get(`/v1/candidates?cursor=${Buffer.from('p:x').toString('base64url')}`) },
  { name: 'limit=0', status: 400, code: 'REQUEST_INVALID', req: () => get('/v1/postings?limit=0') },
  { name: 'limit=1001', status: 400, code: 'REQUEST_INVALID', req: () => get('/v1/candidates?limit=1001') },
  { name: 'an unknown query parameter', status: 400, code: 'REQUEST_INVALID', req: () => get('/v1/postings?sort=title') },
  { name: 'include=everything', status: 400, code: 'REQUEST_INVALID', req: () => get('/v1/postings/java?include=everything') },
  { name: 'include=contact on a posting', status: 400, code: 'REQUEST_INVALID', req: () => get('/v1/postings/java?include=contact') },
  // Bulk.
  { name: 'an empty bulk array', status: 400, code: 'BODY_EMPTY', req: () => post('/v1/postings/bulk', []) },
  { name: 'a bulk object instead of an array', status: 400, code: 'REQUEST_INVALID', req: () => post('/v1/postings/bulk', { id: 'x', text: JAVA_POSTING }) },
  { name: 'a JSONL line that is not JSON', status: 400, code: 'REQUEST_INVALID', req: () => post('/v1/postings/bulk', `${JSON.stringify({ id: 'ok', text: JAVA_POSTING })}\n{nope\n`, { 'content-type': 'application/x-ndjson' }) },
  { name: 'a bulk item that cannot be read', status: 422, code: 'BULK_REJECTED', req: () => post('/v1/postings/bulk', [{ id: 'ok', text: JAVA_POSTING }, { id: 'bad', text: '{"not": "a posting"}' }]) },
];

describe('bad requests', () => {
  let t: TestApp;
  let small: TestApp;
  beforeAll(async () => {
    t = await makeApp(engine);
    small = await makeApp(engine, { maxInputBytes: SMALL_LIMIT });
    for (const a of [t, small]) {
      await a.app.inject({ method: 'PUT', url: '/v1/postings/java', payload: { text: JAVA_POSTING.slice(0, 1500) } });
      await a.app.inject({ method: 'PUT', url: '/v1/candidates/marta', payload: { text: JAVA_RESUME.slice(0, 1500), asOf: AS_OF } });
    }
  });
  afterAll(async () => {
    await t.close();
    await small.close();
  });

  const snapshot = async (a: TestApp) => ({
    postings: await a.store.countPostings(),
    candidates: await a.store.countCandidates(),
    indexed: a.catalog.index.size,
    ranked: a.catalog.candidateCount,
    java: (await a.store.getPosting('java'))?.updatedAt,
  });

  it('the fixtures are in place', async () => {
    expect(await snapshot(t)).toMatchObject({ postings: 1, candidates: 1, indexed: 1, ranked: 1 });
    expect(await snapshot(small)).toMatchObject({ postings: 1, candidates: 1, indexed: 1, ranked: 1 });
  });

  it.each(ROWS)('$name -> $status $code, and the store is unchanged', async (row) => {
    const a = row.small ? small : t;
    const before = await snapshot(a);
    const res = await a.app.inject(await row.req());
    expectError(res, row.status, row.code);
    expect(await snapshot(a)).toEqual(before);
  });

  it('the messages say what was wrong', async () => {
    const body = (o: InjectOptions) => t.app.inject(o).then((r) => r.json<{ error: { message: string } }>().error.message);
    expect(await body(post('/v1/match', { text: JAVA_RESUME, weights: { bogus: 1 } }))).toContain('bogus');
    expect(await body(post('/v1/match', { text: JAVA_RESUME, weights: { relatedCredit: 5 } }))).toContain('relatedCredit');
    expect(await body(get('/v1/postings/no-such-posting'))).toContain('no-such-posting');
    expect(await body(post('/v1/postings', '', { 'content-type': 'text/plain' }))).toContain('text/plain');
    expect(await body({ method: 'PUT', url: '/v1/postings/one-id', payload: { id: 'another-id', text: JAVA_POSTING } })).toContain('another-id');
    expect(await body(get('/v1/nothing-here?x=1'))).toBe('No route GET /v1/nothing-here: see /docs for the API.');
    expect(await body(post('/v1/postings/bulk', [{ id: 'ok', text: JAVA_POSTING }, { id: 'bad', text: '{"not": "a posting"}' }]))).toMatch(/^Item 1 \(id bad\) cannot be read, so nothing was stored: /);
    const tooBig = await small.app.inject(post('/v1/postings', { text: OVER_LIMIT }));
    expect(tooBig.json<{ error: { message: string } }>().error.message).toContain(String(SMALL_LIMIT));
  });

  // Regression: size errors from Fastify and multipart read as a sentence.
  it('an oversized upload gets a readable message', async () => {
    const res = await small.app.inject(postFile('/v1/postings', OVER_LIMIT));
    const { error } = expectError(res, 413, 'INPUT_TOO_LARGE');
    expect(error.message).not.toContain('limit of bytes');
  });

  // Regression: busboy's errors (no boundary, truncated body) are the client's: 4xx, not 500.
  it.each([
    { name: 'no boundary', headers: { 'content-type': 'multipart/form-data' }, payload: 'xx' },
    { name: 'a truncated body', headers: { 'content-type': 'multipart/form-data; boundary=abc' }, payload: '--abc\r\nContent-Disposition: form-data; name="text"\r\n\r\nJava' },
  ])('a malformed multipart body ($name) is a 4xx, not a 500', async ({ headers, payload }) => {
    const res = await t.app.inject({ method: 'POST', url: '/v1/postings', headers, payload });
    expect(res.statusCode, res.body).toBeLessThan(500);
  });

  // Regression: ids up to 128 characters are reachable by URL (Fastify's maxParamLength is raised).
  it('a posting whose id has 110 characters can be read and deleted by URL', async () => {
    const own = await makeApp(engine);
    try {
      const id = `p${'x'.repeat(109)}`;
      expect((await own.app.inject(post('/v1/postings', { id, text: JAVA_POSTING }))).statusCode).toBe(201);
      expect((await own.app.inject(get(`/v1/postings/${id}`))).statusCode).toBe(200);
      expect((await own.app.inject({ method: 'DELETE', url: `/v1/postings/${id}` })).statusCode).toBe(204);
    } finally {
      await own.close();
    }
  });

  // The same limit, for an id the pattern refuses anyway: the answer should still be coded.
  it('a 129-character id in the URL is a coded REQUEST_INVALID', async () => {
    expectError(await t.app.inject({ method: 'DELETE', url: `/v1/postings/${'a'.repeat(129)}` }), 400, 'REQUEST_INVALID');
  });

  // Regression: an asOf that is not a date is REQUEST_INVALID, without the CLI's wording.
  it('an asOf with month 13 is REQUEST_INVALID with a message about asOf', async () => {
    const res = await t.app.inject(post('/v1/match', { text: JAVA_RESUME, asOf: '2026-13' }));
    const { error } = expectError(res, 400, 'REQUEST_INVALID');
    expect(error.message).not.toContain('--as-of');
  });

  // Regression: binary junk in a JSON `text` is INPUT_NOT_TEXT, as it is for a file.
  it('binary junk as JSON text is INPUT_NOT_TEXT and is not stored', async () => {
    const own = await makeApp(engine);
    try {
      const res = await own.app.inject(post('/v1/postings', { text: '\u0000\u0001\u0002\u0003\u0004junk\u0000\u0000\u0005' }));
      expect(await own.store.countPostings()).toBe(0);
      expectError(res, 415, 'INPUT_NOT_TEXT');
    } finally {
      await own.close();
    }
  });
});

describe('API keys', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeApp(engine, { apiKeys: ['s3cret', 'other-key'] });
  });
  afterAll(async () => t.close());

  it.each([
    { name: 'no key', headers: {} },
    { name: 'a wrong bearer key', headers: { authorization: 'Bearer wrong' } },
    { name: 'a wrong x-api-key', headers: { 'x-api-key': 'wrong' } },
    { name: 'a key prefix', headers: { 'x-api-key': 's3cre' } },
    { name: 'the key without "Bearer "', headers: { authorization: 's3cret' } },
    { name: 'Basic auth', headers: { authorization: `Basic ${Buffer.from('user:s3cret').toString('base64')}` } },
  ])('/v1/* with $name -> 401 UNAUTHORIZED', async ({ headers }) => {
    for (const req of [get('/v1/postings'), post('/v1/match', { text: JAVA_RESUME }), get('/v1/nothing-here')]) {
      expectError(await t.app.inject({ ...req, headers }), 401, 'UNAUTHORIZED');
    }
    expect(await t.store.countPostings()).toBe(0);
  });

  it.each([
    { name: 'Authorization: Bearer', headers: { authorization: 'Bearer s3cret' } },
    { name: 'x-api-key', headers: { 'x-api-key': 's3cret' } },
    { name: 'the second key', headers: { 'x-api-key': 'other-key' } },
  ])('/v1/* with $name -> 200', async ({ headers }) => {
    const res = await t.app.inject({ ...get('/v1/postings'), headers });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('/health, /ready and the docs stay open', async () => {
    expect((await t.app.inject(get('/health'))).statusCode).toBe(200);
    expect((await t.app.inject(get('/ready'))).statusCode).toBe(200);
    expect((await t.app.inject(get('/docs/json'))).statusCode).toBe(200);
  });
});

describe('rate limit', () => {
  it('the 4th /v1 request in a minute is 429 RATE_LIMITED; /health is not limited', async () => {
    const t = await makeApp(engine, { rateLimitPerMinute: 3 });
    try {
      for (let i = 0; i < 3; i++) expect((await t.app.inject(get('/v1/postings'))).statusCode).toBe(200);
      const limited = await t.app.inject(get('/v1/postings'));
      const { error } = expectError(limited, 429, 'RATE_LIMITED');
      expect(error.message).toContain('3 per minute');
      expect(limited.headers['retry-after']).toBeDefined();
      expectError(await t.app.inject(post('/v1/match', { text: JAVA_RESUME })), 429, 'RATE_LIMITED');
      for (let i = 0; i < 5; i++) {
        expect((await t.app.inject(get('/health'))).statusCode).toBe(200);
        expect((await t.app.inject(get('/ready'))).statusCode).toBe(200);
      }
    } finally {
      await t.close();
    }
  });

  it('each API key has its own budget', async () => {
    const t = await makeApp(engine, { rateLimitPerMinute: 3, apiKeys: ['k1', 'k2'] });
    try {
      for (let i = 0; i < 3; i++) expect((await t.app.inject({ ...get('/v1/postings'), headers: { 'x-api-key': 'k1' } })).statusCode).toBe(200);
      expectError(await t.app.inject({ ...get('/v1/postings'), headers: { 'x-api-key': 'k1' } }), 429, 'RATE_LIMITED');
      expect((await t.app.inject({ ...get('/v1/postings'), headers: { 'x-api-key': 'k2' } })).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });

  // Regression: without configured keys, made-up key headers do not open new rate-limit buckets.
  it('without API keys, made-up x-api-key headers do not escape the limit', async () => {
    const t = await makeApp(engine, { rateLimitPerMinute: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 6; i++) codes.push((await t.app.inject({ ...get('/v1/postings'), headers: { 'x-api-key': `made-up-${i}` } })).statusCode);
      expect(codes).toEqual([200, 200, 200, 429, 429, 429]);
    } finally {
      await t.close();
    }
  });

  // Regression: a percent-encoded /v1 prefix skipped the limit (it was decided from the raw URL).
  it('every spelling of a route counts against the same limit, with or without a key', async () => {
    for (const keys of [[], ['k1']]) {
      const t = await makeApp(engine, { rateLimitPerMinute: 3, apiKeys: keys });
      try {
        const headers = keys.length ? { 'x-api-key': 'k1' } : {};
        const codes: number[] = [];
        for (const url of ['/%76%31/postings', '/v%31/postings', '/v1/%70ostings', '/%76%31/postings', '/v1/postings']) codes.push((await t.app.inject({ ...get(url), headers })).statusCode);
        expect(codes).toEqual([200, 200, 200, 429, 429]);
      } finally {
        await t.close();
      }
    }
  });

  // Regression: one key is one bucket, whichever header carries it.
  it('one key counts once whether it is sent as Bearer or x-api-key', async () => {
    const t = await makeApp(engine, { rateLimitPerMinute: 3, apiKeys: ['k1'] });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 6; i++) {
        const headers = i % 2 === 0 ? { authorization: 'Bearer k1' } : { 'x-api-key': 'k1' };
        codes.push((await t.app.inject({ ...get('/v1/postings'), headers })).statusCode);
      }
      expect(codes).toEqual([200, 200, 200, 429, 429, 429]);
    } finally {
      await t.close();
    }
  });
});

describe('a store that fails', () => {
  it('answers a coded 5xx without a stack trace; /ready says the store is unavailable', async () => {
    const t = await makeApp(engine);
    await t.app.inject({ method: 'PUT', url: '/v1/postings/java', payload: { text: JAVA_POSTING } });
    await t.store.close();
    try {
      // better-sqlite3 throws a TypeError ("The database connection is not open"): the store is
      // unavailable (503), which is not the caller's fault and not a bug in rolefit either.
      for (const req of [
        get('/v1/postings'),
        get('/v1/postings/java'),
        get('/v1/candidates'),
        post('/v1/postings', { id: 'new', text: JAVA_POSTING }),
        { method: 'DELETE' as const, url: '/v1/postings/java' },
        post('/v1/candidates', { text: JAVA_RESUME }),
      ]) {
        expectError(await t.app.inject(req), 503, 'STORE_UNAVAILABLE');
      }
      const r = await t.app.inject(get('/ready'));
      expect(r.statusCode).toBe(503);
      expect(r.json()).toEqual({ status: 'store unavailable', error: { code: 'STORE_UNAVAILABLE', message: expect.any(String) as string }, requestId: expect.any(String) as string });
      expect(r.body).not.toMatch(/\/src\/|\.ts:\d+/);
      // Matching reads only the in-memory index, so it still answers.
      expect((await t.app.inject(post('/v1/match', { text: JAVA_RESUME, asOf: AS_OF }))).statusCode).toBe(200);
      expect((await t.app.inject(get('/health'))).statusCode).toBe(200);
    } finally {
      await t.app.close();
    }
  });
});
