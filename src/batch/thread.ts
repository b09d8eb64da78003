// The body of a batch thread: it first parses the run's postings (each once, across the threads,
// in chunks), then, given them all with the run's query, it reads one résumé per job within the
// pool's time budget, scores it against every posting through the app layer, and answers with the
// résumé's output text, as UTF-8 bytes.

import { parseDocument, readLimits, type DocumentSource, type ParseJob } from '../workers/parse-document.ts';
import { serveJobs, threadError, type ThreadError, type ThreadJob } from '../workers/thread-host.ts';
import { resumeResult, roleSet, type BatchQuery, type ParsedResume, type RoleSet } from '../app/index.ts';
import type { PostingProfile } from '../domain/posting.ts';
import { formatResult, type BatchFormat } from './format.ts';
import { PairLines } from './pair-lines.ts';

/** What every batch thread starts with. */
export interface BatchContext {
  postings: Array<{ id: string; profile: PostingProfile }>;
  query: BatchQuery;
  format: BatchFormat;
}

/**
 * Several postings in one job: a posting takes about a millisecond to read, and a job per posting
 * left the threads idle a fifth of the time, waiting for the next one. Each is read on its own
 * (one that cannot be read is an error in its place); the chunk shares one time budget, and the
 * run reads a chunk that runs over it again posting by posting.
 */
export interface PostingsJob extends ThreadJob {
  kind: 'postings';
  docs: Array<{ source: DocumentSource; what: string }>;
}

/** A posting of a chunk: its profile, or why it could not be read. */
export type PostingOutcome = { profile: PostingProfile } | { error: ThreadError };

export interface ResumeJob extends ThreadJob {
  kind: 'resume-result';
  resumeId: string;
  /** Its place in the run's input: a queue names its job by it, so a re-sent résumé is one job. */
  index?: number;
}

const encoder = new TextEncoder();

interface ThreadState {
  /** Null until the run's postings arrive (the same threads parse them first). */
  set: RoleSet | null;
  /** All-pairs lines for the run's postings (NDJSON and CSV). */
  lines: PairLines | null;
  ctx: BatchContext | null;
  limits: ReturnType<typeof readLimits>;
}

await serveJobs<ThreadState>(
  (engine, context) => {
    const ctx = (context ?? null) as BatchContext | null;
    return { set: ctx ? roleSet(engine, ctx.postings) : null, lines: ctx && PairLines.supports(ctx.format) ? new PairLines(ctx.format, ctx.postings.map((p) => p.id)) : null, ctx, limits: readLimits(engine.config) };
  },
  async (engine, st, job) => {
    if (job.kind === 'posting') return parseDocument(engine, job as ParseJob, st.limits);
    if (job.kind === 'postings') {
      const out: PostingOutcome[] = [];
      for (const d of (job as PostingsJob).docs) {
        try {
          out.push({ profile: (await parseDocument(engine, { kind: 'posting', source: d.source, what: d.what }, st.limits)).profile as PostingProfile });
        } catch (e) {
          out.push({ error: threadError(e) });
        }
      }
      return out;
    }
    const j = job as ResumeJob;
    if (!st.set || !st.ctx) throw new Error('a résumé came before the postings');
    const asOf = st.ctx.query.asOf;
    const parsed = (await parseDocument(engine, { kind: 'resume', source: j.source, what: j.what, ...(asOf ? { asOf } : {}) }, st.limits)) as ParsedResume;
    // A CSV row names a pair's failed gates; NDJSON all-pairs lines do not (see format.ts).
    const result = resumeResult(engine, st.set, j.resumeId, parsed.profile, st.ctx.query, st.ctx.format !== 'ndjson');
    // As bytes: the thread's buffer is handed to the main thread, not copied (thread-host.ts).
    if ('pairs' in result && st.lines) return st.lines.encode(result.resumeId, result.pairs);
    return encoder.encode(formatResult(result, st.ctx.format));
  },
);
