// `rolefit worker`: takes batch jobs (queue.ts) from Redis and answers them, on any machine. The
// documents are read and scored in this process's batch threads (the same pool and thread body as
// a local `rolefit batch`, so within the parser's time budget and heap limit, and the same bytes);
// the event loop only moves jobs and keeps their locks renewed, so a busy worker is never taken
// for a dead one.

import { availableParallelism } from 'node:os';
import type { Job } from 'bullmq';
import type { Config } from '../config/defaults.ts';
import { isRolefitError, toErrorBody, type ErrorCode } from '../errors.ts';
import { threadScorer, type Scorer } from './scorer.ts';
import type { BatchContext } from './thread.ts';
import { connectRedis, fromWire, modelsVersionOf, QUEUE_NAME, redactUrl, RUN_TTL_S, runKeys, type Answer, type BatchJobData } from './queue.ts';

export interface QueueWorkerOptions {
  redisUrl: string;
  config: Config;
  /** Batch threads, and so résumés scored at once; default: every core. */
  threads?: number;
  /**
   * How long a job's lock lasts without renewal (renewed every half of it). A killed worker's job
   * is taken back by another worker within about 1.5 × this. Default 5 s.
   */
  lockMs?: number;
  log?: (line: string) => void;
}

export interface QueueWorker {
  readonly threads: number;
  /** Takes no more jobs, finishes those it holds, then stops its threads. */
  close(): Promise<void>;
  /** Settles once closed. */
  readonly closed: Promise<void>;
}

/** Errors worth another try (perhaps elsewhere): a thread that crashed, a pool that was closing. */
const RETRIED = new Set<ErrorCode>(['INTERNAL', 'SERVER_BUSY']);
/** Run contexts kept in memory, most recent first out last. */
const CACHED_RUNS = 4;

export async function startWorker(o: QueueWorkerOptions): Promise<QueueWorker> {
  const { Worker, UnrecoverableError } = await import('bullmq');
  const log = o.log ?? (() => {});
  const threads = o.threads ?? availableParallelism();
  const lockMs = o.lockMs ?? 5000;
  const models = modelsVersionOf(o.config);
  const redis = await connectRedis(o.redisUrl);
  let scorer: Scorer;
  try {
    scorer = await threadScorer(o.config, threads);
  } catch (e) {
    redis.disconnect();
    throw e;
  }

  // The threads hold one run's postings at a time. A job of another run waits until the current
  // run's jobs here are done, then the threads switch (each builds that run's role index once).
  const contexts = new Map<string, BatchContext>();
  let current: string | null = null;
  let active = 0;
  let switching: Promise<void> | null = null;
  let idle: Array<() => void> = [];

  const contextOf = async (run: string): Promise<BatchContext> => {
    let ctx = contexts.get(run);
    if (!ctx) {
      const json = await redis.get(runKeys(run).ctx);
      // The run finished (or expired): a late duplicate of one of its jobs has nothing to do.
      if (json === null) throw new UnrecoverableError(`run ${run} has no context in Redis (it finished or expired)`);
      ctx = JSON.parse(json) as BatchContext;
      log(`run ${run}: ${ctx.postings.length} postings`);
    }
    contexts.delete(run);
    contexts.set(run, ctx);
    for (const k of contexts.keys()) if (contexts.size > CACHED_RUNS) contexts.delete(k);
    return ctx;
  };

  const withRun = async <T>(run: string, fn: () => Promise<T>): Promise<T> => {
    while (current !== run) {
      if (switching) await switching.catch(() => {});
      else if (active > 0) await new Promise<void>((r) => idle.push(r));
      else {
        switching = contextOf(run).then(async (ctx) => {
          await scorer.setContext(ctx);
          current = run;
        }).finally(() => {
          switching = null;
        });
        await switching;
      }
    }
    active++;
    try {
      return await fn();
    } finally {
      if (--active === 0) {
        const waiters = idle;
        idle = [];
        for (const w of waiters) w();
      }
    }
  };

  const answer = async (job: Job<BatchJobData>): Promise<Answer> => {
    const d = job.data;
    if (d.kind === 'posting') return { profile: await scorer.parsePosting(fromWire(d.source), d.what) };
    return { text: new TextDecoder().decode(await withRun(d.run, () => scorer.score({ kind: 'resume-result', source: fromWire(d.source), what: d.what, resumeId: d.resumeId ?? d.key }))) };
  };

  const worker = new Worker<BatchJobData>(QUEUE_NAME, async (job) => {
    // Other models would score differently: leave the job to a worker that has the run's (retried; never answered here).
    if (job.data.models !== models) throw new Error(`this worker's models are ${models}, the run's are ${job.data.models}`);
    let a: Answer;
    try {
      a = await answer(job);
    } catch (e) {
      if (e instanceof UnrecoverableError) throw e;
      const lastTry = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (!lastTry && (!isRolefitError(e) || RETRIED.has(e.code))) throw e;
      // A document that cannot be read answers the same on every machine: an error line, no retry.
      a = isRolefitError(e) ? { error: { code: e.code, params: { ...e.params }, message: e.message } } : { error: { ...toErrorBody(e), params: { reason: (e as Error).message } } };
    }
    const { results } = runKeys(job.data.run);
    // The first answer for this document stands: a retried or duplicated job writes nothing more.
    await redis.multi().hsetnx(results, job.data.key, JSON.stringify(a)).expire(results, RUN_TTL_S).exec();
    return null;
  }, {
    connection: redis,
    // Enough jobs held to keep every thread busy while the next ones are fetched.
    concurrency: threads * 2,
    lockDuration: lockMs,
    stalledInterval: Math.max(500, Math.round(lockMs / 2)),
    maxStalledCount: 2,
  });
  worker.on('error', (e) => log(`queue error: ${e.message}`));
  worker.on('failed', (job, e) => log(`job ${job?.id ?? '?'} failed (try ${job?.attemptsMade ?? '?'}): ${e.message}`));
  await worker.waitUntilReady();
  log(`worker ready: ${threads} threads, models ${models}, queue ${QUEUE_NAME} on ${redactUrl(o.redisUrl)}`);

  let closing: Promise<void> | null = null;
  let done!: () => void;
  const closed = new Promise<void>((r) => (done = r));
  return {
    threads,
    closed,
    close() {
      closing ??= (async () => {
        try {
          await worker.close();
          await scorer.close();
          await redis.quit().catch(() => {});
        } finally {
          done();
        }
      })();
      return closing;
    },
  };
}
