// Candidates: stored résumé profiles. The contact block is kept apart and returned only when
// asked; deleting a candidate deletes everything kept about them.

import type { FastifyInstance } from 'fastify';
import { createError } from '../../errors.ts';
import type { StoredCandidate } from '../../storage/store.ts';
import { asOfOption, REQUEST, type Catalog } from '../../app/index.ts';
import { documentIn, type DocumentBody } from '../documents.ts';
import { errorResponses, idParams, includeQuery, openResponse, resumeBody } from '../schemas.ts';

function summaryOf(c: StoredCandidate) {
  const p = c.profile;
  return { id: c.id, asOf: p.asOf, totalMonths: p.experience.totalMonths, positions: p.positions.length, skills: p.skills.length, format: c.format, modelsVersion: c.modelsVersion, updatedAt: c.updatedAt };
}

export function candidateRoutes(app: FastifyInstance, catalog: Catalog): void {
  const store = async (body: unknown, id: string | undefined, reply: { code: (n: number) => unknown }) => {
    const b = body as DocumentBody & { id?: string; asOf?: string };
    const doc = documentIn(b, 'the résumé');
    const finalId = id ?? b.id;
    const r = await catalog.putCandidate({ ...doc, ...(finalId ? { id: finalId } : {}) }, asOfOption(b.asOf, REQUEST));
    reply.code(r.outcome === 'created' ? 201 : 200);
    return { id: r.id, outcome: r.outcome, asOf: r.profile.asOf, totalMonths: r.profile.experience.totalMonths, skills: r.profile.skills.length, warnings: r.profile.warnings };
  };

  app.post('/v1/candidates', {
    schema: { tags: ['candidates'], summary: 'Store a résumé (text, JSON Resume, or a multipart file)', body: resumeBody, response: openResponse('{id, outcome, asOf, totalMonths, skills (count), warnings}') },
  }, async (req, reply) => store(req.body, undefined, reply));

  app.put('/v1/candidates/:id', {
    schema: { tags: ['candidates'], summary: 'Create or replace the candidate with this id', params: idParams, body: resumeBody, response: openResponse('{id, outcome, asOf, totalMonths, skills (count), warnings}') },
  }, async (req, reply) => {
    const { id } = req.params as { id: string };
    const b = req.body as { id?: string };
    if (b.id !== undefined && b.id !== id) throw createError('REQUEST_INVALID', { reason: `the body's id "${b.id}" differs from the URL's "${id}"` });
    return store(req.body, id, reply);
  });

  app.get('/v1/candidates', {
    schema: { tags: ['candidates'], summary: 'List stored candidates (no contact details), with cursor pagination', querystring: { type: 'object', additionalProperties: false, properties: { limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 }, cursor: { type: 'string', maxLength: 400 } } }, response: openResponse('{items: [candidate summaries, no contact], next}') },
  }, async (req) => {
    const q = req.query as { limit: number; cursor?: string };
    const page = await catalog.store.listCandidates({ limit: q.limit, cursor: q.cursor ?? null });
    return { items: page.items.map(summaryOf), next: page.next };
  });

  app.get('/v1/candidates/:id', {
    schema: { tags: ['candidates'], summary: 'A stored candidate\'s profile; include=contact adds the contact block, include=text the text', params: idParams, querystring: includeQuery(['contact', 'text', 'contact,text', 'text,contact']), response: openResponse('candidate summary with profile (ResumeProfile, contact emptied), contact and text when asked') },
  }, async (req) => {
    const { id } = req.params as { id: string };
    const c = await catalog.store.getCandidate(id);
    if (!c) throw createError('NOT_FOUND', { what: 'candidate', id });
    const include = new Set(((req.query as { include?: string }).include ?? '').split(','));
    return { ...summaryOf(c), createdAt: c.createdAt, profile: c.profile, ...(include.has('contact') ? { contact: c.contact } : {}), ...(include.has('text') ? { text: c.text } : {}) };
  });

  app.delete('/v1/candidates/:id', {
    schema: { tags: ['candidates'], summary: 'Delete a candidate and everything kept about them', params: idParams, response: errorResponses },
  }, async (req, reply) => {
    const { id } = req.params as { id: string };
    if (!(await catalog.deleteCandidate(id))) throw createError('NOT_FOUND', { what: 'candidate', id });
    return reply.code(204).send();
  });
}
