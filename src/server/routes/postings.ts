// Postings: create (JSON text, JSON-LD, or a file), bulk create, get, list, update, delete.

import type { FastifyInstance } from 'fastify';
import { createError } from '../../errors.ts';
import type { StoredPosting } from '../../storage/store.ts';
import type { Catalog, DocumentIn } from '../../app/index.ts';
import { isJsonLd, postingIn } from '../documents.ts';
import { errorResponses, idParams, includeQuery, listQuery, openResponse, postingBody } from '../schemas.ts';
import { filterFrom } from '../../domain/filter.ts';

interface Limits {
  maxBulkBytes: number;
}

function summaryOf(p: StoredPosting) {
  const pr = p.profile;
  return { id: p.id, title: pr.title, company: pr.company, location: pr.location.text, country: pr.location.country, city: pr.location.city, workMode: pr.location.workMode, employmentType: pr.employmentType, format: p.format, modelsVersion: p.modelsVersion, updatedAt: p.updatedAt };
}

/** JSONL (one {"id","text"} object a line) for bulk uploads. */
function parseJsonl(body: string): unknown[] {
  const out: unknown[] = [];
  body.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      out.push(JSON.parse(line));
    } catch (e) {
      throw createError('REQUEST_INVALID', { reason: `line ${i + 1} is not JSON (${(e as Error).message})` });
    }
  });
  return out;
}

export function postingRoutes(app: FastifyInstance, catalog: Catalog, limits: Limits): void {
  const readPosting = (body: unknown, id?: string): DocumentIn => {
    const doc = postingIn(body);
    // A JSON-LD body's own fields are the posting's, never our id.
    const finalId = id ?? (isJsonLd(body) ? undefined : (body as { id?: string }).id);
    return { ...doc, ...(finalId ? { id: finalId } : {}) };
  };
  const put = async (doc: DocumentIn, reply: { code: (n: number) => unknown }) => {
    const [r] = await catalog.putPostings([doc]);
    const stored = (await catalog.store.getPosting(r!.id))!;
    reply.code(r!.outcome === 'created' ? 201 : 200);
    return { ...summaryOf(stored), outcome: r!.outcome, requirements: stored.profile.requirements.length, warnings: stored.profile.warnings };
  };

  app.post('/v1/postings', {
    schema: { tags: ['postings'], summary: 'Store a posting (JSON {id?, text}, a JobPosting JSON-LD body, or a multipart file)', body: postingBody, response: openResponse('the stored posting: id, outcome (created, updated, unchanged), title, location, requirements (count), warnings') },
  }, async (req, reply) => put(readPosting(req.body), reply));

  app.put('/v1/postings/:id', {
    schema: { tags: ['postings'], summary: 'Create or replace the posting with this id', params: idParams, body: postingBody, response: openResponse('the stored posting: id, outcome, title, location, requirements (count), warnings') },
  }, async (req, reply) => {
    const { id } = req.params as { id: string };
    const b = req.body as { id?: string };
    if (!isJsonLd(b) && b.id !== undefined && b.id !== id) throw createError('REQUEST_INVALID', { reason: `the body's id "${b.id}" differs from the URL's "${id}"` });
    return put(readPosting(req.body, id), reply);
  });

  app.post('/v1/postings/bulk', {
    bodyLimit: limits.maxBulkBytes,
    schema: {
      tags: ['postings'],
      summary: 'Store many postings in one transaction: a JSON array of {id?, text}, or JSONL (application/x-ndjson)',
      response: openResponse('{results: [{id, outcome}], counts: {created, updated, unchanged}}'),
      body: { type: 'array', maxItems: 100000, items: { type: 'object', additionalProperties: false, required: ['text'], properties: { id: { type: 'string' }, text: { type: 'string', minLength: 1 } } } },
    },
  }, async (req) => {
    const items = req.body as Array<{ id?: string; text: string }>;
    if (items.length === 0) throw createError('BODY_EMPTY', { what: 'at least one posting' });
    const results = await catalog.putPostings(items.map((it) => ({ raw: it.text, ...(it.id !== undefined ? { id: it.id } : {}) })));
    const counts = { created: 0, updated: 0, unchanged: 0 };
    for (const r of results) counts[r.outcome]++;
    return { results, counts };
  });

  app.get('/v1/postings', {
    schema: { tags: ['postings'], summary: 'List stored postings, filtered, with cursor pagination', querystring: listQuery, response: openResponse('{items: [posting summaries], next: cursor or null}') },
  }, async (req) => {
    const q = req.query as { limit: number; cursor?: string; country?: string; city?: string; workMode?: string; employmentType?: string };
    const page = await catalog.store.listPostings(filterFrom(q), { limit: q.limit, cursor: q.cursor ?? null });
    return { items: page.items.map(summaryOf), next: page.next };
  });

  app.get('/v1/postings/:id', {
    schema: { tags: ['postings'], summary: 'A stored posting with its profile (include=text adds the text its spans point into)', params: idParams, querystring: includeQuery(['text']), response: openResponse('posting summary with profile (PostingProfile)') },
  }, async (req) => {
    const { id } = req.params as { id: string };
    const p = await catalog.store.getPosting(id);
    if (!p) throw createError('NOT_FOUND', { what: 'posting', id });
    const { include } = req.query as { include?: string };
    return { ...summaryOf(p), createdAt: p.createdAt, profile: p.profile, ...(include === 'text' ? { text: p.text } : {}) };
  });

  app.delete('/v1/postings/:id', {
    schema: { tags: ['postings'], summary: 'Delete a posting', params: idParams, response: errorResponses },
  }, async (req, reply) => {
    const { id } = req.params as { id: string };
    if (!(await catalog.deletePosting(id))) throw createError('NOT_FOUND', { what: 'posting', id });
    return reply.code(204).send();
  });
}

export { parseJsonl };
