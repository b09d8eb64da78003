// What the client puts on the wire, through a recording fetch: the key header, URLs and query
// strings, JSON versus multipart bodies (a file plus the body's other fields as form fields), and
// batches (files as base64 résumés).
import { describe, expect, it } from 'vitest';
import { createClient, RolefitApiError } from '../../src/client/index.ts';

interface Sent { method: string; url: URL; headers: Record<string, string>; body: unknown }

function recording(answer: (s: Sent) => Response = () => Response.json({ ok: true })) {
  const sent: Sent[] = [];
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const s: Sent = { method: init?.method ?? 'GET', url: new URL(String(input)), headers: { ...(init?.headers as Record<string, string>) }, body: init?.body };
    sent.push(s);
    return answer(s);
  }) as typeof globalThis.fetch;
  return { sent, client: createClient({ baseUrl: 'http://rolefit.test/base//', apiKey: 'k1', fetch, headers: { 'x-trace': 't' } }) };
}

describe('client requests', () => {
  it('sends the key as a bearer token, keeps a base path, and encodes ids and queries', async () => {
    const { sent, client } = recording();
    await client.getPosting('a/b c', { include: 'text' });
    await client.listPostings({ country: 'DE', limit: 5 });
    expect(sent[0]!.url.href).toBe('http://rolefit.test/base/v1/postings/a%2Fb%20c?include=text');
    expect(sent[0]!.headers).toMatchObject({ authorization: 'Bearer k1', 'x-trace': 't' });
    expect(Object.fromEntries(sent[1]!.url.searchParams)).toEqual({ country: 'DE', limit: '5' });
  });

  it('sends JSON bodies as JSON and files as multipart with the other fields as form fields', async () => {
    const { sent, client } = recording();
    await client.match({ text: 'Java developer', top: 3, weights: { gateCap: 70 } });
    expect(sent[0]!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(sent[0]!.body as string)).toEqual({ text: 'Java developer', top: 3, weights: { gateCap: 70 } });
    await client.match({ file: new TextEncoder().encode('Java developer'), filename: 'cv.txt', top: 3, passingOnly: true, weights: { gateCap: 70 } });
    const form = sent[1]!.body as FormData;
    expect(form).toBeInstanceOf(FormData);
    expect(sent[1]!.headers['content-type']).toBeUndefined();
    expect(form.get('top')).toBe('3');
    expect(form.get('passingOnly')).toBe('true');
    expect(form.get('weights')).toBe('{"gateCap":70}');
    const file = form.get('file') as File;
    expect(file.name).toBe('cv.txt');
    expect(await file.text()).toBe('Java developer');
    await client.bulkPostings('{"text":"x"}\n');
    expect(sent[2]!.headers['content-type']).toBe('application/x-ndjson');
  });

  it('batches: JSON, with files sent as base64 résumés after the texts; status, results and cancel', async () => {
    const status = { id: 'b1', status: 'queued', progress: { done: 0, total: 4 }, createdAt: 'x', finishedAt: null, error: null };
    const { sent, client } = recording(() => Response.json(status, { status: 202 }));
    expect(await client.createBatch({ postingIds: ['p1'], resumes: [{ id: 'r', text: 'Java' }], top: 2 })).toEqual(status);
    expect(JSON.parse(sent[0]!.body as string)).toEqual({ postingIds: ['p1'], resumes: [{ id: 'r', text: 'Java' }], top: 2 });
    const binary = new Uint8Array(70_000).map((_, i) => i % 251);
    await client.createBatch({ postingIds: ['p1'], resumes: [{ text: 'Go' }], passingOnly: true }, [{ file: new Blob(['one']), filename: 'one.txt' }, { file: binary, filename: 'two.pdf', id: 'two' }]);
    const body = JSON.parse(sent[1]!.body as string) as { resumes: Array<{ text?: string; base64?: string; filename?: string; id?: string }>; passingOnly: boolean };
    expect(body.passingOnly).toBe(true);
    expect(body.resumes.map((r) => r.filename ?? r.text)).toEqual(['Go', 'one.txt', 'two.pdf']);
    expect(Buffer.from(body.resumes[1]!.base64!, 'base64').toString()).toBe('one');
    expect(new Uint8Array(Buffer.from(body.resumes[2]!.base64!, 'base64'))).toEqual(binary);
    expect(body.resumes[2]!.id).toBe('two');
    await client.getBatch('b1');
    await client.batchResults('b1', 'csv');
    await client.cancelBatch('b1');
    expect(sent.slice(2).map((s) => `${s.method} ${s.url.pathname}${s.url.search}`)).toEqual(['GET /base/v1/batches/b1', 'GET /base/v1/batches/b1/results?format=csv', 'DELETE /base/v1/batches/b1']);
  });

  it('turns an error body into a RolefitApiError, and a 204 into undefined', async () => {
    const { client } = recording((s) => (s.method === 'DELETE' ? new Response(null, { status: 204 }) : Response.json({ error: { code: 'SERVER_BUSY', message: 'busy' }, requestId: 'r9' }, { status: 503 })));
    expect(await client.deleteCandidate('x')).toBeUndefined();
    const e = await client.ready().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(RolefitApiError);
    expect(e).toMatchObject({ status: 503, code: 'SERVER_BUSY', message: 'busy', requestId: 'r9', name: 'RolefitApiError' });
  });
});
