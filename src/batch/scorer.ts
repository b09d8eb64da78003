// Where a batch's documents are read and scored: threads of this process (the default), or
// workers anywhere, through a queue (queue.ts). A run drives either through this one interface.

import type { Config } from '../config/defaults.ts';
import type { PostingProfile } from '../domain/posting.ts';
import type { DocumentSource } from '../app/index.ts';
import { codedError, ParsePool } from '../workers/parse-pool.ts';
import type { RolefitError } from '../errors.ts';
import type { FileReaderLib } from '../workers/thread-host.ts';
import type { BatchContext, PostingOutcome, PostingsJob, ResumeJob } from './thread.ts';

export interface Scorer {
  /** How many résumés it scores at once (the run keeps a window of that many in flight). */
  readonly concurrency: number;
  parsePosting(source: DocumentSource, what: string): Promise<PostingProfile>;
  /**
   * Several postings in one job, each a profile or the coded error it could not be read with; it
   * rejects only when the chunk as a whole fails (over the time budget), and the run then reads
   * its postings one by one. Optional: a scorer without it is given one posting at a time.
   */
  parsePostings?(docs: Array<{ source: DocumentSource; what: string }>): Promise<Array<PostingProfile | RolefitError>>;
  /** The run's postings and query: given once, after the postings are parsed and before any résumé. */
  setContext(ctx: BatchContext): Promise<void>;
  /** One résumé read and scored: its output text (whole lines) as UTF-8. Rejects with a coded error. */
  score(job: ResumeJob): Promise<Uint8Array>;
  close(): Promise<void>;
}

export const BATCH_THREAD = new URL('./thread.ts', import.meta.url);

/** Threads of this process, each within the parser's time budget and heap limit; `preload`: the file readers they load up front (default: both). */
export async function threadScorer(config: Config, threads: number, _runId?: string, preload?: FileReaderLib[]): Promise<Scorer> {
  // Batch documents wait for a thread as long as it takes: the run keeps its own window.
  const pool = await ParsePool.start({ config, size: threads, thread: BATCH_THREAD, waitMs: 2 ** 31 - 1, queue: Number.MAX_SAFE_INTEGER, ...(preload ? { preload } : {}) });
  return {
    concurrency: pool.concurrency,
    parsePosting: async (source, what) => (await pool.parse({ kind: 'posting', source, what })).profile,
    parsePostings: async (docs) => {
      const job: PostingsJob = { kind: 'postings', source: { raw: '' }, what: `${docs.length} postings`, docs };
      return (await pool.run<PostingOutcome[]>(job)).map((o) => ('profile' in o ? o.profile : codedError(o.error)));
    },
    setContext: async (ctx) => pool.setContext(ctx),
    score: (job) => pool.run<Uint8Array>(job),
    close: () => pool.close(),
  };
}
