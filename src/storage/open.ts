// Opens the configured store, migrated and ready: PostgreSQL when a URL is given, else the
// embedded SQLite file.

import { openPostgresStore } from './postgres.ts';
import type { StoreOptions } from './shared.ts';
import { openSqliteStore } from './sqlite.ts';
import type { Store } from './store.ts';

export const DEFAULT_DB = 'rolefit.db';

export interface OpenStoreOptions extends StoreOptions {
  /** SQLite database file (default rolefit.db); ignored when `pg` is given. */
  db?: string;
  /** PostgreSQL connection URL. */
  pg?: string;
}

/** The store a service configuration names: PostgreSQL when `pg` is set, else the SQLite file. */
export function openConfiguredStore(config: { db: string; pg: string | null }): Promise<Store> {
  return openStore({ db: config.db, ...(config.pg ? { pg: config.pg } : {}) });
}

export async function openStore(opts: OpenStoreOptions): Promise<Store> {
  const clock = opts.now ? { now: opts.now } : {};
  const store = opts.pg ? openPostgresStore(opts.pg, clock) : openSqliteStore(opts.db ?? DEFAULT_DB, clock);
  try {
    await store.migrate();
  } catch (e) {
    await store.close();
    throw e;
  }
  return store;
}
