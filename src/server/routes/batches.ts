// Batch jobs: submit (202 with an id), status with progress, results streamed as NDJSON or CSV
// (what is finished so far; all of it once done), and cancel. The jobs live in the store.

import type { FastifyInstance } from 'fastify';
import { Readable } from 'node:stream';
import { filterFrom, type FilterField } from '../../domain/filter.ts';
import { asOfOption, REQUEST, weightsOption } from '../../app/index.ts';
import type { BatchJobs } from '../../batch/jobs.ts';
import { batchBody, batchResponse, batchResultsQuery, idParams } from '../schemas.ts';

interface BatchBody extends Partial<Record<FilterField, string>> {
  postingIds?: string[];
  resumes?: Array<{ id?: string; text?: string; base64?: string; filename?: string }>;
  candidateIds?: string[];
  top?: number;
  all?: boolean;
  minScore?: number;
  passingOnly?: boolean;
  weights?: unknown;
  asOf?: string;
}

export function batchRoutes(app: FastifyInstance, jobs: BatchJobs, limits: { maxBulkBytes: number }): void {
  app.post('/v1/batches', {
    bodyLimit: limits.maxBulkBytes,
    schema: { tags: ['batches'], summary: 'Start a batch: stored postings (ids, a filter, or all) against résumés sent here and/or stored candidates -> 202 {id, status, progress}', body: batchBody, response: batchResponse },
  }, async (req, reply) => {
    const b = req.body as BatchBody;
    const weights = weightsOption(b.weights, REQUEST);
    const filter = filterFrom(b);
    const view = await jobs.submit({
      ...(b.postingIds ? { postingIds: b.postingIds } : {}),
      ...(Object.keys(filter).length ? { filter } : {}),
      ...(b.resumes ? { resumes: b.resumes } : {}),
      ...(b.candidateIds ? { candidateIds: b.candidateIds } : {}),
      query: {
        ...(b.all ? { all: true } : { top: b.top ?? 10 }),
        ...(b.minScore !== undefined ? { minScore: b.minScore } : {}),
        ...(b.passingOnly ? { passingOnly: true } : {}),
        ...(weights ? { weights } : {}),
        asOf: asOfOption(b.asOf, REQUEST),
      },
    });
    return reply.code(202).header('location', `/v1/batches/${view.id}`).send(view);
  });

  app.get('/v1/batches/:id', {
    schema: { tags: ['batches'], summary: 'A batch\'s status and progress', params: idParams, response: batchResponse },
  }, async (req) => jobs.view((req.params as { id: string }).id));

  app.get('/v1/batches/:id/results', {
    schema: { tags: ['batches'], summary: 'The results finished so far, in résumé order: NDJSON (one line per résumé, or per pair with all) or CSV (one row per pair)', params: idParams, querystring: batchResultsQuery },
  }, async (req, reply) => {
    const { id } = req.params as { id: string };
    const { format } = req.query as { format: 'ndjson' | 'csv' };
    const view = await jobs.view(id);
    const chunks = jobs.results(id, format);
    reply.header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8');
    reply.header('x-batch-status', view.status);
    if (format === 'csv') reply.header('content-disposition', `attachment; filename="${id}.csv"`);
    return reply.send(Readable.from(chunks));
  });

  app.delete('/v1/batches/:id', {
    schema: { tags: ['batches'], summary: 'Cancel a batch: it stops after the current chunk; results so far stay readable', params: idParams, response: batchResponse },
  }, async (req) => jobs.cancel((req.params as { id: string }).id));
}
