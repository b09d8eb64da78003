// Several service processes on one machine (`rolefit serve --workers N`): the primary migrates
// and seeds the store, forks the workers (they share the port), relays each worker's change
// notes to the others so every in-memory index stays in step, restarts a worker that dies, and
// on SIGINT/SIGTERM stops them all gracefully.

import cluster, { type Worker } from 'node:cluster';
import type { Config } from '../config/defaults.ts';
import { createEngine } from '../app/index.ts';
import { isChange, type Change, type ChangeBus } from '../storage/changes.ts';
import { openConfiguredStore } from '../storage/open.ts';
import { Catalog } from '../app/catalog.ts';
import { seedSamples } from './start.ts';

const TAG = 'rolefit:change';

/** A worker's side: notes go to the primary, which sends them on to the other workers. */
export function clusterBus(): ChangeBus {
  return {
    publish(change) {
      process.send?.({ [TAG]: change });
    },
    subscribe(fn) {
      process.on('message', (m: unknown) => {
        const c = (m as Record<string, unknown> | null)?.[TAG];
        if (isChange(c)) fn(c);
      });
    },
    close: async () => {},
  };
}

export async function runPrimary(config: Config, opts: { workers: number; seed: boolean; log: (line: string) => void }): Promise<void> {
  // Migrations and the first-run seed happen once, before any worker opens the store.
  const store = await openConfiguredStore(config);
  try {
    if (opts.seed) {
      const seeded = await seedSamples(new Catalog(createEngine(config), store));
      if (seeded) opts.log(`empty store: seeded ${seeded} sample postings`);
    }
  } finally {
    await store.close();
  }
  let stopping = false;
  const relay = (from: Worker, message: unknown): void => {
    const change = (message as Record<string, Change> | null)?.[TAG];
    if (!isChange(change)) return;
    for (const w of Object.values(cluster.workers ?? {})) if (w && w !== from) w.send({ [TAG]: change });
  };
  cluster.on('message', relay);
  cluster.on('exit', (w, code, signal) => {
    if (stopping) return;
    opts.log(`worker ${w.process.pid} exited (${signal ?? code}); starting another`);
    cluster.fork();
  });
  for (let i = 0; i < opts.workers; i++) cluster.fork();
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      stopping = true;
      const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
      let left = workers.length;
      if (left === 0) process.exit(0);
      for (const w of workers) {
        w.once('exit', () => {
          if (--left === 0) process.exit(0);
        });
        w.process.kill('SIGTERM');
      }
    });
  }
}
