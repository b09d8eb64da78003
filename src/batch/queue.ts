// Batch scoring across machines: a Scorer whose documents are read and scored by `rolefit worker`
// processes (worker.ts) anywhere, through a BullMQ queue on Redis.
//
// - The run's context (its postings' profiles, query and format) is stored once under a run key
//   with a TTL; each job carries only the run id and one document, so a job stays small however
//   many postings the run has, and a worker fetches the context once per run.
// - Job ids are deterministic (run id + résumé index): adding a résumé again while its job is
//   waiting or running is the same job, not a second one.
// - A worker writes its answer with HSETNX into the run's results hash before it completes the job:
//   the first answer for an index stands, a retried or duplicated job cannot change or double it,
//   and a worker killed before completing leaves a stalled job that another worker redoes (a short
//   lock). The run takes each answer once, by polling that hash: results never pass through
//   BullMQ's event stream (where a big all-pairs answer would sit until trimmed) and no event can
//   be missed.
// - Postings are parsed by the workers too: the machine that runs the batch (the CLI, or the HTTP
//   service) then loads no parser threads, and parsing a large posting set is spread over every
//   worker like the résumés.

import { randomUUID } from 'node:crypto';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '../config/defaults.ts';
import type { PostingProfile } from '../domain/posting.ts';
import { createError, ERRORS, RolefitError, type ErrorCode } from '../errors.ts';
import { modelVersions, type DocumentSource } from '../app/index.ts';
import { threadScorer, type Scorer } from './scorer.ts';
import type { BatchContext, ResumeJob } from './thread.ts';

/** One queue for every run: workers take jobs of any run and fetch each run's context once. */
export const QUEUE_NAME = 'rolefit-batch';
/** How long a run's context and results live in Redis (renewed while the run goes on). */
export const RUN_TTL_S = 24 * 60 * 60;

export const runKeys = (run: string): { ctx: string; results: string } => ({ ctx: `rolefit:run:${run}:ctx`, results: `rolefit:run:${run}:results` });

/** A document on the wire: text as is, a file's bytes in base64 (job data is JSON). */
export type WireSource = { raw: string } | { base64: string };

export interface BatchJobData {
  run: string;
  /** The models version of the machine that started the run: a worker with other models refuses the job. */
  models: string;
  /** The answer's field in the run's results hash: `r<index>` for a résumé, `p<n>` for a posting. */
  key: string;
  kind: 'posting' | 'resume';
  source: WireSource;
  what: string;
  resumeId?: string;
}

/** What a worker writes for a job: the résumé's output text, the posting's profile, or a coded error. */
export type Answer = { text: string } | { profile: PostingProfile } | { error: { code: string; params: Record<string, string | number>; message: string } };

/** The models a process reads and scores with (MANIFEST.json's version): a run and its workers must agree. */
export function modelsVersionOf(config: Config): string {
  return modelVersions(config.modelsDir).modelsVersion;
}

export const toWire = (s: DocumentSource): WireSource => ('bytes' in s ? { base64: Buffer.from(s.bytes.buffer, s.bytes.byteOffset, s.bytes.byteLength).toString('base64') } : 'json' in s ? { raw: JSON.stringify(s.json) } : { raw: s.raw });
export const fromWire = (s: WireSource): DocumentSource => ('base64' in s ? { bytes: Buffer.from(s.base64, 'base64') } : { raw: s.raw });

export interface QueueScorerOptions {
  /** Names the run's keys and jobs; give a stable id (a stored batch's) to pick up answers already written. Default: random. */
  runId?: string;
  /**
   * The run keeps this × 16 résumés in the queue at once (its window): enough to keep every worker
   * thread of many machines busy while answers travel. Default 32 (512 résumés).
   */
  concurrency?: number;
  /** Tries per job before its résumé becomes an error line. Default 3. */
  attempts?: number;
  /** How often the results hash is read. Default 50 ms. */
  pollMs?: number;
  /** Told when a job failed for good or was lost and added again, or no worker is taking jobs. */
  log?: (line: string) => void;
  /** After this long without its answer, a job's state is checked (failed for good, or lost). Default 15 s. */
  stuckMs?: number;
}

/** The scorer a run should use: Redis workers when a Redis URL is configured (ROLEFIT_REDIS_URL), else this machine's threads. */
export function batchScorer(config: Config, redisUrl: string | null = config.redisUrl, opts: QueueScorerOptions = {}): (config: Config, workers: number, runId?: string) => Promise<Scorer> {
  return redisUrl ? (c, _workers, runId) => queueScorer(redisUrl, c, { ...(runId ? { runId } : {}), ...opts }) : threadScorer;
}

/** A connection that rides out Redis restarts (commands wait), after a first ping that must answer. */
export async function connectRedis(url: string): Promise<Redis> {
  const { Redis } = await import('ioredis');
  // BullMQ's blocking commands need maxRetriesPerRequest null.
  const redis = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: true });
  let last = '';
  redis.on('error', (e: Error) => {
    last = e.message;
  });
  try {
    await Promise.race([
      redis.connect().then(() => redis.ping()),
      new Promise((_, reject) => setTimeout(() => reject(new Error(last || 'no answer within 5 s')), 5000).unref()),
    ]);
  } catch (e) {
    redis.disconnect();
    throw createError('SERVER_BUSY', { reason: `the batch queue's Redis at ${redactUrl(url)} cannot be reached: ${last || (e as Error).message}` });
  }
  return redis;
}

/** A URL as it may be printed: without its password. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'the configured URL';
  }
}

interface Waiting {
  jobId: string;
  job: BatchJobData;
  since: number;
  resolve(a: Exclude<Answer, { error: unknown }>): void;
  reject(e: unknown): void;
}

export async function queueScorer(redisUrl: string, config: Config, opts: QueueScorerOptions = {}): Promise<Scorer> {
  const { Queue } = await import('bullmq');
  const redis = await connectRedis(redisUrl);
  const queue: Queue<BatchJobData> = new Queue<BatchJobData>(QUEUE_NAME, { connection: redis });
  const run = opts.runId ?? randomUUID();
  const keys = runKeys(run);
  const attempts = opts.attempts ?? 3;
  const pollMs = opts.pollMs ?? 50;
  const stuckMs = opts.stuckMs ?? 15_000;
  const models = modelsVersionOf(config);
  const waiting = new Map<string, Waiting>();
  /** The run's context as stored (kept to store it again should Redis lose it). */
  let context: string | null = null;
  let postings = 0;
  let resumes = 0;
  let closed = false;

  const jobOptions = (key: string) => ({
    jobId: `${run}.${key}`,
    attempts,
    backoff: { type: 'exponential', delay: 1000 },
    // The answer is in the results hash: a finished job's data need not stay.
    removeOnComplete: true,
    removeOnFail: { age: RUN_TTL_S },
  });

  const settle = (key: string, answer: Answer): void => {
    const w = waiting.get(key);
    if (!w) return; // answered already: one answer per résumé
    waiting.delete(key);
    if ('error' in answer) {
      const { code, params, message } = answer.error;
      w.reject(code in ERRORS ? new RolefitError(code as ErrorCode, params) : createError('INTERNAL', { reason: message }));
    } else w.resolve(answer);
  };

  const ask = (data: Omit<BatchJobData, 'run' | 'models'>): Promise<Exclude<Answer, { error: unknown }>> => {
    if (closed) return Promise.reject(createError('SERVER_BUSY', { reason: 'the batch run is closing' }));
    const job: BatchJobData = { ...data, run, models };
    const jobId = jobOptions(data.key).jobId;
    const answer = new Promise<Exclude<Answer, { error: unknown }>>((resolve, reject) => waiting.set(data.key, { jobId, job, since: Date.now(), resolve, reject }));
    queue.add(data.kind, job, jobOptions(data.key)).catch((e: unknown) => settle(data.key, { error: { code: 'SERVER_BUSY', params: { reason: `the job could not be queued: ${(e as Error).message}` }, message: '' } }));
    return answer;
  };

  /** A job still without an answer after a while: failed for good (an error line), or gone (added again). */
  const checkStuck = async (): Promise<void> => {
    const now = Date.now();
    let stuck = 0;
    for (const [key, w] of waiting) {
      if (now - w.since < stuckMs) continue;
      stuck++;
      w.since = now;
      const state = await queue.getJobState(w.jobId);
      if (state === 'failed') {
        const job = await queue.getJob(w.jobId);
        const reason = job?.failedReason ?? 'unknown';
        opts.log?.(`job ${w.jobId} failed for good: ${reason}`);
        settle(key, { error: { code: 'INTERNAL', params: { reason: `a queue worker failed on it ${attempts} times: ${reason}` }, message: reason } });
        await queue.remove(w.jobId).catch(() => {});
      } else if (state === 'unknown' && !(await redis.hexists(keys.results, key))) {
        // Gone without an answer (Redis restarted without persistence, or removed by hand): add it
        // again, and the run's context with it if that went too.
        opts.log?.(`job ${w.jobId} was lost: added again`);
        if (context !== null && (await redis.exists(keys.ctx)) === 0) await redis.set(keys.ctx, context, 'EX', RUN_TTL_S);
        await queue.add(w.job.kind, w.job, jobOptions(key));
      }
    }
    if (stuck > 0 && (await queue.getWorkersCount()) === 0) opts.log?.('no worker is taking jobs: start `rolefit worker` on a machine that reaches this Redis');
  };

  let lastCheck = Date.now();
  let lastRenew = Date.now();
  const poller = (async () => {
    while (!closed) {
      try {
        if (waiting.size > 0) {
          const fields = [...waiting.keys()];
          const values = await redis.hmget(keys.results, ...fields);
          const got = fields.flatMap((f, i) => (values[i] !== null ? [[f, values[i]!] as const] : []));
          if (got.length) {
            // Read once, then dropped: the hash holds only answers not yet taken, so memory stays flat.
            await redis.hdel(keys.results, ...got.map(([f]) => f));
            for (const [f, v] of got) settle(f, JSON.parse(v) as Answer);
          }
          if (Date.now() - lastCheck > stuckMs / 3) {
            lastCheck = Date.now();
            await checkStuck();
          }
        }
        if (Date.now() - lastRenew > 60_000) {
          lastRenew = Date.now();
          await redis.expire(keys.ctx, RUN_TTL_S);
        }
      } catch (e) {
        opts.log?.(`reading answers failed (retrying): ${(e as Error).message}`);
      }
      await new Promise((r) => setTimeout(r, pollMs));
    }
  })();

  return {
    concurrency: opts.concurrency ?? 32,
    async parsePosting(source, what) {
      const a = await ask({ key: `p${postings++}`, kind: 'posting', source: toWire(source), what });
      if (!('profile' in a)) throw createError('INTERNAL', { reason: 'a queue worker answered a posting with something else' });
      return a.profile;
    },
    async setContext(ctx: BatchContext) {
      context = JSON.stringify(ctx);
      await redis.set(keys.ctx, context, 'EX', RUN_TTL_S);
    },
    async score(job: ResumeJob) {
      const key = `r${job.index ?? resumes}`;
      resumes++;
      const a = await ask({ key, kind: 'resume', source: toWire(job.source), what: job.what, resumeId: job.resumeId });
      if (!('text' in a)) throw createError('INTERNAL', { reason: 'a queue worker answered a résumé with something else' });
      return Buffer.from(a.text, 'utf8');
    },
    async close() {
      closed = true;
      await poller;
      // A run that ends early (an error) takes its waiting jobs back; running ones find no context and stop.
      for (const [, w] of waiting) {
        w.reject(createError('SERVER_BUSY', { reason: 'the batch run is closing' }));
        await queue.remove(w.jobId).catch(() => {});
      }
      waiting.clear();
      await redis.del(keys.ctx, keys.results);
      await queue.close();
      await redis.quit();
    },
  };
}
