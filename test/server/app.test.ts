// The HTTP service end to end through app.inject: health and readiness, postings (JSON, JSON-LD,
// files, bulk), matching and scoring over the 60 sample postings, candidates and their contact
// details, and parsing without storing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createEngine } from '../../src/engine.ts';
import { seedSamples } from '../../src/server/start.ts';
import { openSqliteStore } from '../../src/storage/sqlite.ts';
import { makeDocx, makePdf, textPdf } from '../helpers/documents.ts';
import { AS_OF, expectError, form, makeApp, samplePosting, sampleResume, type TestApp } from './helpers.ts';

const engine = createEngine();

const JAVA_POSTING_ID = 'a01-senior-java-backend';
const JAVA_POSTING = samplePosting(JAVA_POSTING_ID);
const JAVA_RESUME = sampleResume('r01-java-backend-senior');

const JOB_POSTING_LD = {
  '@context': 'https://schema.org',
  '@type': 'JobPosting',
  title: 'Senior Go Engineer',
  description: '<p>We build logistics APIs.</p><ul><li>5+ years of experience with Go</li><li>Experience running services on Kubernetes</li><li>Strong PostgreSQL skills</li></ul>',
  hiringOrganization: { '@type': 'Organization', name: 'Acme Logistics' },
  jobLocation: { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: 'Madrid', addressCountry: 'ES' } },
  employmentType: 'FULL_TIME',
};

/** Marta's résumé (r01) as a JSON Resume (jsonresume.org schema). */
const JSON_RESUME = {
  basics: {
    name: 'Marta Kowalczyk',
    label: 'Senior Backend Engineer',
    email: 'marta.kowalczyk@example.com',
    location: { city: 'Kraków', countryCode: 'PL' },
    summary: 'Backend engineer with 9 years of experience building high-throughput payment services on the JVM.',
  },
  work: [
    {
      name: 'Paynetic Solutions', position: 'Senior Backend Engineer', startDate: '2021-03',
      highlights: ['Lead a team of 4 engineers maintaining 12 Spring Boot microservices in Java', 'Migrated settlement to an event-driven architecture with Apache Kafka', 'Tuned PostgreSQL queries'],
    },
    {
      name: 'LogiRoute', position: 'Backend Developer', startDate: '2017-06', endDate: '2021-02',
      highlights: ['Built REST and gRPC services in Java 11 and Spring Boot', 'Deployed services to Kubernetes with Docker and Helm'],
    },
    { name: 'Softwerk Kraków', position: 'Junior Java Developer', startDate: '2015-09', endDate: '2017-05', highlights: ['Maintained a Java EE application with Hibernate'] },
  ],
  education: [{ institution: 'AGH University of Science and Technology', area: 'Computer Science', studyType: 'Master', endDate: '2015' }],
  skills: [{ name: 'Backend', keywords: ['Java', 'Spring Boot', 'Apache Kafka', 'RabbitMQ', 'PostgreSQL', 'Kubernetes', 'Kotlin', 'gRPC'] }],
  languages: [{ language: 'English', fluency: 'C1' }, { language: 'Polish', fluency: 'Native' }],
};

interface Span { start: number; end: number }
interface PostingOut {
  id: string; title: string | null; company: string | null; country: string | null; city: string | null; workMode: string | null;
  employmentType: string | null; format: string; outcome?: string; requirements?: number;
}
interface PostingDetail extends PostingOut {
  createdAt: string;
  profile: { title: string | null; requirements: Array<{ id: string; text: string; span: Span; required: boolean }> };
  text?: string;
}
interface ListOut { items: PostingOut[]; next: string | null }
interface MatchDoc { score: number; requirements: Array<{ id: string; status: string }>; weights: { kinds: Record<string, number>; relatedCredit: number } }
interface Result { postingId: string; title: string | null; score: number; gates: { passed: boolean; failed: string[] }; summary: string; reasons: string[]; match?: MatchDoc }
interface MatchOut { results: Result[]; stats: { roles: number; scored: number }; asOf: string; modelsVersion: string; scoringVersion: string }
interface Ready { status: string; postings: number; indexed: number; candidates: number; store: string }

const ok = <T>(res: LightMyRequestResponse, status = 200): T => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json<T>();
};
const ready = async (t: TestApp): Promise<Ready> => ok<Ready>(await t.app.inject({ method: 'GET', url: '/ready' }));
const getPosting = async (t: TestApp, id: string, query = ''): Promise<PostingDetail> =>
  ok<PostingDetail>(await t.app.inject({ method: 'GET', url: `/v1/postings/${id}${query}` }));
const match = async (t: TestApp, payload: object): Promise<MatchOut> =>
  ok<MatchOut>(await t.app.inject({ method: 'POST', url: '/v1/match', payload }));
const byScoreThenId = (a: { score: number; id: string }, b: { score: number; id: string }): number =>
  b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

async function listAll(t: TestApp, query: string, limit: number): Promise<{ items: PostingOut[]; pages: number }> {
  const items: PostingOut[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const url = `/v1/postings?limit=${limit}${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page: ListOut = ok<ListOut>(await t.app.inject({ method: 'GET', url }));
    expect(page.items.length).toBeLessThanOrEqual(limit);
    items.push(...page.items);
    cursor = page.next;
    pages++;
    expect(pages).toBeLessThan(1000);
  } while (cursor !== null);
  return { items, pages };
}

describe('health, readiness and request ids', () => {
  it('GET /health is ok; /ready is 503 until the catalog is loaded, then reports what the store and index hold', async () => {
    // Postings already in the store (a restart): a second catalog over the same store loads them.
    const store = openSqliteStore(':memory:');
    const first = await makeApp(engine, {}, { store });
    await first.catalog.putPostings([{ id: 'a', raw: JAVA_POSTING }, { id: 'b', raw: samplePosting('a02-go-backend-engineer') }]);
    const t = await makeApp(engine, {}, { store, load: false });
    try {
      expect(ok(await t.app.inject({ method: 'GET', url: '/health' }))).toEqual({ status: 'ok' });
      const loading = await t.app.inject({ method: 'GET', url: '/ready' });
      expect(loading.statusCode).toBe(503);
      expect(loading.json()).toEqual({ status: 'loading' });
      await t.catalog.load();
      expect(await ready(t)).toMatchObject({ status: 'ready', store: 'sqlite', postings: 2, indexed: 2, candidates: 0 });
      const r = await ready(t);
      expect(r).toHaveProperty('modelsVersion', engine.modelsVersion);
      expect(r).toHaveProperty('scoringVersion', engine.scoring.scoringVersion);
    } finally {
      await t.app.close();
      await first.close();
    }
  });

  it('gives every response a request id, and reuses the caller\'s x-request-id', async () => {
    const t = await makeApp(engine);
    try {
      const a = await t.app.inject({ method: 'GET', url: '/health' });
      const b = await t.app.inject({ method: 'GET', url: '/v1/postings' });
      expect(a.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(b.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);

      const given = await t.app.inject({ method: 'GET', url: '/ready', headers: { 'x-request-id': 'trace-42' } });
      expect(given.headers['x-request-id']).toBe('trace-42');
      // Errors carry it in the body as well.
      const missing = await t.app.inject({ method: 'GET', url: '/v1/postings/nope', headers: { 'x-request-id': 'trace-43' } });
      expect(expectError(missing, 404, 'NOT_FOUND').requestId).toBe('trace-43');
    } finally {
      await t.close();
    }
  });
});

describe('postings', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeApp(engine);
  });
  afterAll(async () => t.close());

  it('POST {id, text}: 201 created, the same again 200 unchanged, changed text 200 updated', async () => {
    const first = await t.app.inject({ method: 'POST', url: '/v1/postings', payload: { id: 'java-1', text: JAVA_POSTING } });
    expect(ok<PostingOut>(first, 201)).toMatchObject({
      id: 'java-1', outcome: 'created', title: 'Senior Backend Engineer (Java)', company: 'Lindqvist Freight Systems',
      country: 'DE', city: 'Berlin', workMode: 'hybrid', employmentType: 'full-time', format: 'text',
    });
    expect(first.json<PostingOut>().requirements).toBeGreaterThan(5);

    const again = await t.app.inject({ method: 'POST', url: '/v1/postings', payload: { id: 'java-1', text: JAVA_POSTING } });
    expect(ok<PostingOut>(again, 200)).toMatchObject({ id: 'java-1', outcome: 'unchanged' });

    const changed = `${JAVA_POSTING}\n- Experience with Terraform\n`;
    const updated = await t.app.inject({ method: 'POST', url: '/v1/postings', payload: { id: 'java-1', text: changed } });
    expect(ok<PostingOut>(updated, 200)).toMatchObject({ id: 'java-1', outcome: 'updated' });
    expect((await getPosting(t, 'java-1', '?include=text')).text).toBe(changed);
  });

  it('POST without an id makes a content-derived id, and a re-post is idempotent', async () => {
    const text = samplePosting('a02-go-backend-engineer');
    const a = ok<PostingOut>(await t.app.inject({ method: 'POST', url: '/v1/postings', payload: { text } }), 201);
    expect(a.id).toMatch(/^p_[0-9a-f]{16}$/);
    expect(a.outcome).toBe('created');
    const before = await t.store.countPostings();
    const b = ok<PostingOut>(await t.app.inject({ method: 'POST', url: '/v1/postings', payload: { text } }), 200);
    expect(b).toMatchObject({ id: a.id, outcome: 'unchanged' });
    expect(await t.store.countPostings()).toBe(before);
    const other = ok<PostingOut>(await t.app.inject({ method: 'POST', url: '/v1/postings', payload: { text: samplePosting('a03-junior-python-developer') } }), 201);
    expect(other.id).not.toBe(a.id);
  });

  it('PUT /v1/postings/:id creates, then replaces, the posting with that id', async () => {
    const created = await t.app.inject({ method: 'PUT', url: '/v1/postings/put-1', payload: { text: JAVA_POSTING } });
    expect(ok<PostingOut>(created, 201)).toMatchObject({ id: 'put-1', outcome: 'created', title: 'Senior Backend Engineer (Java)' });
    const same = await t.app.inject({ method: 'PUT', url: '/v1/postings/put-1', payload: { id: 'put-1', text: JAVA_POSTING } });
    expect(ok<PostingOut>(same, 200)).toMatchObject({ id: 'put-1', outcome: 'unchanged' });
    const replaced = await t.app.inject({ method: 'PUT', url: '/v1/postings/put-1', payload: { text: samplePosting('a13-data-engineer') } });
    expect(ok<PostingOut>(replaced, 200)).toMatchObject({ id: 'put-1', outcome: 'updated' });
    expect((await getPosting(t, 'put-1')).title).toBe(replaced.json<PostingOut>().title);
    expect((await getPosting(t, 'put-1')).title).not.toBe('Senior Backend Engineer (Java)');
  });

  it('POST a schema.org JobPosting JSON-LD body', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/v1/postings', payload: JOB_POSTING_LD });
    const out = ok<PostingOut>(res, 201);
    expect(out).toMatchObject({ outcome: 'created', format: 'jsonld', title: 'Senior Go Engineer', company: 'Acme Logistics', country: 'ES', city: 'Madrid', employmentType: 'full-time' });
    const detail = await getPosting(t, out.id, '?include=text');
    expect(detail.text).toContain('Kubernetes');
    expect(detail.profile.requirements.length).toBeGreaterThan(0);
    // JSON-LD is content-addressed like text: the same body again is unchanged.
    expect(ok<PostingOut>(await t.app.inject({ method: 'POST', url: '/v1/postings', payload: JOB_POSTING_LD }))).toMatchObject({ id: out.id, outcome: 'unchanged' });
  });

  it.each([
    { kind: 'text', file: async () => Buffer.from(JAVA_POSTING, 'utf8'), filename: 'posting.txt', type: 'text/plain', format: 'text' },
    { kind: 'PDF', file: async () => textPdf(JAVA_POSTING), filename: 'posting.pdf', type: 'application/pdf', format: 'pdf' },
    { kind: 'DOCX', file: async () => makeDocx(JAVA_POSTING), filename: 'posting.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', format: 'docx' },
  ])('POST a multipart $kind file', async ({ file, filename, type, format }) => {
    const res = await t.app.inject({ method: 'POST', url: '/v1/postings', payload: form({}, { content: await file(), filename, type }) });
    const out = ok<PostingOut>(res, 201);
    expect(out).toMatchObject({ outcome: 'created', title: 'Senior Backend Engineer (Java)', country: 'DE', city: 'Berlin', workMode: 'hybrid', format });
    expect(out.requirements).toBeGreaterThan(5);
    const detail = await getPosting(t, out.id, '?include=text');
    expect(detail.text).toContain('Kafka');
    // With an id form field, the posting takes it.
    const named = await t.app.inject({ method: 'POST', url: '/v1/postings', payload: form({ id: `file-${filename}` }, { content: await file(), filename, type }) });
    expect(ok<PostingOut>(named, 201)).toMatchObject({ id: `file-${filename}`, outcome: 'created' });
  });

  it('a PDF laid out in blocks (makePdf) is read too', async () => {
    const pdf = await makePdf([[
      { text: 'Senior Backend Engineer (Java)\nLocation: Berlin, Germany (Hybrid)', x: 50, y: 50, width: 480, size: 14 },
      { text: 'Requirements\n- 6+ years of backend development with Java and Spring Boot\n- Experience with Kafka and PostgreSQL', x: 50, y: 140, width: 480 },
    ]]);
    const out = ok<PostingOut>(await t.app.inject({ method: 'POST', url: '/v1/postings', payload: form({ id: 'blocks-pdf' }, { content: pdf, filename: 'p.pdf' }) }), 201);
    expect(out.country).toBe('DE');
    const detail = await getPosting(t, 'blocks-pdf', '?include=text');
    expect(detail.text).toContain('Spring Boot');
  });

  it('GET by id: the profile, and with include=text the text every requirement span points into', async () => {
    await t.app.inject({ method: 'PUT', url: '/v1/postings/get-1', payload: { text: JAVA_POSTING } });
    const plain = await getPosting(t, 'get-1');
    expect(plain).not.toHaveProperty('text');
    expect(plain).toMatchObject({ id: 'get-1', title: 'Senior Backend Engineer (Java)', format: 'text' });
    expect(Date.parse(plain.createdAt)).not.toBeNaN();

    const withText = await getPosting(t, 'get-1', '?include=text');
    expect(withText.text).toBe(JAVA_POSTING);
    const reqs = withText.profile.requirements;
    expect(reqs.length).toBeGreaterThan(5);
    for (const r of reqs) {
      expect(r.span.start).toBeGreaterThanOrEqual(0);
      expect(r.span.end).toBeGreaterThan(r.span.start);
      expect(r.span.end).toBeLessThanOrEqual(withText.text!.length);
      expect(withText.text!.slice(r.span.start, r.span.end)).toBe(r.text);
    }
    expect(reqs.some((r) => r.text.includes('Spring Boot'))).toBe(true);
  });

  it('DELETE: 204 with no body, then GET and DELETE are 404, and the posting leaves the index', async () => {
    await t.app.inject({ method: 'PUT', url: '/v1/postings/del-1', payload: { text: JAVA_POSTING } });
    const indexed = (await ready(t)).indexed;
    const del = await t.app.inject({ method: 'DELETE', url: '/v1/postings/del-1' });
    expect(del.statusCode).toBe(204);
    expect(del.body).toBe('');
    expectError(await t.app.inject({ method: 'GET', url: '/v1/postings/del-1' }), 404, 'NOT_FOUND');
    expectError(await t.app.inject({ method: 'DELETE', url: '/v1/postings/del-1' }), 404, 'NOT_FOUND');
    expect((await ready(t)).indexed).toBe(indexed - 1);
    const m = await match(t, { text: JAVA_RESUME, asOf: AS_OF, top: 100 });
    expect(m.results.map((r) => r.postingId)).not.toContain('del-1');
  });

  it('bulk as a JSON array: counts of created, updated and unchanged', async () => {
    const items = [
      { id: 'bulk-1', text: samplePosting('a04-nodejs-backend-engineer') },
      { id: 'bulk-2', text: samplePosting('a05-senior-dotnet-engineer') },
      { id: 'bulk-3', text: samplePosting('a06-ruby-on-rails-engineer') },
    ];
    const first = await t.app.inject({ method: 'POST', url: '/v1/postings/bulk', payload: items });
    expect(ok(first)).toEqual({ results: items.map((i) => ({ id: i.id, outcome: 'created' })), counts: { created: 3, updated: 0, unchanged: 0 } });
    const mixed = [items[0]!, { id: 'bulk-2', text: samplePosting('a07-frontend-engineer-react') }, { id: 'bulk-4', text: samplePosting('a08-angular-developer-contract') }];
    const second = await t.app.inject({ method: 'POST', url: '/v1/postings/bulk', payload: mixed });
    expect(ok<{ counts: object }>(second).counts).toEqual({ created: 1, updated: 1, unchanged: 1 });
    expect((await getPosting(t, 'bulk-4')).title).toBe(ok<PostingOut>(await t.app.inject({ method: 'POST', url: '/v1/postings/parse', payload: { text: mixed[2]!.text } })).title);
  });

  it.each(['application/x-ndjson', 'application/jsonl'])('bulk as JSONL (%s), ids optional', async (contentType) => {
    const tag = contentType.split('/')[1]!;
    const lines = [
      JSON.stringify({ id: `${tag}-1`, text: samplePosting('a09-frontend-intern-vue') }),
      '',
      JSON.stringify({ text: `${samplePosting('a10-senior-ios-engineer')}\n(${tag})` }),
    ].join('\n');
    const before = await t.store.countPostings();
    const res = await t.app.inject({ method: 'POST', url: '/v1/postings/bulk', headers: { 'content-type': contentType }, payload: `${lines}\n` });
    const out = ok<{ results: Array<{ id: string; outcome: string }>; counts: object }>(res);
    expect(out.counts).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(out.results[0]!.id).toBe(`${tag}-1`);
    expect(out.results[1]!.id).toMatch(/^p_[0-9a-f]{16}$/);
    expect(await t.store.countPostings()).toBe(before + 2);
  });
});

describe('bulk is all or nothing', () => {
  /** An app holding two postings, keep-1 and keep-2. */
  const fresh = async (): Promise<TestApp> => {
    const app = await makeApp(engine);
    await app.app.inject({ method: 'PUT', url: '/v1/postings/keep-1', payload: { text: JAVA_POSTING } });
    await app.app.inject({ method: 'PUT', url: '/v1/postings/keep-2', payload: { text: samplePosting('a02-go-backend-engineer') } });
    return app;
  };
  let t: TestApp;
  beforeAll(async () => {
    t = await fresh();
  });
  afterAll(async () => t.close());

  const good = { id: 'bulk-good', text: samplePosting('a11-android-engineer') };
  const changedKeep = { id: 'keep-1', text: `${JAVA_POSTING}\n- Experience with Terraform\n` };

  /** Sends the request and checks that nothing changed: count, index, the good items. */
  async function refused(payload: string | object, headers: Record<string, string> = {}, on: TestApp = t): Promise<LightMyRequestResponse> {
    const before = { count: await on.store.countPostings(), indexed: (await ready(on)).indexed, keep: await getPosting(on, 'keep-1', '?include=text') };
    const res = await on.app.inject({ method: 'POST', url: '/v1/postings/bulk', headers, payload });
    expect(await on.store.countPostings()).toBe(before.count);
    expect((await ready(on)).indexed).toBe(before.indexed);
    expectError(await on.app.inject({ method: 'GET', url: '/v1/postings/bulk-good' }), 404, 'NOT_FOUND');
    expect(await getPosting(on, 'keep-1', '?include=text')).toEqual(before.keep);
    return res;
  }

  it.each([
    { name: 'JSON that is not a JobPosting', bad: { id: 'bulk-bad', text: '{"name": "not a posting"}' }, status: 422, code: 'BULK_REJECTED' as const },
    { name: 'an HTML page without text', bad: { id: 'bulk-bad', text: '<!doctype html><html><body><script>var a = 1;</script></body></html>' }, status: 422, code: 'BULK_REJECTED' as const },
    { name: 'an empty text', bad: { id: 'bulk-bad', text: '' }, status: 400, code: 'REQUEST_INVALID' as const },
    { name: 'an item without text', bad: { id: 'bulk-bad' }, status: 400, code: 'REQUEST_INVALID' as const },
    { name: 'an unknown field', bad: { id: 'bulk-bad', text: 'Java developer', title: 'x' }, status: 400, code: 'REQUEST_INVALID' as const },
    { name: 'an id outside the pattern', bad: { id: '-bulk-bad', text: samplePosting('a12-flutter-developer') }, status: 400, code: 'REQUEST_INVALID' as const },
  ])('a JSON array with $name in it stores nothing ($status $code)', async ({ bad, status, code }) => {
    const res = await refused([good, changedKeep, bad]);
    const body = expectError(res, status, code);
    if (code === 'BULK_REJECTED') expect(body.error.message).toMatch(/^Item 2 \(id bulk-bad\)/);
  });

  it('a JSONL body with an unreadable document, or a line that is not JSON, stores nothing', async () => {
    const ndjson = { 'content-type': 'application/x-ndjson' };
    const unreadable = [JSON.stringify(good), JSON.stringify({ id: 'bulk-bad', text: '{"@type": "Person"}' })].join('\n');
    expectError(await refused(unreadable, ndjson), 422, 'BULK_REJECTED');
    const notJson = [JSON.stringify(good), '{"id": "bulk-bad", "text": '].join('\n');
    const body = expectError(await refused(notJson, ndjson), 400, 'REQUEST_INVALID');
    expect(body.error.message).toContain('line 2');
  });

  it('a one-item bulk reports the item\'s own code', async () => {
    expectError(await refused([{ id: 'bulk-bad', text: '{"name": "not a posting"}' }]), 415, 'INPUT_UNSUPPORTED_TYPE');
    expectError(await refused([]), 400, 'BODY_EMPTY');
  });

  // Regression: bulk items are checked like single documents; one unreadable item stores nothing.
  it('a JSON array with a whitespace-only item stores nothing', async () => {
    const own = await fresh();
    try {
      expectError(await refused([good, { id: 'bulk-bad', text: ' \n\t ' }], {}, own), 422, 'BULK_REJECTED');
    } finally {
      await own.close();
    }
  });

  // Regression: binary junk sent as text is refused in bulk too.
  it('a JSON array with a binary-junk item stores nothing', async () => {
    const own = await fresh();
    try {
      expectError(await refused([good, { id: 'bulk-bad', text: '\u0000\u0001\u0002\u0003\u0004\u0005junk\u0000\u0000' }], {}, own), 422, 'BULK_REJECTED');
    } finally {
      await own.close();
    }
  });
});

describe('listing postings', () => {
  let t: TestApp;
  let all: PostingOut[];
  beforeAll(async () => {
    t = await makeApp(engine);
    expect(await seedSamples(t.catalog)).toBe(60);
    all = ok<ListOut>(await t.app.inject({ method: 'GET', url: '/v1/postings?limit=1000' })).items;
  });
  afterAll(async () => t.close());

  it('pages with limit and cursor cover every posting once, in id order', async () => {
    expect(all).toHaveLength(60);
    const { items, pages } = await listAll(t, '', 7);
    expect(pages).toBe(9);
    const ids = items.map((p) => p.id);
    expect(new Set(ids).size).toBe(60);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toEqual(all.map((p) => p.id));
    expect(ids).toContain(JAVA_POSTING_ID);
    // The default page is 100: all 60 and no next cursor.
    expect(ok<ListOut>(await t.app.inject({ method: 'GET', url: '/v1/postings' })).next).toBeNull();
  });

  it.each([
    { query: '&country=DE', keep: (p: PostingOut) => p.country === 'DE' },
    { query: '&country=us', keep: (p: PostingOut) => p.country === 'US' },
    { query: '&workMode=remote', keep: (p: PostingOut) => p.workMode === 'remote' },
    { query: '&workMode=hybrid&country=US', keep: (p: PostingOut) => p.workMode === 'hybrid' && p.country === 'US' },
    { query: '&employmentType=full-time', keep: (p: PostingOut) => p.employmentType === 'full-time' },
  ])('filters $query, across pages', async ({ query, keep }) => {
    const expected = all.filter(keep).map((p) => p.id);
    expect(expected.length).toBeGreaterThan(1);
    const { items } = await listAll(t, query, 2);
    expect(items.map((p) => p.id)).toEqual(expected);
  });

  // Regression: the workMode filter accepts 'onsite' for the stored 'on-site'.
  it('workMode=onsite (the spelling the schema accepts) lists the on-site postings', async () => {
    const expected = all.filter((p) => p.workMode === 'on-site').map((p) => p.id);
    expect(expected.length).toBeGreaterThan(5);
    const res = await t.app.inject({ method: 'GET', url: '/v1/postings?workMode=onsite&limit=1000' });
    expect(ok<ListOut>(res).items.map((p) => p.id)).toEqual(expected);
  });
});

describe('matching over the 60 sample postings', () => {
  let t: TestApp;
  let country: Map<string, { country: string | null; workMode: string | null }>;
  beforeAll(async () => {
    t = await makeApp(engine);
    await seedSamples(t.catalog);
    const items = ok<ListOut>(await t.app.inject({ method: 'GET', url: '/v1/postings?limit=1000' })).items;
    country = new Map(items.map((p) => [p.id, { country: p.country, workMode: p.workMode }]));
  });
  afterAll(async () => t.close());

  // One filter, one normalisation: listing and ranking find the same postings however the
  // filter is spelled (regression: "Full-time" listed nothing, " berlin" ranked nothing).
  it.each([
    { query: 'employmentType=Full-time', body: { employmentType: 'Full-time' }, want: 'full-time' },
    { query: 'employmentType=full%20time', body: { employmentType: ' full time ' }, want: 'full-time' },
    { query: 'city=%20berlin', body: { city: ' berlin' }, want: 'berlin' },
    { query: 'city=BERLIN', body: { city: 'BERLIN' }, want: 'berlin' },
    { query: 'country=de', body: { country: 'de' }, want: 'DE' },
  ])('the filter $query lists and ranks the same postings', async ({ query, body }) => {
    const listed = ok<ListOut>(await t.app.inject({ method: 'GET', url: `/v1/postings?limit=1000&${query}` })).items.map((p) => p.id).sort();
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.length).toBeLessThan(60);
    const ranked = (await match(t, { text: JAVA_RESUME, asOf: AS_OF, top: 100, ...body })).results.map((r) => r.postingId).sort();
    expect(ranked).toEqual(listed);
  });

  it('ranks the Java backend posting first for the Java résumé, scores descending', async () => {
    const m = await match(t, { text: JAVA_RESUME, asOf: AS_OF });
    expect(m.results).toHaveLength(10);
    expect(m.results[0]!.postingId).toBe(JAVA_POSTING_ID);
    expect(m.results[0]!.title).toBe('Senior Backend Engineer (Java)');
    const scores = m.results.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(m.asOf).toBe('2026-11');
    expect(m.stats.roles).toBe(60);
    expect(m.modelsVersion).toBe(engine.modelsVersion);
    for (const r of m.results) {
      expect(r.summary).toMatch(/\S/);
      expect(Array.isArray(r.reasons)).toBe(true);
      expect(r).not.toHaveProperty('match');
    }
  });

  it.each([1, 3, 25])('top=%i is honoured, and is a prefix of a longer ranking', async (top) => {
    const long = await match(t, { text: JAVA_RESUME, asOf: AS_OF, top: 50 });
    const m = await match(t, { text: JAVA_RESUME, asOf: AS_OF, top });
    expect(m.results).toHaveLength(top);
    expect(m.results).toEqual(long.results.slice(0, top));
  });

  it.each([
    { filter: { country: 'DE' } },
    { filter: { country: 'de' } },
    { filter: { workMode: 'remote' } },
    { filter: { country: 'US', workMode: 'hybrid' } },
  ])('filters $filter: every result is such a posting, and none is missed', async ({ filter }) => {
    const m = await match(t, { text: JAVA_RESUME, asOf: AS_OF, top: 100, ...filter });
    const want = [...country].filter(([, p]) => (!filter.country || p.country === filter.country.toUpperCase()) && (!('workMode' in filter) || p.workMode === filter.workMode));
    expect(m.results.length).toBe(want.length);
    expect(m.results.length).toBeGreaterThan(0);
    for (const r of m.results) {
      const p = await getPosting(t, r.postingId);
      if (filter.country) expect(p.country).toBe(filter.country.toUpperCase());
      if ('workMode' in filter) expect(p.workMode).toBe(filter.workMode);
    }
  });

  // Regression: the same alias in /v1/match filters.
  it('workMode=onsite keeps the on-site postings', async () => {
    const m = await match(t, { text: JAVA_RESUME, asOf: AS_OF, top: 100, workMode: 'onsite' });
    const want = [...country].filter(([, p]) => p.workMode === 'on-site');
    expect(want.length).toBeGreaterThan(5);
    expect(m.results.length).toBe(want.length);
  });

  it('minScore and passingOnly keep exactly the results that clear them', async () => {
    const every = (await match(t, { text: JAVA_RESUME, asOf: AS_OF, top: 100 })).results;
    expect(every).toHaveLength(60);
    const floor = every[7]!.score;
    const above = await match(t, { text: JAVA_RESUME, asOf: AS_OF, top: 100, minScore: floor });
    expect(above.results).toEqual(every.filter((r) => r.score >= floor));
    expect(above.results.length).toBeGreaterThanOrEqual(8);

    const passing = await match(t, { text: JAVA_RESUME, asOf: AS_OF, top: 100, passingOnly: true });
    expect(passing.results.length).toBeGreaterThan(0);
    expect(passing.results.length).toBeLessThan(60);
    expect(passing.results).toEqual(every.filter((r) => r.gates.passed));
  });

  it('explain: full adds the whole match, requirement by requirement', async () => {
    const m = await match(t, { text: JAVA_RESUME, asOf: AS_OF, top: 3, explain: 'full' });
    expect(m.results).toHaveLength(3);
    for (const r of m.results) {
      expect(r.match).toBeDefined();
      expect(r.match!.score).toBe(r.score);
      expect(r.match!.requirements.length).toBeGreaterThan(0);
    }
  });

  it('per-request weights change the scores, and the match echoes them', async () => {
    const base = await match(t, { text: JAVA_RESUME, asOf: AS_OF, top: 100 });
    const weights = { kinds: { skill: 0, experience: 0, education: 0, language: 0, leadership: 0, certification: 0, other: 0 }, gateCap: 20, relatedCredit: 0 };
    const tuned = await match(t, { text: JAVA_RESUME, asOf: AS_OF, top: 100, weights, explain: 'full' });
    const before = new Map(base.results.map((r) => [r.postingId, r.score]));
    const changed = tuned.results.filter((r) => r.score !== before.get(r.postingId));
    expect(changed.length).toBeGreaterThan(10);
    expect(tuned.results[0]!.match!.weights.relatedCredit).toBe(0);
    expect(tuned.results[0]!.match!.weights.kinds.skill).toBe(0);
    // Weights as a JSON string (the multipart form's way) are the same weights.
    const asString = await match(t, { text: JAVA_RESUME, asOf: AS_OF, top: 100, weights: JSON.stringify(weights) });
    expect(asString.results.map((r) => [r.postingId, r.score])).toEqual(tuned.results.map((r) => [r.postingId, r.score]));
  });

  it('a JSON Resume body matches like the text résumé', async () => {
    const m = await match(t, { resume: JSON_RESUME, asOf: AS_OF, top: 5 });
    expect(m.results).toHaveLength(5);
    expect(m.results[0]!.postingId).toBe(JAVA_POSTING_ID);
  });

  it('a multipart résumé file with form fields (top=2, asOf)', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/v1/match', payload: form({ top: '2', asOf: AS_OF }, { content: JAVA_RESUME, filename: 'cv.txt', type: 'text/plain' }) });
    const m = ok<MatchOut>(res);
    expect(m.results).toHaveLength(2);
    expect(m.results[0]!.postingId).toBe(JAVA_POSTING_ID);
    const asJson = await match(t, { text: JAVA_RESUME, asOf: AS_OF, top: 2 });
    expect(m.results).toEqual(asJson.results);

    const pdf = await t.app.inject({ method: 'POST', url: '/v1/match', payload: form({ top: '2', asOf: AS_OF, country: 'DE' }, { content: await textPdf(JAVA_RESUME), filename: 'cv.pdf' }) });
    expect(ok<MatchOut>(pdf).results.map((r) => r.postingId)[0]).toBe(JAVA_POSTING_ID);
  });

  it('a stored candidate via candidateId ranks like its résumé', async () => {
    const stored = await t.app.inject({ method: 'POST', url: '/v1/candidates', payload: { id: 'marta', text: JAVA_RESUME, asOf: AS_OF } });
    expect(stored.statusCode).toBe(201);
    const byId = await match(t, { candidateId: 'marta', top: 10 });
    const byText = await match(t, { text: JAVA_RESUME, asOf: AS_OF, top: 10 });
    expect(byId.results).toEqual(byText.results);
    expect(byId.asOf).toBe('2026-11');
  });

  it.each([
    'r01-java-backend-senior',
    'r03-data-engineer',
    'r11-account-executive',
  ])('top 5 for %s equals scoring every stored posting with /v1/score', async (name) => {
    const text = sampleResume(name);
    const m = await match(t, { text, asOf: AS_OF, top: 5 });
    const scored: Array<{ id: string; score: number }> = [];
    for (const id of country.keys()) {
      const res = await t.app.inject({ method: 'POST', url: '/v1/score', payload: { resume: { text }, posting: { id }, asOf: AS_OF, explain: false } });
      scored.push({ id, score: ok<{ score: number }>(res).score });
    }
    scored.sort(byScoreThenId);
    expect(m.results.map((r) => ({ id: r.postingId, score: r.score }))).toEqual(scored.slice(0, 5));
    // The in-memory roles score like the posting read afresh from its text.
    for (const r of m.results) {
      const res = await t.app.inject({ method: 'POST', url: '/v1/score', payload: { resume: { text }, posting: { text: samplePosting(r.postingId) }, asOf: AS_OF, explain: false } });
      expect(ok<{ score: number }>(res).score, r.postingId).toBe(r.score);
    }
  });
});

describe('scoring one pair', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeApp(engine);
    await seedSamples(t.catalog);
    await t.app.inject({ method: 'POST', url: '/v1/candidates', payload: { id: 'marta', text: JAVA_RESUME, asOf: AS_OF } });
  });
  afterAll(async () => t.close());

  const score = async (payload: object): Promise<MatchDoc> => ok<MatchDoc>(await t.app.inject({ method: 'POST', url: '/v1/score', payload }));

  it('two documents, or stored ids, give the same explained score', async () => {
    const docs = await score({ resume: { text: JAVA_RESUME }, posting: { text: JAVA_POSTING }, asOf: AS_OF });
    expect(docs.score).toBeGreaterThan(80);
    expect(docs.score).toBeLessThanOrEqual(100);
    expect(docs.requirements.length).toBeGreaterThan(5);
    expect((await score({ resume: { text: JAVA_RESUME }, posting: { id: JAVA_POSTING_ID }, asOf: AS_OF })).score).toBe(docs.score);
    expect((await score({ resume: { id: 'marta' }, posting: { id: JAVA_POSTING_ID } })).score).toBe(docs.score);
    // A JSON Resume and a JobPosting object work as well.
    const structured = await score({ resume: { resume: JSON_RESUME }, posting: { posting: JOB_POSTING_LD }, asOf: AS_OF });
    expect(structured.score).toBeGreaterThanOrEqual(0);
    // It agrees with /v1/match's score for the same pair.
    const m = await match(t, { text: JAVA_RESUME, asOf: AS_OF, top: 1 });
    expect(m.results[0]!.score).toBe(docs.score);
  });

  it('weights change the score', async () => {
    const base = await score({ resume: { text: sampleResume('r03-data-engineer') }, posting: { id: JAVA_POSTING_ID }, asOf: AS_OF });
    const tuned = await score({ resume: { text: sampleResume('r03-data-engineer') }, posting: { id: JAVA_POSTING_ID }, asOf: AS_OF, weights: { gateCap: 5, gateShareWeight: 0 } });
    expect(tuned.score).not.toBe(base.score);
    expect(tuned.weights).toMatchObject({ gateCap: 5 });
  });

  it('an unknown posting or candidate id is 404 NOT_FOUND', async () => {
    const posting = expectError(await t.app.inject({ method: 'POST', url: '/v1/score', payload: { resume: { text: JAVA_RESUME }, posting: { id: 'no-such-posting' } } }), 404, 'NOT_FOUND');
    expect(posting.error.message).toContain('no-such-posting');
    expectError(await t.app.inject({ method: 'POST', url: '/v1/score', payload: { resume: { id: 'nobody' }, posting: { id: JAVA_POSTING_ID } } }), 404, 'NOT_FOUND');
  });
});

describe('candidates', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeApp(engine);
    await seedSamples(t.catalog);
  });
  afterAll(async () => t.close());

  interface CandidateOut { id: string; outcome: string; asOf: string; skills: number }
  interface CandidateDetail {
    id: string;
    profile: { contact: { name: string | null; email: string | null; phone: string | null }; skills: unknown[] };
    contact?: { name: string | null; email: string | null; phone: string | null };
    text?: string;
  }
  const put = async (id: string, text: string, status = 201): Promise<CandidateOut> =>
    ok<CandidateOut>(await t.app.inject({ method: 'POST', url: '/v1/candidates', payload: { id, text, asOf: AS_OF } }), status);
  const contactRows = (id: string): number =>
    t.store.db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM candidate_contacts WHERE candidate_id = ?').get(id)!.n;

  it('POST stores a résumé (201, then 200 unchanged); its contact block is kept apart', async () => {
    const created = await put('marta', JAVA_RESUME);
    expect(created).toMatchObject({ id: 'marta', outcome: 'created', asOf: '2026-11' });
    expect(created.skills).toBeGreaterThan(10);
    expect(await put('marta', JAVA_RESUME, 200)).toMatchObject({ outcome: 'unchanged' });
    expect(contactRows('marta')).toBe(1);

    const plain = await t.app.inject({ method: 'GET', url: '/v1/candidates/marta' });
    const c = ok<CandidateDetail>(plain);
    expect(c).not.toHaveProperty('contact');
    expect(c).not.toHaveProperty('text');
    expect(c.profile.contact).toMatchObject({ name: null, email: null, phone: null });
    expect(plain.body).not.toContain('marta.kowalczyk@example.com');
    expect(plain.body).not.toContain('512 304 771');

    const withContact = ok<CandidateDetail>(await t.app.inject({ method: 'GET', url: '/v1/candidates/marta?include=contact' }));
    expect(withContact.contact).toMatchObject({ name: 'Marta Kowalczyk', email: 'marta.kowalczyk@example.com' });
    expect(withContact.profile.contact.email).toBeNull();
    expect(withContact).not.toHaveProperty('text');

    const both = ok<CandidateDetail>(await t.app.inject({ method: 'GET', url: '/v1/candidates/marta?include=contact,text' }));
    expect(both.contact?.email).toBe('marta.kowalczyk@example.com');
    expect(both.text).toBe(JAVA_RESUME);
  });

  it('the list has no contact details', async () => {
    await put('list-java', JAVA_RESUME);
    const res = await t.app.inject({ method: 'GET', url: '/v1/candidates?limit=1000' });
    const list = ok<{ items: Array<Record<string, unknown>>; next: string | null }>(res);
    expect(list.items.map((c) => c.id)).toContain('list-java');
    for (const c of list.items) {
      expect(c).not.toHaveProperty('contact');
      expect(c).not.toHaveProperty('profile');
    }
    expect(res.body).not.toContain('marta.kowalczyk@example.com');
    expect(res.body).not.toContain('Kowalczyk');
  });

  it('POST /v1/postings/:id/candidates ranks the stored candidates, best first', async () => {
    await put('rank-java', JAVA_RESUME);
    await put('rank-frontend', sampleResume('r02-frontend-react'));
    await put('rank-nurse', sampleResume('r18-registered-nurse'));
    const res = await t.app.inject({ method: 'POST', url: `/v1/postings/${JAVA_POSTING_ID}/candidates`, payload: {} });
    const out = ok<{ results: Array<{ candidateId: string; score: number; gates: object; summary: string }>; stats: { candidates: number } }>(res);
    const ids = out.results.map((r) => r.candidateId);
    expect(ids).toEqual(expect.arrayContaining(['rank-java', 'rank-frontend', 'rank-nurse']));
    expect(ids.indexOf('rank-java')).toBeLessThan(ids.indexOf('rank-frontend'));
    expect(ids.indexOf('rank-frontend')).toBeLessThan(ids.indexOf('rank-nurse'));
    const scores = out.results.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(out.stats.candidates).toBe(ok<{ items: unknown[] }>(await t.app.inject({ method: 'GET', url: '/v1/candidates?limit=1000' })).items.length);
    // Java résumés all score the same; ties are broken by id.
    const java = out.results.filter((r) => r.score === out.results[0]!.score).map((r) => r.candidateId);
    expect(java).toEqual([...java].sort());

    const top1 = ok<{ results: unknown[] }>(await t.app.inject({ method: 'POST', url: `/v1/postings/${JAVA_POSTING_ID}/candidates`, payload: { top: 1 } }));
    expect(top1.results).toHaveLength(1);
    expectError(await t.app.inject({ method: 'POST', url: '/v1/postings/no-such-posting/candidates', payload: {} }), 404, 'NOT_FOUND');
  });

  // Regression: every ranking option has a default, so the body may be left out.
  it('POST /v1/postings/:id/candidates without a body ranks with the defaults', async () => {
    await put('nobody-java', JAVA_RESUME);
    const res = await t.app.inject({ method: 'POST', url: `/v1/postings/${JAVA_POSTING_ID}/candidates` });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('DELETE removes the candidate and everything kept about them', async () => {
    await put('gone', JAVA_RESUME);
    expect(contactRows('gone')).toBe(1);
    const del = await t.app.inject({ method: 'DELETE', url: '/v1/candidates/gone' });
    expect(del.statusCode).toBe(204);
    expect(del.body).toBe('');
    expectError(await t.app.inject({ method: 'GET', url: '/v1/candidates/gone' }), 404, 'NOT_FOUND');
    expectError(await t.app.inject({ method: 'GET', url: '/v1/candidates/gone?include=contact' }), 404, 'NOT_FOUND');
    expectError(await t.app.inject({ method: 'DELETE', url: '/v1/candidates/gone' }), 404, 'NOT_FOUND');
    expectError(await t.app.inject({ method: 'POST', url: '/v1/match', payload: { candidateId: 'gone' } }), 404, 'NOT_FOUND');
    const ranked = ok<{ results: Array<{ candidateId: string }> }>(await t.app.inject({ method: 'POST', url: `/v1/postings/${JAVA_POSTING_ID}/candidates`, payload: { top: 100 } }));
    expect(ranked.results.map((r) => r.candidateId)).not.toContain('gone');
    expect(contactRows('gone')).toBe(0);
    expect(t.store.db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM candidates WHERE id = ?').get('gone')!.n).toBe(0);
    const everything = JSON.stringify(t.store.db.prepare('SELECT * FROM candidate_contacts').all());
    expect(everything).not.toContain('"gone"');
  });

  it('a JSON Resume and a multipart file are stored too', async () => {
    const json = ok<CandidateOut>(await t.app.inject({ method: 'POST', url: '/v1/candidates', payload: { id: 'json-marta', resume: JSON_RESUME, asOf: AS_OF } }), 201);
    expect(json.skills).toBeGreaterThan(3);
    const c = ok<CandidateDetail>(await t.app.inject({ method: 'GET', url: '/v1/candidates/json-marta?include=contact' }));
    expect(c.contact).toMatchObject({ name: 'Marta Kowalczyk', email: 'marta.kowalczyk@example.com' });
    const file = await t.app.inject({ method: 'POST', url: '/v1/candidates', payload: form({ id: 'pdf-marta', asOf: AS_OF }, { content: await textPdf(JAVA_RESUME), filename: 'cv.pdf' }) });
    expect(ok<CandidateOut>(file, 201)).toMatchObject({ id: 'pdf-marta', outcome: 'created' });
    const put2 = await t.app.inject({ method: 'PUT', url: '/v1/candidates/put-marta', payload: { text: JAVA_RESUME, asOf: AS_OF } });
    expect(ok<CandidateOut>(put2, 201)).toMatchObject({ id: 'put-marta', outcome: 'created' });
  });
});

describe('parsing without storing', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeApp(engine);
    await t.app.inject({ method: 'PUT', url: '/v1/postings/one', payload: { text: JAVA_POSTING } });
    await t.app.inject({ method: 'PUT', url: '/v1/candidates/one', payload: { text: JAVA_RESUME, asOf: AS_OF } });
  });
  afterAll(async () => t.close());

  const counts = async () => ({ postings: await t.store.countPostings(), candidates: await t.store.countCandidates(), ready: await ready(t) });

  it('/v1/postings/parse returns the profile with its text and stores nothing', async () => {
    const before = await counts();
    const res = await t.app.inject({ method: 'POST', url: '/v1/postings/parse', payload: { text: samplePosting('a13-data-engineer') } });
    const p = ok<{ title: string; text: string; requirements: Array<{ text: string; span: Span }> }>(res);
    expect(p.text).toBe(samplePosting('a13-data-engineer'));
    expect(p.requirements.length).toBeGreaterThan(3);
    for (const r of p.requirements) expect(p.text.slice(r.span.start, r.span.end)).toBe(r.text);
    const ld = ok<{ title: string; format: string; text: string }>(await t.app.inject({ method: 'POST', url: '/v1/postings/parse', payload: JOB_POSTING_LD }));
    expect(ld).toMatchObject({ title: 'Senior Go Engineer', format: 'jsonld' });
    const pdf = ok<{ title: string; text: string }>(await t.app.inject({ method: 'POST', url: '/v1/postings/parse', payload: form({}, { content: await textPdf(JAVA_POSTING), filename: 'p.pdf' }) }));
    expect(pdf.title).toBe('Senior Backend Engineer (Java)');
    expect(await counts()).toEqual(before);
  });

  it('/v1/resumes/parse returns the profile (contact included) with its text and stores nothing', async () => {
    const before = await counts();
    const res = await t.app.inject({ method: 'POST', url: '/v1/resumes/parse', payload: { text: JAVA_RESUME, asOf: AS_OF } });
    const r = ok<{ asOf: string; text: string; contact: { name: string; email: string }; positions: Array<{ title: string }>; format: string }>(res);
    expect(r).toMatchObject({ asOf: '2026-11', text: JAVA_RESUME, format: 'text', contact: { name: 'Marta Kowalczyk', email: 'marta.kowalczyk@example.com' } });
    expect(r.positions.map((p) => p.title)).toContain('Senior Backend Engineer');
    const json = ok<{ format: string; text: string }>(await t.app.inject({ method: 'POST', url: '/v1/resumes/parse', payload: { resume: JSON_RESUME, asOf: AS_OF } }));
    expect(json.format).toBe('jsonresume');
    expect(json.text).toContain('Paynetic Solutions');
    const docx = ok<{ positions: unknown[] }>(await t.app.inject({ method: 'POST', url: '/v1/resumes/parse', payload: form({ asOf: AS_OF }, { content: await makeDocx(JAVA_RESUME), filename: 'cv.docx' }) }));
    expect(docx.positions.length).toBeGreaterThan(0);
    expect(await counts()).toEqual(before);
  });
});

describe('asOf "document" over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeApp(engine);
  });
  afterAll(async () => t.close());

  it('a dated PDF résumé is read as of its own date, on parse, match and a stored candidate', async () => {
    const text = 'Ana Pereira\n\nEXPERIENCE\nBackend Engineer, Acme Corp\nJanuary 2012 – Present\n- Built services in Java and PostgreSQL\n';
    const pdf = await textPdf(text, { info: { ModDate: new Date('2015-03-12T00:00:00Z') } });
    const parsed = ok<{ asOf: string; documentDate: string; experience: { totalMonths: number } }>(await t.app.inject({ method: 'POST', url: '/v1/resumes/parse', payload: form({ asOf: 'document' }, { content: pdf, filename: 'cv.pdf' }) }));
    expect(parsed).toMatchObject({ asOf: '2015-03', documentDate: '2015-03-12', experience: { totalMonths: 39 } });
    const matched = ok<{ asOf: string }>(await t.app.inject({ method: 'POST', url: '/v1/match', payload: form({ asOf: 'document', top: '1' }, { content: pdf, filename: 'cv.pdf' }) }));
    expect(matched.asOf).toBe('2015-03');
    const stored = ok<{ asOf: string; totalMonths: number }>(await t.app.inject({ method: 'PUT', url: '/v1/candidates/dated', payload: form({ asOf: 'document' }, { content: pdf, filename: 'cv.pdf' }) }), 201);
    expect(stored).toMatchObject({ asOf: '2015-03', totalMonths: 39 });
    expectError(await t.app.inject({ method: 'POST', url: '/v1/resumes/parse', payload: { text, asOf: 'documents' } }), 400, 'REQUEST_INVALID');
  });
});
