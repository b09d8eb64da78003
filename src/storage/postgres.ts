// The shared store: PostgreSQL through a pg Pool. Profiles are JSONB; every multi-row write is
// one transaction on one pooled client; batches are written with one statement per chunk.

import { batchStore, numbered, type SqlExec } from './batches.ts';
import pg from 'pg';
import type { PoolClient } from 'pg';
import type { PostingProfile } from '../domain/posting.ts';
import type { ResumeProfile } from '../domain/resume.ts';
import { createError } from '../errors.ts';
import { decodeProfile, encodeProfile } from './compact.ts';
import { migratePostgres } from './migrations.ts';
import {
  DEFAULT_BATCH, type StoreOptions, checkLimit, decodeCursor, emptyContact, filterValues,
  inOrderAsked, planPuts, postingColumns, profileWithoutContact, toPage,
  POSTING,
  CANDIDATE,
  type VersionRow,
  keysetBatches,
  versions,
} from './shared.ts';
import type { CandidateInput, PostingInput, PutOutcome, Store, StoredCandidate, StoredPosting } from './store.ts';

export interface PostgresOptions extends StoreOptions {
  /** Keep the tables in this schema (created by migrate) instead of the search path's default. */
  schema?: string;
  /** Most connections the pool opens. */
  maxConnections?: number;
}

/** Rows per INSERT statement: bounds the size of one protocol message for big batches. */
const WRITE_CHUNK = 500;

interface PostingRow {
  id: string;
  text: string;
  format: string;
  hash: string;
  models_version: string;
  profile: unknown;
  profile_codec: unknown;
  created_at: Date;
  updated_at: Date;
}

interface CandidateRow extends PostingRow {
  contact: unknown;
}


// One statement writes a whole chunk: parallel arrays, one per column, unnested into rows.
const UPSERT_POSTINGS = `
  INSERT INTO postings (id, text, format, hash, models_version, title, country, city, work_mode, employment_type, profile, profile_codec, created_at, updated_at)
  SELECT id, text, format, hash, models_version, title, country, city, work_mode, employment_type, profile::jsonb, profile_codec::jsonb, $13::timestamptz, $13::timestamptz
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[])
    AS t (id, text, format, hash, models_version, title, country, city, work_mode, employment_type, profile, profile_codec)
  ON CONFLICT (id) DO UPDATE SET
    text = excluded.text, format = excluded.format, hash = excluded.hash, models_version = excluded.models_version,
    title = excluded.title, country = excluded.country, city = excluded.city, work_mode = excluded.work_mode,
    employment_type = excluded.employment_type, profile = excluded.profile, profile_codec = excluded.profile_codec,
    updated_at = excluded.updated_at`;

const UPSERT_CANDIDATE = `
  INSERT INTO candidates (id, text, format, hash, models_version, profile, profile_codec, created_at, updated_at)
  VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8::timestamptz, $8::timestamptz)
  ON CONFLICT (id) DO UPDATE SET
    text = excluded.text, format = excluded.format, hash = excluded.hash, models_version = excluded.models_version,
    profile = excluded.profile, profile_codec = excluded.profile_codec, updated_at = excluded.updated_at`;

const UPSERT_CONTACT = `
  INSERT INTO candidate_contacts (candidate_id, contact) VALUES ($1, $2::jsonb)
  ON CONFLICT (candidate_id) DO UPDATE SET contact = excluded.contact`;

function toPosting(r: PostingRow): StoredPosting {
  return {
    id: r.id, text: r.text, format: r.format, hash: r.hash, profile: decodeProfile<PostingProfile>(r.profile, r.profile_codec, r.text),
    modelsVersion: r.models_version, createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString(),
  };
}

function toCandidate(r: CandidateRow): StoredCandidate {
  return {
    id: r.id, text: r.text, format: r.format, hash: r.hash, profile: decodeProfile<ResumeProfile>(r.profile, r.profile_codec, r.text),
    contact: r.contact === null ? emptyContact() : (r.contact as ResumeProfile['contact']),
    modelsVersion: r.models_version, createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString(),
  };
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Runs `fn` between BEGIN and COMMIT on one client; any error rolls back and is rethrown. */
async function transaction<T>(pool: pg.Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (e) {
    // A connection that cannot roll back is in an unknown state: the pool must not reuse it.
    await client.query('ROLLBACK').catch((rollbackError: unknown) => {
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    });
    throw e;
  } finally {
    client.release(broken);
  }
}

/** A pool for `url` (postgres://user:password@host:port/database); connects on first use. */
export function openPostgresStore(url: string, options: PostgresOptions = {}): Store {
  const now = options.now ?? (() => new Date());
  const schema = options.schema ?? null;
  if (schema !== null && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw createError('USAGE', { reason: `the schema name ${JSON.stringify(schema)} is not a lower-case SQL identifier` });
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    ...(schema === null ? {} : { options: `-c search_path=${schema}` }),
  });
  // An idle client's connection dropping (a server restart) is reported here; the pool discards
  // that client and the next query connects afresh. Without a listener it would crash the process.
  pool.on('error', () => {});
  let closed = false;

  async function postingRows(conditions: Array<[string, string]>, after: string | null, limit: number): Promise<PostingRow[]> {
    const params: Array<string | number> = [];
    const where = conditions.map(([column, value]) => `${column} = $${params.push(value)}`);
    if (after !== null) where.push(`id > $${params.push(after)}`);
    const sql = `${POSTING}${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY id LIMIT $${params.push(limit)}`;
    return (await pool.query<PostingRow>(sql, params)).rows;
  }

  async function candidateRows(after: string | null, limit: number): Promise<CandidateRow[]> {
    const result = after === null
      ? await pool.query<CandidateRow>(`${CANDIDATE} ORDER BY c.id LIMIT $1`, [limit])
      : await pool.query<CandidateRow>(`${CANDIDATE} WHERE c.id > $1 ORDER BY c.id LIMIT $2`, [after, limit]);
    return result.rows;
  }

  async function writePostings(client: PoolClient, items: PostingInput[], at: string): Promise<void> {
    for (const chunk of chunks(items, WRITE_CHUNK)) {
      const columns: Array<Array<string | null>> = Array.from({ length: 12 }, () => []);
      for (const item of chunk) {
        const c = postingColumns(item.profile);
        const stored = encodeProfile(item.profile, item.text);
        const row = [item.id, item.text, item.format, item.hash, item.profile.modelsVersion, c.title, c.country, c.city, c.workMode, c.employmentType, stored.profile, stored.codec];
        row.forEach((value, i) => columns[i]!.push(value));
      }
      await client.query(UPSERT_POSTINGS, [...columns, at]);
    }
  }

  const exec = (q: { query: pg.Pool['query'] }): Omit<SqlExec, 'tx' | 'json'> => ({
    all: async <T>(sql: string, params: unknown[]) => (await q.query(numbered(sql), params)).rows as T[],
    run: async (sql, params) => void (await q.query(numbered(sql), params)),
  });
  const batchExec: SqlExec = { ...exec(pool), json: '::jsonb', tx: (fn) => transaction(pool, (client) => fn({ ...exec(client as unknown as { query: pg.Pool['query'] }), json: '::jsonb', tx: (f) => f(batchExec) })) };

  return {
    kind: 'postgres',
    batches: batchStore(batchExec, now),

    async migrate() {
      await transaction(pool, (client) => migratePostgres(client, now, schema));
    },

    async putPostings(items: PostingInput[]): Promise<PutOutcome[]> {
      if (items.length === 0) return [];
      return transaction(pool, async (client) => {
        const ids = [...new Set(items.map((item) => item.id))];
        // FOR UPDATE (in id order, so two batches cannot deadlock): a concurrent put of the same
        // ids waits for this one and then sees its result.
        const stored = await client.query<VersionRow>('SELECT id, hash, models_version FROM postings WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE', [ids]);
        const plan = planPuts(items, (item) => item.profile.modelsVersion, versions(stored.rows));
        await writePostings(client, plan.writes, now().toISOString());
        return plan.outcomes;
      });
    },

    async getPosting(id) {
      const result = await pool.query<PostingRow>(`${POSTING} WHERE id = $1`, [id]);
      return result.rows[0] ? toPosting(result.rows[0]) : null;
    },

    async getPostings(ids) {
      if (ids.length === 0) return [];
      const result = await pool.query<PostingRow>(`${POSTING} WHERE id = ANY($1::text[])`, [[...new Set(ids)]]);
      return inOrderAsked(ids, result.rows.map(toPosting));
    },

    async listPostings(filter, page) {
      const limit = checkLimit(page.limit);
      const after = decodeCursor('posting', page.cursor);
      return toPage((await postingRows(filterValues(filter), after, limit + 1)).map(toPosting), limit, 'posting');
    },

    async countPostings() {
      const result = await pool.query<{ n: string }>('SELECT count(*) AS n FROM postings');
      return Number(result.rows[0]!.n);
    },

    async deletePosting(id) {
      const result = await pool.query('DELETE FROM postings WHERE id = $1', [id]);
      return (result.rowCount ?? 0) > 0;
    },

    eachPosting(batchSize = DEFAULT_BATCH) {
      return keysetBatches(batchSize, (after, size) => postingRows([], after, size), toPosting);
    },

    async putCandidate(item: CandidateInput): Promise<PutOutcome> {
      return transaction(pool, async (client) => {
        const stored = await client.query<VersionRow>('SELECT id, hash, models_version FROM candidates WHERE id = $1 FOR UPDATE', [item.id]);
        const plan = planPuts([item], (c) => c.profile.modelsVersion, versions(stored.rows));
        const at = now().toISOString();
        for (const c of plan.writes) {
          const stored = encodeProfile(profileWithoutContact(c.profile), c.text);
          await client.query(UPSERT_CANDIDATE, [c.id, c.text, c.format, c.hash, c.profile.modelsVersion, stored.profile, stored.codec, at]);
          await client.query(UPSERT_CONTACT, [c.id, JSON.stringify(c.contact)]);
        }
        return plan.outcomes[0]!;
      });
    },

    async getCandidate(id) {
      const result = await pool.query<CandidateRow>(`${CANDIDATE} WHERE c.id = $1`, [id]);
      return result.rows[0] ? toCandidate(result.rows[0]) : null;
    },

    async listCandidates(page) {
      const limit = checkLimit(page.limit);
      const after = decodeCursor('candidate', page.cursor);
      return toPage((await candidateRows(after, limit + 1)).map(toCandidate), limit, 'candidate');
    },

    async countCandidates() {
      const result = await pool.query<{ n: string }>('SELECT count(*) AS n FROM candidates');
      return Number(result.rows[0]!.n);
    },

    async deleteCandidate(id) {
      // candidate_contacts goes with it: ON DELETE CASCADE.
      const result = await pool.query('DELETE FROM candidates WHERE id = $1', [id]);
      return (result.rowCount ?? 0) > 0;
    },

    eachCandidate(batchSize = DEFAULT_BATCH) {
      return keysetBatches(batchSize, candidateRows, toCandidate);
    },

    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
