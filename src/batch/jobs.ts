// Batch jobs of the service (POST /v1/batches): stored postings (by id or filter) against
// résumés sent with the request or stored candidates. The job, its résumés and every finished
// result live in the store, so a restart loses nothing: unfinished jobs are taken up again from
// the first résumé without a result. Résumés are read and scored off the event loop, by the
// same Scorer a CLI run uses (this process's threads, or queue workers), a chunk at a time.

import { randomUUID } from 'node:crypto';
import { createError, toErrorBody } from '../errors.ts';
import type { PostingFilter } from '../domain/filter.ts';
import { normalizeFilter } from '../domain/filter.ts';
import type { PostingProfile } from '../domain/posting.ts';
import type { Config } from '../config/defaults.ts';
import type { BatchQuery, Catalog, DocumentSource, ResumeResult } from '../app/index.ts';
import type { BatchRecord } from '../storage/batches.ts';
import { formatResult, header, type BatchFormat } from './format.ts';
import type { Scorer } from './scorer.ts';

/** What a caller asks for; one of postingIds / filter (or neither: every stored posting), and résumés and/or candidateIds. */
export interface BatchRequest {
  postingIds?: string[];
  filter?: PostingFilter;
  resumes?: Array<{ id?: string; text?: string; base64?: string; filename?: string }>;
  candidateIds?: string[];
  query: BatchQuery;
}

/** A stored résumé input: text, a file's bytes, or a stored candidate's id. */
type StoredSource = { raw: string } | { base64: string; filename: string } | { candidateId: string };

/** How many résumés are scored and written per store transaction. */
const CHUNK = 32;
const MAX_POSTINGS = 100_000;

export interface BatchView {
  id: string;
  status: BatchRecord['status'];
  progress: { done: number; total: number };
  createdAt: string;
  finishedAt: string | null;
  error: string | null;
}

export class BatchJobs {
  private readonly running = new Map<string, Promise<void>>();
  private readonly cancelled = new Set<string>();
  private closed = false;

  constructor(
    private readonly catalog: Catalog,
    private readonly config: Config,
    /** Where a job's résumés are scored; `runId` (the batch id) lets a queue pick up answers already written. */
    private readonly makeScorer: (config: Config, workers: number, runId: string) => Promise<Scorer>,
    private readonly workers: number,
  ) {}

  private get store() {
    return this.catalog.store.batches;
  }

  /** Stores the job with its résumés, answers at once, and runs it in the background. */
  async submit(req: BatchRequest): Promise<BatchView> {
    const inputs: Array<{ resumeId: string; source: string }> = [];
    (req.resumes ?? []).forEach((r, i) => {
      const resumeId = r.id ?? String(i + 1);
      let s: StoredSource;
      if (typeof r.text === 'string') s = { raw: r.text };
      else if (typeof r.base64 === 'string') s = { base64: r.base64, filename: r.filename ?? `${resumeId}.bin` };
      else throw createError('REQUEST_INVALID', { reason: `résumé ${i + 1} needs "text" or "base64"` });
      inputs.push({ resumeId, source: JSON.stringify(s) });
    });
    for (const id of req.candidateIds ?? []) {
      if (!(await this.catalog.store.getCandidate(id))) throw createError('NOT_FOUND', { what: 'candidate', id });
      inputs.push({ resumeId: id, source: JSON.stringify({ candidateId: id } satisfies StoredSource) });
    }
    if (inputs.length === 0) throw createError('REQUEST_INVALID', { reason: 'a batch needs résumés ("resumes") or stored candidates ("candidateIds")' });
    const missing = req.postingIds?.find((id) => !this.catalog.index.has(id));
    if (missing) throw createError('NOT_FOUND', { what: 'posting', id: missing });
    const id = `b_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
    const request = { postingIds: req.postingIds, filter: req.filter ? normalizeFilter(req.filter) : undefined, query: req.query };
    await this.store.createBatch({ id, request, inputs });
    this.start(id);
    return this.view(id);
  }

  async view(id: string): Promise<BatchView> {
    const b = await this.store.getBatch(id);
    if (!b) throw createError('NOT_FOUND', { what: 'batch', id });
    return { id: b.id, status: b.status, progress: { done: b.done, total: b.total }, createdAt: b.createdAt, finishedAt: b.finishedAt, error: b.error };
  }

  /** Stops the job after its current chunk; the results so far stay readable, its résumés are dropped. */
  async cancel(id: string): Promise<BatchView> {
    const b = await this.view(id);
    if (b.status === 'queued' || b.status === 'running') {
      this.cancelled.add(id);
      // A running job stops after its current chunk; a queued one never starts.
      if (b.status === 'running') await this.running.get(id)?.catch(() => {});
      await this.store.setStatus(id, 'cancelled');
      await this.store.dropInputs(id);
    }
    return this.view(id);
  }

  /** The results written so far, formatted, in résumé order (a finished job's are complete). */
  async *results(id: string, format: BatchFormat): AsyncGenerator<string> {
    await this.view(id);
    yield header(format);
    let after = -1;
    for (;;) {
      const rows = await this.store.results(id, after, 500);
      if (rows.length === 0) return;
      let text = '';
      for (const r of rows) text += formatResult(JSON.parse(r.body) as ResumeResult, format);
      yield text;
      after = rows[rows.length - 1]!.idx;
    }
  }

  /** Takes up the jobs a restart interrupted. */
  async resumeUnfinished(): Promise<number> {
    const ids = await this.store.unfinished();
    for (const id of ids) this.start(id);
    return ids.length;
  }

  /** Stops taking chunks and waits for the current ones (the jobs resume at the next start). */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.running.values()]);
  }

  /** Runs one job at a time, in submission order, so jobs never fight over the cores. */
  private chain: Promise<void> = Promise.resolve();
  private start(id: string): void {
    const run = this.chain.then(() => this.run(id)).catch(async (e: unknown) => {
      await this.store.setStatus(id, 'failed', e instanceof Error ? e.message : String(e)).catch(() => {});
    }).finally(() => this.running.delete(id));
    this.chain = run;
    this.running.set(id, run);
  }

  private async run(id: string): Promise<void> {
    if (this.closed || this.cancelled.has(id)) return;
    const b = await this.store.getBatch(id);
    if (!b || (b.status !== 'queued' && b.status !== 'running')) return;
    const req = b.request as Omit<BatchRequest, 'resumes' | 'candidateIds'>;
    await this.store.setStatus(id, 'running');
    const postings = await this.postingsOf(req);
    const scorer = await this.makeScorer(this.config, this.workers, id);
    try {
      await scorer.setContext({ postings, query: req.query, format: 'json' });
      let next = b.done;
      while (!this.closed && !this.cancelled.has(id)) {
        const inputs = await this.store.inputs(id, next, CHUNK);
        if (inputs.length === 0) break;
        const rows = await Promise.all(inputs.map(async (x) => ({ idx: x.idx, body: await this.scoreOne(scorer, x.resumeId, JSON.parse(x.source) as StoredSource) })));
        await this.store.putResults(id, rows);
        next = inputs[inputs.length - 1]!.idx + 1;
      }
    } finally {
      await scorer.close();
    }
    if (this.closed || this.cancelled.has(id)) return;
    await this.store.setStatus(id, 'done');
    await this.store.dropInputs(id);
  }

  /** One résumé's result as stored: the structured result, or its coded error. */
  private async scoreOne(scorer: Scorer, resumeId: string, s: StoredSource): Promise<string> {
    try {
      let source: DocumentSource;
      let what = resumeId;
      if ('raw' in s) source = { raw: s.raw };
      else if ('base64' in s) {
        source = { bytes: Buffer.from(s.base64, 'base64') };
        what = s.filename;
      } else {
        const c = await this.catalog.store.getCandidate(s.candidateId);
        if (!c) throw createError('NOT_FOUND', { what: 'candidate', id: s.candidateId });
        source = { raw: c.text };
      }
      return new TextDecoder().decode(await scorer.score({ kind: 'resume-result', source, what, resumeId })).trimEnd();
    } catch (e) {
      return JSON.stringify({ resumeId, error: toErrorBody(e) } satisfies ResumeResult);
    }
  }

  private async postingsOf(req: Omit<BatchRequest, 'resumes' | 'candidateIds'>): Promise<Array<{ id: string; profile: PostingProfile }>> {
    if (req.postingIds) return (await this.catalog.store.getPostings(req.postingIds)).map((p) => ({ id: p.id, profile: p.profile }));
    const out: Array<{ id: string; profile: PostingProfile }> = [];
    let cursor: string | null = null;
    do {
      const page = await this.catalog.store.listPostings(req.filter ?? {}, { limit: 1000, cursor });
      for (const p of page.items) out.push({ id: p.id, profile: p.profile });
      cursor = page.next;
    } while (cursor && out.length < MAX_POSTINGS);
    return out;
  }
}
