// Batch runs through Redis and BullMQ: the same bytes as this machine's threads; two `rolefit
// worker` processes, one killed with SIGKILL mid-run, and still every résumé once; a job retried
// after it answered is not written twice. Needs a Redis (ROLEFIT_TEST_REDIS; .ci/run starts one).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { resumesJsonl, SAMPLES } from '../helpers/batch.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { createEngine } from '../../src/app/index.ts';
import { runBatch, type BatchRunOptions } from '../../src/batch/run.ts';
import { batchScorer, QUEUE_NAME, queueScorer, runKeys, type Answer, type BatchJobData } from '../../src/batch/queue.ts';
import { threadScorer, type Scorer } from '../../src/batch/scorer.ts';
import { startWorker } from '../../src/batch/worker.ts';

const REDIS = process.env.ROLEFIT_TEST_REDIS;
const BIN = new URL('../../bin/rolefit.js', import.meta.url).pathname;
const config = loadConfig({});
const dir = mkdtempSync(join(tmpdir(), 'rolefit-queue-'));
// A database of its own (by process id), so another test run on the same Redis takes none of these jobs.
const URL_ = REDIS ? `${REDIS.replace(/\/\d*$/, '')}/${1 + (process.pid % 15)}` : '';

const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});


describe('batch queue mode: choosing it', () => {
  it('ROLEFIT_REDIS_URL selects the queue; without it a run uses threads', () => {
    expect(loadConfig({ ROLEFIT_REDIS_URL: 'redis://q:6379' }).redisUrl).toBe('redis://q:6379');
    expect(loadConfig({}).redisUrl).toBeNull();
    expect(batchScorer(loadConfig({}))).toBe(threadScorer);
    expect(batchScorer(loadConfig({ ROLEFIT_REDIS_URL: 'redis://q:6379' }))).not.toBe(threadScorer);
  });

  it('refuses a Redis that cannot be reached with a coded error', async () => {
    await expect(queueScorer('redis://127.0.0.1:1', config)).rejects.toMatchObject({ code: 'SERVER_BUSY' });
  });
});

describe.skipIf(!REDIS)('batch through Redis workers (skipped: set ROLEFIT_TEST_REDIS to a Redis URL; .ci/run starts one)', () => {
  const engine = createEngine();
  const base = (over: Partial<BatchRunOptions>): BatchRunOptions => ({
    resumes: `${SAMPLES}resumes`, postings: `${SAMPLES}postings`, out: join(dir, 'x.ndjson'),
    query: { top: 3, asOf: { y: 2026, m: 11 } }, config, workers: 2,
    modelsVersion: engine.modelsVersion, scoringVersion: engine.scoring.scoringVersion, ...over,
  });

  it('writes the bytes a thread run writes (NDJSON top, CSV all, error lines), and leaves nothing in Redis', async () => {
    const resumes = resumesJsonl(dir, 'mixed.jsonl', 1, ['{not json', JSON.stringify({ id: 'gone', path: 'no-such-file.pdf' }), JSON.stringify({ id: 'empty', text: '   ' })]);
    const worker = await startWorker({ redisUrl: URL_, config, threads: 2 });
    // One pool of local threads for both reference runs (starting one costs seconds on a busy machine).
    const threads = await threadScorer(config, 2);
    const local = async (): Promise<Scorer> => ({ ...threads, close: async () => {} });
    try {
      for (const [name, query] of [['top.ndjson', { top: 3, asOf: { y: 2026, m: 11 } }], ['all.csv', { all: true, minScore: 20, asOf: { y: 2026, m: 11 } }]] as const) {
        const reference = join(dir, `local-${name}`);
        const queued = join(dir, `queued-${name}`);
        await runBatch(base({ resumes, out: reference, query, scorer: local }));
        const s = await runBatch(base({ resumes, out: queued, query, scorer: batchScorer(config, URL_, { runId: `same-${name.replace('.', '-')}-${process.pid}` }) }));
        expect(s).toMatchObject({ resumes: 23, postings: 60, errors: 3 });
        expect(readFileSync(queued, 'utf8')).toBe(readFileSync(reference, 'utf8'));
        const redis = new Redis(URL_);
        expect(await redis.exists(runKeys(`same-${name.replace('.', '-')}-${process.pid}`).ctx, runKeys(`same-${name.replace('.', '-')}-${process.pid}`).results)).toBe(0);
        await redis.quit();
      }
      expect(readFileSync(join(dir, 'queued-top.ndjson'), 'utf8')).toContain('"code":"INPUT_BAD_JSONL"');

      // A run started with other models: the worker refuses its jobs rather than score them with its own.
      const models = join(dir, 'other-models');
      mkdirSync(models, { recursive: true });
      writeFileSync(join(models, 'MANIFEST.json'), JSON.stringify({ version: '0.0.0+other' }));
      const warnings: string[] = [];
      const out = join(dir, 'other-models.ndjson');
      const s = await runBatch(base({
        out, config: { ...config, modelsDir: models }, warn: (m) => warnings.push(m),
        scorer: (c) => queueScorer(URL_, c, { attempts: 2, stuckMs: 2000 }),
      }));
      expect(s).toMatchObject({ postings: 0, skippedPostings: 60, errors: 20 });
      expect(warnings[0]).toMatch(/INTERNAL: .*this worker's models are .*, the run's are 0\.0\.0\+other/);
      expect(readFileSync(out, 'utf8').split('\n')[0]).toMatch(/"code":"INTERNAL".*the run's are 0\.0\.0\+other/);
    } finally {
      await Promise.all([worker.close(), threads.close()]);
    }
  }, 240_000);

  it('two `rolefit worker` processes, one killed with SIGKILL mid-run: every résumé once, in order', async () => {
    const worker = (): Promise<ChildProcess> => new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, 'worker', '--redis', URL_, '--concurrency', '1'], { stdio: ['ignore', 'ignore', 'pipe'] });
      children.push(child);
      let err = '';
      child.stderr!.on('data', (b: Buffer) => {
        err += b.toString();
        if (err.includes('worker ready')) resolve(child);
      });
      child.on('exit', (code) => reject(new Error(`a worker exited (${code}) before it was ready: ${err}`)));
    });
    const [a, b] = await Promise.all([worker(), worker()]);
    const copies = 6;
    const resumes = resumesJsonl(dir, 'many.jsonl', copies);
    const out = join(dir, 'killed.ndjson');
    let killedAt = -1;
    const runId = `kill-${process.pid}-${Date.now()}`;
    const s = await runBatch(base({
      resumes, out, scorer: batchScorer(config, URL_, { runId }),
      progress: (done) => {
        if (killedAt < 0 && done >= 15) {
          killedAt = done;
          a.kill('SIGKILL');
        }
      },
    }));
    expect(killedAt).toBeGreaterThan(0);
    expect(killedAt).toBeLessThan(60);
    expect(a.signalCode).toBe('SIGKILL');
    expect(b.exitCode).toBeNull();
    expect(s).toMatchObject({ resumes: 20 * copies, errors: 0 });
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    const files = readdirSync(`${SAMPLES}resumes`).sort().map((f) => f.replace(/\.txt$/, ''));
    expect(lines.map((l) => (JSON.parse(l) as { resumeId: string }).resumeId)).toEqual(Array.from({ length: copies }, (_, c) => files.map((f) => `${f}-${c}`)).flat());
    // Each copy scored as the first: none lost to the kill, none half-written.
    for (let i = 20; i < lines.length; i++) expect(lines[i]!.replace(/-\d+"/, '"')).toBe(lines[i % 20]!.replace(/-\d+"/, '"'));
    // The killed worker held jobs: they were taken back as stalled and redone by the survivor.
    const redis = new Redis(URL_);
    const events = await redis.xrange(`bull:${QUEUE_NAME}:events`, '-', '+');
    await redis.quit();
    const stalled = events.map(([, f]) => Object.fromEntries(f.flatMap((v, i) => (i % 2 ? [] : [[v, f[i + 1]]]))) as Record<string, string>)
      .filter((e) => e.event === 'stalled' && e.jobId?.startsWith(`${runId}.`));
    expect(stalled.length).toBeGreaterThan(0);
    // The survivor stops cleanly on SIGTERM.
    const exited = new Promise<number | null>((r) => b.on('exit', (code) => r(code)));
    b.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 300_000);

  it('a job that answered and then failed is retried, and its résumé is written once, with its first answer', async () => {
    const postings = join(dir, 'few-postings.jsonl');
    writeFileSync(postings, readdirSync(`${SAMPLES}postings`).sort().slice(0, 3).map((f) => JSON.stringify({ id: f.replace(/\.txt$/, ''), text: readFileSync(`${SAMPLES}postings/${f}`, 'utf8') })).join('\n') + '\n');
    const resumes = join(dir, 'few.jsonl');
    writeFileSync(resumes, ['a', 'b', 'c', 'd'].map((id) => JSON.stringify({ id, text: `résumé ${id}` })).join('\n') + '\n');
    // A worker that writes its answer, then dies before completing the job (here: throws) the first
    // time; the retry answers differently. The run must keep the first answer, once.
    const redis = new Redis(URL_, { maxRetriesPerRequest: null });
    const tries = new Map<string, number>();
    const flaky = new Worker<BatchJobData>(QUEUE_NAME, async (job) => {
      const d = job.data;
      const n = (tries.get(d.key) ?? 0) + 1;
      tries.set(d.key, n);
      const answer: Answer = d.kind === 'posting'
        ? { profile: engine.parsePosting('raw' in d.source ? d.source.raw : '') }
        : { text: `${JSON.stringify({ resumeId: d.resumeId, try: n })}\n` };
      await redis.hsetnx(runKeys(d.run).results, d.key, JSON.stringify(answer));
      if (d.kind === 'resume' && n === 1) throw new Error('killed after answering');
      return null;
    }, { connection: redis, concurrency: 4 });
    try {
      const out = join(dir, 'retried.ndjson');
      const scorer = (c: typeof config) => queueScorer(URL_, c, { attempts: 3 });
      const s = await runBatch(base({ resumes, postings, out, scorer }));
      expect(s).toMatchObject({ resumes: 4, postings: 3, errors: 0 });
      expect(readFileSync(out, 'utf8')).toBe(['a', 'b', 'c', 'd'].map((id) => `${JSON.stringify({ resumeId: id, try: 1 })}\n`).join(''));
      // Each résumé's job ran twice (the retry found the answer already written).
      await expect.poll(() => ['r0', 'r1', 'r2', 'r3'].map((k) => tries.get(k)), { timeout: 10_000 }).toEqual([2, 2, 2, 2]);
    } finally {
      await flaky.close();
      await redis.quit();
    }
  }, 120_000);
});
