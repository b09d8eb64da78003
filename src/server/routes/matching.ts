// Matching: a résumé against every stored role, one pair, stored candidates for a role, and
// parsing without storing.

import type { FastifyInstance } from 'fastify';
import { createError } from '../../errors.ts';
import { asOfOption, REQUEST, scorePair, weightsOption, type Candidate, type Catalog, type Role } from '../../app/index.ts';
import { documentIn, postingIn, type DocumentBody } from '../documents.ts';
import { candidatesRankBody, candidatesRankResponse, idParams, matchBody, matchObjectResponse, matchResponse, openResponse, postingBody, resumeBody, scoreBody } from '../schemas.ts';
import { rankQuery, type RankingFields } from './common.ts';

export function matchingRoutes(app: FastifyInstance, catalog: Catalog): void {
  const { engine } = catalog;
  const candidateFrom = async (b: DocumentBody & { candidateId?: string; id?: string; asOf?: string }): Promise<Candidate> => {
    const stored = b.candidateId ?? b.id;
    if (stored !== undefined) return catalog.storedCandidate(stored);
    return engine.candidateOf((await catalog.parseResume(documentIn(b, 'the résumé'), asOfOption(b.asOf, REQUEST))).profile);
  };

  app.post('/v1/match', {
    schema: { tags: ['matching'], summary: 'A résumé (text, JSON Resume, a multipart file, or a stored candidateId) -> the best stored roles, explained', body: matchBody, response: matchResponse },
  }, async (req) => {
    const t0 = performance.now();
    const b = req.body as DocumentBody & RankingFields & { candidateId?: string; asOf?: string };
    const q = rankQuery(b);
    const candidate = await candidateFrom(b);
    const { results, stats } = catalog.rankRoles(candidate, q);
    return {
      results: results.map(({ id, ...r }) => ({ postingId: id, ...r })),
      stats: { roles: stats.total, scored: stats.scored, ms: Math.round((performance.now() - t0) * 10) / 10 },
      asOf: candidate.profile.asOf,
      modelsVersion: engine.modelsVersion,
      scoringVersion: engine.scoring.scoringVersion,
    };
  });

  app.post('/v1/score', {
    schema: { tags: ['matching'], summary: 'One résumé and one posting (documents or stored ids) -> Match', body: scoreBody, response: matchObjectResponse },
  }, async (req) => {
    const b = req.body as { resume: DocumentBody & { id?: string }; posting: DocumentBody & { id?: string }; asOf?: string; weights?: unknown; explain: boolean };
    const weights = weightsOption(b.weights, REQUEST);
    const candidate = await candidateFrom({ ...b.resume, ...(b.asOf ? { asOf: b.asOf } : {}) });
    let role: Role;
    if (b.posting.id !== undefined) role = catalog.storedRole(b.posting.id);
    else role = engine.roleOf((await catalog.parsePosting(documentIn(b.posting, 'the posting'))).profile);
    return scorePair(engine, candidate, role, { explain: b.explain, ...(weights ? { weights } : {}) });
  });

  app.post('/v1/postings/:id/candidates', {
    // Every option has a default, so the body may be left out.
    preValidation: async (req) => {
      req.body ??= {};
    },
    schema: { tags: ['matching'], summary: 'The best stored candidates for a stored posting, explained', params: idParams, body: candidatesRankBody, response: candidatesRankResponse },
  }, async (req) => {
    const t0 = performance.now();
    const { id } = req.params as { id: string };
    const role = catalog.storedRole(id);
    const { results, stats } = catalog.rankCandidates(role, rankQuery((req.body ?? {}) as RankingFields));
    return { results: results.map(({ id: cid, title: _t, ...r }) => ({ candidateId: cid, ...r })), stats: { candidates: stats.total, scored: stats.scored, ms: Math.round((performance.now() - t0) * 10) / 10 } };
  });

  app.post('/v1/postings/parse', {
    schema: { tags: ['parsing'], summary: 'Parse a posting without storing it -> PostingProfile (with the text its spans point into)', body: postingBody, response: openResponse('PostingProfile plus text') },
  }, async (req) => {
    const { profile, text } = await catalog.parsePosting(postingIn(req.body));
    return { ...profile, text };
  });

  app.post('/v1/resumes/parse', {
    schema: { tags: ['parsing'], summary: 'Parse a résumé without storing it -> ResumeProfile (with the text its spans point into)', body: resumeBody, response: openResponse('ResumeProfile plus text') },
  }, async (req) => {
    const b = req.body as DocumentBody & { id?: string; asOf?: string };
    if (b.id !== undefined) throw createError('REQUEST_INVALID', { reason: 'parse takes a document, not an id' });
    const { profile, text } = await catalog.parseResume(documentIn(b, 'the résumé'), asOfOption(b.asOf, REQUEST));
    return { ...profile, text };
  });
}
