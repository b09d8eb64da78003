// The service entry: open the store, load the index, seed the samples on first run, listen,
// and shut down gracefully (in-flight requests finish, the store closes) on SIGINT/SIGTERM.

import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/defaults.ts';
import { createEngine, type Engine } from '../app/index.ts';
import { openConfiguredStore } from '../storage/open.ts';
import { openPostgresChanges, type ChangeBus } from '../storage/changes.ts';
import { buildApp } from './app.ts';
import { BatchJobs } from '../batch/jobs.ts';
import { threadScorer } from '../batch/scorer.ts';
import { queueScorer } from '../batch/queue.ts';
import { Catalog } from '../app/catalog.ts';
import { readInputs } from '../app/inputs.ts';
import { createError } from '../errors.ts';
import { ParsePool } from '../workers/parse-pool.ts';

export const SAMPLE_POSTINGS = new URL('../../data/samples/postings/', import.meta.url).pathname;

export interface Started {
  app: FastifyInstance;
  catalog: Catalog;
  address: string;
  close(): Promise<void>;
}

/** Stores the sample postings when the store has none (the quick start's first run). */
export async function seedSamples(catalog: Catalog, dir = SAMPLE_POSTINGS): Promise<number> {
  if ((await catalog.store.countPostings()) > 0) return 0;
  // Read as `rolefit rank --postings <dir>` reads a folder: ids from file names, any document type.
  const { docs: read } = await readInputs(dir, catalog.engine.config);
  const docs = read.map((d) => {
    if ('error' in d) throw createError('INTERNAL', { reason: `sample ${d.id} cannot be read: ${d.error.message}` });
    return { id: d.id, raw: d.text };
  });
  if (docs.length) await catalog.putPostings(docs);
  return docs.length;
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

export async function startServer(config: Config, opts: { seed: boolean; version: string; engine?: Engine; signals?: boolean; bus?: ChangeBus }): Promise<Started> {
  const engine = opts.engine ?? createEngine(config);
  const store = await openConfiguredStore(config);
  // Instances sharing a PostgreSQL store hear each other's writes; workers of one machine, each other's.
  let bus: ChangeBus | null = opts.bus ?? null;
  if (!bus && config.pg) bus = await openPostgresChanges(config.pg);
  // Documents are parsed in worker threads, each within its time and memory budget.
  const pool = await ParsePool.start({ config });
  let app: FastifyInstance;
  let catalog: Catalog;
  let address: string;
  try {
    catalog = new Catalog(engine, store, bus, pool);
    // With ROLEFIT_REDIS_URL, batch jobs are scored by `rolefit worker` processes on any machine.
    const redisUrl = config.redisUrl;
    const scorer = redisUrl ? (c: Config, _w: number, runId: string) => queueScorer(redisUrl, c, { runId, log: (line) => app.log.warn(line) }) : threadScorer;
    const batches = new BatchJobs(catalog, config, scorer, config.parseWorkers);
    app = await buildApp({ catalog, config, version: opts.version, logger: { level: config.logLevel }, batches });
    const loaded = await catalog.load();
    app.log.info({ ...loaded, store: store.kind, modelsVersion: engine.modelsVersion }, 'index loaded');
    if (opts.seed) {
      const seeded = await seedSamples(catalog);
      if (seeded) app.log.info({ postings: seeded, from: SAMPLE_POSTINGS }, 'empty store: seeded the sample postings');
    }
    // Batch jobs a stop interrupted go on from their first résumé without a result.
    const resumed = await batches.resumeUnfinished();
    if (resumed) app.log.info({ batches: resumed }, 'resumed unfinished batch jobs');
    if (!config.apiKeys.length && !isLoopback(config.host)) {
      app.log.warn(`NO API KEYS ARE SET AND THE SERVER LISTENS ON ${config.host}: anyone who can reach it can read and change the store. Set ROLEFIT_API_KEYS.`);
    }
    address = await app.listen({ port: config.port, host: config.host });
  } catch (e) {
    // Nothing may keep the process alive after a failed start: no parser threads, no connections.
    await pool.close();
    await bus?.close();
    await store.close();
    throw e;
  }
  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => (closing ??= (async () => {
    await app.close();
    await pool.close();
    await bus?.close();
    await store.close();
  })());
  if (opts.signals) {
    for (const sig of ['SIGINT', 'SIGTERM'] as const) {
      process.once(sig, () => {
        app.log.info({ signal: sig }, 'shutting down');
        void close().then(() => process.exit(0), () => process.exit(1));
      });
    }
  }
  return { app, catalog, address, close };
}
