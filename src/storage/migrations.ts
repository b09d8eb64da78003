// Schema migrations: numbered steps applied in order, each recorded in schema_migrations.
// A step is never edited once released; a schema change is a new step at the end.
// The filter columns repeat fields of the profile so lists can filter and page on indexes;
// each has a (column, id) index because list pages are `filter = ? AND id > ? ORDER BY id`.

import type { Database } from 'better-sqlite3';
import type { ClientBase } from 'pg';

export type Dialect = 'sqlite' | 'postgres';

export interface Migration {
  version: number;
  name: string;
  /** The SQL per dialect: types differ (JSON text vs JSONB, ISO text vs timestamptz). */
  sql: Record<Dialect, string>;
}

// PostgreSQL ids use the "C" collation so id order is code-point order, the same as SQLite's
// BINARY order: both stores page through the same ids in the same order.
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'postings',
    sql: {
      sqlite: `
        CREATE TABLE postings (
          id TEXT NOT NULL PRIMARY KEY,
          text TEXT NOT NULL,
          format TEXT NOT NULL,
          hash TEXT NOT NULL,
          models_version TEXT NOT NULL,
          title TEXT,
          country TEXT,
          city TEXT,
          work_mode TEXT,
          employment_type TEXT,
          profile TEXT NOT NULL CHECK (json_valid(profile)),
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX postings_country ON postings (country, id);
        CREATE INDEX postings_city ON postings (city, id);
        CREATE INDEX postings_work_mode ON postings (work_mode, id);
        CREATE INDEX postings_employment_type ON postings (employment_type, id);`,
      postgres: `
        CREATE TABLE postings (
          id TEXT COLLATE "C" NOT NULL PRIMARY KEY,
          text TEXT NOT NULL,
          format TEXT NOT NULL,
          hash TEXT NOT NULL,
          models_version TEXT NOT NULL,
          title TEXT,
          country TEXT,
          city TEXT,
          work_mode TEXT,
          employment_type TEXT,
          profile JSONB NOT NULL,
          created_at TIMESTAMPTZ NOT NULL,
          updated_at TIMESTAMPTZ NOT NULL
        );
        CREATE INDEX postings_country ON postings (country, id);
        CREATE INDEX postings_city ON postings (city, id);
        CREATE INDEX postings_work_mode ON postings (work_mode, id);
        CREATE INDEX postings_employment_type ON postings (employment_type, id);`,
    },
  },
  {
    version: 2,
    name: 'candidates',
    // Contact details sit in their own table so they are never read with the profile by
    // accident, and go when the candidate goes (ON DELETE CASCADE).
    sql: {
      sqlite: `
        CREATE TABLE candidates (
          id TEXT NOT NULL PRIMARY KEY,
          text TEXT NOT NULL,
          format TEXT NOT NULL,
          hash TEXT NOT NULL,
          models_version TEXT NOT NULL,
          profile TEXT NOT NULL CHECK (json_valid(profile)),
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        ) STRICT;
        CREATE TABLE candidate_contacts (
          candidate_id TEXT NOT NULL PRIMARY KEY REFERENCES candidates (id) ON DELETE CASCADE,
          contact TEXT NOT NULL CHECK (json_valid(contact))
        ) STRICT;`,
      postgres: `
        CREATE TABLE candidates (
          id TEXT COLLATE "C" NOT NULL PRIMARY KEY,
          text TEXT NOT NULL,
          format TEXT NOT NULL,
          hash TEXT NOT NULL,
          models_version TEXT NOT NULL,
          profile JSONB NOT NULL,
          created_at TIMESTAMPTZ NOT NULL,
          updated_at TIMESTAMPTZ NOT NULL
        );
        CREATE TABLE candidate_contacts (
          candidate_id TEXT COLLATE "C" NOT NULL PRIMARY KEY REFERENCES candidates (id) ON DELETE CASCADE,
          contact JSONB NOT NULL
        );`,
    },
  },
  {
    version: 3,
    name: 'profile codec',
    // Profiles are stored compact (see compact.ts): texts that are slices of the stored document
    // text are dropped, and profile_codec says where to put them back. NULL: a full profile, as
    // every row written before this step is, read as it is.
    sql: {
      sqlite: `
        ALTER TABLE postings ADD COLUMN profile_codec TEXT CHECK (json_valid(profile_codec));
        ALTER TABLE candidates ADD COLUMN profile_codec TEXT CHECK (json_valid(profile_codec));`,
      postgres: `
        ALTER TABLE postings ADD COLUMN profile_codec JSONB;
        ALTER TABLE candidates ADD COLUMN profile_codec JSONB;`,
    },
  },
  {
    version: 4,
    name: 'batches',
    // Batch jobs: the request, the résumés sent with it (so a restart loses nothing), and one
    // result per résumé keyed by its place in the batch (so a result written twice is kept once).
    sql: {
      sqlite: `
        CREATE TABLE batches (
          id TEXT NOT NULL PRIMARY KEY,
          status TEXT NOT NULL,
          request TEXT NOT NULL CHECK (json_valid(request)),
          total INTEGER NOT NULL,
          done INTEGER NOT NULL DEFAULT 0,
          error TEXT,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          finished_at TEXT
        ) STRICT;
        CREATE INDEX batches_status ON batches (status, id);
        CREATE TABLE batch_inputs (
          batch_id TEXT NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
          idx INTEGER NOT NULL,
          resume_id TEXT NOT NULL,
          source TEXT NOT NULL,
          PRIMARY KEY (batch_id, idx)
        ) STRICT;
        CREATE TABLE batch_results (
          batch_id TEXT NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
          idx INTEGER NOT NULL,
          body TEXT NOT NULL,
          PRIMARY KEY (batch_id, idx)
        ) STRICT;`,
      postgres: `
        CREATE TABLE batches (
          id TEXT COLLATE "C" NOT NULL PRIMARY KEY,
          status TEXT NOT NULL,
          request JSONB NOT NULL,
          total INTEGER NOT NULL,
          done INTEGER NOT NULL DEFAULT 0,
          error TEXT,
          created_at TIMESTAMPTZ NOT NULL,
          updated_at TIMESTAMPTZ NOT NULL,
          finished_at TIMESTAMPTZ
        );
        CREATE INDEX batches_status ON batches (status, id);
        CREATE TABLE batch_inputs (
          batch_id TEXT COLLATE "C" NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
          idx INTEGER NOT NULL,
          resume_id TEXT NOT NULL,
          source TEXT NOT NULL,
          PRIMARY KEY (batch_id, idx)
        );
        CREATE TABLE batch_results (
          batch_id TEXT COLLATE "C" NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
          idx INTEGER NOT NULL,
          body TEXT NOT NULL,
          PRIMARY KEY (batch_id, idx)
        );`,
    },
  },
];

/** The steps not yet applied, in version order. */
export function pendingMigrations(applied: Iterable<number>, all: readonly Migration[] = MIGRATIONS): Migration[] {
  const done = new Set(applied);
  return [...all].sort((a, b) => a.version - b.version).filter((m) => !done.has(m.version));
}

/** Applies the pending steps in one IMMEDIATE transaction (so two processes cannot both apply one). */
export function migrateSqlite(db: Database, now: () => Date, all: readonly Migration[] = MIGRATIONS): number[] {
  const run = db.transaction((): number[] => {
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL) STRICT');
    const applied = db.prepare<[], { version: number }>('SELECT version FROM schema_migrations').all();
    const record = db.prepare<[number, string]>('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)');
    const pending = pendingMigrations(applied.map((r) => r.version), all);
    for (const m of pending) {
      db.exec(m.sql.sqlite);
      record.run(m.version, now().toISOString());
    }
    return pending.map((m) => m.version);
  });
  return run.immediate();
}

/**
 * Applies the pending steps on `client`, which must be inside a transaction the caller owns,
 * creating `schema` first when one is given (the search path must already name it). An advisory
 * lock per search path makes concurrent starts wait for each other instead of racing on CREATE.
 */
export async function migratePostgres(client: ClientBase, now: () => Date, schema: string | null = null, all: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  await client.query("SELECT pg_advisory_xact_lock(hashtext('rolefit.migrate:' || current_setting('search_path')))");
  if (schema !== null) await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema.replaceAll('"', '""')}"`);
  await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)');
  const applied = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
  const pending = pendingMigrations(applied.rows.map((r) => r.version), all);
  for (const m of pending) {
    await client.query(m.sql.postgres);
    await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [m.version, now().toISOString()]);
  }
  return pending.map((m) => m.version);
}
