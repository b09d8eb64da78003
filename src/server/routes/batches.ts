// Batch jobs: submit (202 with an id), status with progress, results streamed as NDJSON or CSV
// (what is finished so far; all of it once done), and cancel. The jobs live in the store. A batch
// comes as JSON (résumés as text or base64) or as a multipart form: résumé files in the "resumes"
// field (each named by its file name), the options as fields, id lists comma-separated.

import type { FastifyInstance } from 'fastify';
import { basename, extname } from 'node:path';
import { Readable } from 'node:stream';
import { filterFrom, type FilterField } from '../../domain/filter.ts';
import { asOfOption, REQUEST, weightsOption } from '../../app/index.ts';
import type { BatchJobs } from '../../batch/jobs.ts';
import { createError } from '../../errors.ts';
import { batchBody, batchResponse, batchResultsQuery, idParams } from '../schemas.ts';
import type { Upload } from '../uploads.ts';

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

/** Most résumé files one form may carry (as many as a JSON batch's "resumes"). */
const MAX_FORM_FILES = 10_000;

/** A batch form as the JSON body it stands for. */
export function batchForm(fields: Record<string, unknown>, files: Upload[]): unknown {
  const stray = files.find((f) => f.field !== 'resumes');
  if (stray) throw createError('REQUEST_INVALID', { reason: `résumé files go in the "resumes" field, not "${stray.field}"` });
  const ids = (v: unknown): string[] => (Array.isArray(v) ? v : [v]).flatMap((s) => String(s).split(/[\s,]+/)).filter(Boolean);
  return {
    ...fields,
    ...(fields['postingIds'] !== undefined ? { postingIds: ids(fields['postingIds']) } : {}),
    ...(fields['candidateIds'] !== undefined ? { candidateIds: ids(fields['candidateIds']) } : {}),
    ...(files.length ? { resumes: files.map((f, i) => ({ id: basename(f.filename, extname(f.filename)) || String(i + 1), base64: f.bytes.toString('base64'), filename: basename(f.filename) || `${i + 1}.bin` })) } : {}),
  };
}

export function batchRoutes(app: FastifyInstance, jobs: BatchJobs, limits: { maxBulkBytes: number; maxInputBytes: number }): void {
  app.post('/v1/batches', {
    bodyLimit: limits.maxBulkBytes,
    config: {
      multipartOptions: { limits: { files: MAX_FORM_FILES, fileSize: limits.maxInputBytes, parts: MAX_FORM_FILES + 64 } },
      formBody: batchForm,
    },
    // A form's files are held until the batch is stored: its whole size is known (and bounded) before any is read.
    // (By its header: the multipart plugin marks a request as multipart only after this hook.)
    preParsing: async (req) => {
      if (!/^multipart\//i.test(req.headers['content-type'] ?? '')) return;
      const length = Number(req.headers['content-length']);
      if (!req.headers['content-length'] || !Number.isFinite(length)) throw createError('REQUEST_INVALID', { reason: 'a multipart batch needs a Content-Length header' });
      if (length > limits.maxBulkBytes) throw createError('INPUT_TOO_LARGE', { what: 'the batch', size: length, limit: limits.maxBulkBytes });
    },
    schema: { tags: ['batches'], summary: 'Start a batch: stored postings (ids, a filter, or all) against résumés sent here (JSON, or a multipart form with the files in "resumes") and/or stored candidates -> 202 {id, status, progress}', body: batchBody, response: batchResponse },
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
