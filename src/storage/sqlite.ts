// The embedded store: one SQLite file through better-sqlite3. Its API is synchronous; the
// methods are async only to share the Store interface. WAL lets readers run beside the writer.

import { batchStore, type SqlExec } from './batches.ts';
import Database from 'better-sqlite3';
import type { PostingProfile } from '../domain/posting.ts';
import type { ResumeProfile } from '../domain/resume.ts';
import { decodeProfile, encodeProfile } from './compact.ts';
import { migrateSqlite } from './migrations.ts';
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

/** How long a writer waits for another process's write lock before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;

interface PostingRow {
  id: string;
  text: string;
  format: string;
  hash: string;
  models_version: string;
  profile: string;
  profile_codec: string | null;
  created_at: string;
  updated_at: string;
}

interface CandidateRow extends PostingRow {
  contact: string | null;
}

// json_each takes the whole id list as one bound value, so no list runs into SQLite's limit on
// bound variables and one prepared statement serves every list length.
const IDS = '(SELECT value FROM json_each(?))';

function prepareStatements(db: Database.Database) {
  return {
    postingVersions: db.prepare<[string], VersionRow>(`SELECT id, hash, models_version FROM postings WHERE id IN ${IDS}`),
    upsertPosting: db.prepare<Record<string, string | null>>(`
      INSERT INTO postings (id, text, format, hash, models_version, title, country, city, work_mode, employment_type, profile, profile_codec, created_at, updated_at)
      VALUES (@id, @text, @format, @hash, @modelsVersion, @title, @country, @city, @workMode, @employmentType, @profile, @codec, @at, @at)
      ON CONFLICT (id) DO UPDATE SET
        text = excluded.text, format = excluded.format, hash = excluded.hash, models_version = excluded.models_version,
        title = excluded.title, country = excluded.country, city = excluded.city, work_mode = excluded.work_mode,
        employment_type = excluded.employment_type, profile = excluded.profile, profile_codec = excluded.profile_codec,
        updated_at = excluded.updated_at`),
    posting: db.prepare<[string], PostingRow>(`${POSTING} WHERE id = ?`),
    postings: db.prepare<[string], PostingRow>(`${POSTING} WHERE id IN ${IDS}`),
    countPostings: db.prepare<[], number>('SELECT count(*) FROM postings').pluck(),
    deletePosting: db.prepare<[string]>('DELETE FROM postings WHERE id = ?'),

    candidateVersion: db.prepare<[string], VersionRow>('SELECT id, hash, models_version FROM candidates WHERE id = ?'),
    upsertCandidate: db.prepare<Record<string, string | null>>(`
      INSERT INTO candidates (id, text, format, hash, models_version, profile, profile_codec, created_at, updated_at)
      VALUES (@id, @text, @format, @hash, @modelsVersion, @profile, @codec, @at, @at)
      ON CONFLICT (id) DO UPDATE SET
        text = excluded.text, format = excluded.format, hash = excluded.hash, models_version = excluded.models_version,
        profile = excluded.profile, profile_codec = excluded.profile_codec, updated_at = excluded.updated_at`),
    upsertContact: db.prepare<[string, string]>(`
      INSERT INTO candidate_contacts (candidate_id, contact) VALUES (?, ?)
      ON CONFLICT (candidate_id) DO UPDATE SET contact = excluded.contact`),
    candidate: db.prepare<[string], CandidateRow>(`${CANDIDATE} WHERE c.id = ?`),
    candidatesFirst: db.prepare<[number], CandidateRow>(`${CANDIDATE} ORDER BY c.id LIMIT ?`),
    candidatesAfter: db.prepare<[string, number], CandidateRow>(`${CANDIDATE} WHERE c.id > ? ORDER BY c.id LIMIT ?`),
    countCandidates: db.prepare<[], number>('SELECT count(*) FROM candidates').pluck(),
    deleteCandidate: db.prepare<[string]>('DELETE FROM candidates WHERE id = ?'),
  };
}

type Statements = ReturnType<typeof prepareStatements>;

function toPosting(r: PostingRow): StoredPosting {
  return {
    id: r.id, text: r.text, format: r.format, hash: r.hash, profile: decodeProfile<PostingProfile>(r.profile, r.profile_codec, r.text),
    modelsVersion: r.models_version, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

function toCandidate(r: CandidateRow): StoredCandidate {
  return {
    id: r.id, text: r.text, format: r.format, hash: r.hash, profile: decodeProfile<ResumeProfile>(r.profile, r.profile_codec, r.text),
    contact: r.contact === null ? emptyContact() : (JSON.parse(r.contact) as ResumeProfile['contact']),
    modelsVersion: r.models_version, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

export interface SqliteStore extends Store {
  readonly kind: 'sqlite';
  /** The connection, for maintenance (backup, VACUUM) and for tests that look at the tables. */
  readonly db: Database.Database;
}

/** Opens (creating if need be) the database at `path`; ':memory:' for a private in-memory one. */
export function openSqliteStore(path: string, options: StoreOptions = {}): SqliteStore {
  const now = options.now ?? (() => new Date());
  const db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
  } catch (e) {
    db.close();
    throw e;
  }

  // Prepared once, on first use: preparing needs the tables, which exist only after migrate().
  let statements: Statements | null = null;
  const st = (): Statements => (statements ??= prepareStatements(db));
  // List statements differ by which filters are set: one prepared statement per combination.
  const listStatements = new Map<string, Database.Statement<Array<string | number>, PostingRow>>();

  function postingRows(conditions: Array<[string, string]>, after: string | null, limit: number): PostingRow[] {
    const where = conditions.map(([column]) => `${column} = ?`);
    const params: Array<string | number> = conditions.map(([, value]) => value);
    if (after !== null) {
      where.push('id > ?');
      params.push(after);
    }
    const sql = `${POSTING}${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY id LIMIT ?`;
    let statement = listStatements.get(sql);
    if (!statement) {
      statement = db.prepare<Array<string | number>, PostingRow>(sql);
      listStatements.set(sql, statement);
    }
    return statement.all(...params, limit);
  }

  const candidateRows = (after: string | null, limit: number): CandidateRow[] =>
    after === null ? st().candidatesFirst.all(limit) : st().candidatesAfter.all(after, limit);

  const putPostings = db.transaction((items: PostingInput[]): PutOutcome[] => {
    const s = st();
    const ids = [...new Set(items.map((item) => item.id))];
    const plan = planPuts(items, (item) => item.profile.modelsVersion, versions(s.postingVersions.all(JSON.stringify(ids))));
    const at = now().toISOString();
    for (const item of plan.writes) {
      s.upsertPosting.run({
        id: item.id, text: item.text, format: item.format, hash: item.hash, modelsVersion: item.profile.modelsVersion,
        ...postingColumns(item.profile), ...encodeProfile(item.profile, item.text), at,
      });
    }
    return plan.outcomes;
  });

  const putCandidate = db.transaction((item: CandidateInput): PutOutcome => {
    const s = st();
    const stored = s.candidateVersion.get(item.id);
    const plan = planPuts([item], (c) => c.profile.modelsVersion, versions(stored ? [stored] : []));
    const at = now().toISOString();
    for (const c of plan.writes) {
      s.upsertCandidate.run({
        id: c.id, text: c.text, format: c.format, hash: c.hash, modelsVersion: c.profile.modelsVersion,
        ...encodeProfile(profileWithoutContact(c.profile), c.text), at,
      });
      s.upsertContact.run(c.id, JSON.stringify(c.contact));
    }
    return plan.outcomes[0]!;
  });

  const batchStatements = new Map<string, Database.Statement>();
  const stmt = (sql: string): Database.Statement => {
    let st = batchStatements.get(sql);
    if (!st) batchStatements.set(sql, (st = db.prepare(sql)));
    return st;
  };
  const batchExec: SqlExec = {
    all: async <T>(sql: string, params: unknown[]) => stmt(sql).all(...params) as T[],
    run: async (sql, params) => void stmt(sql).run(...params),
    json: '',
    // The statements inside are synchronous; BEGIN IMMEDIATE takes the write lock up front.
    tx: async (fn) => {
      db.exec('BEGIN IMMEDIATE');
      try {
        const r = await fn(batchExec);
        db.exec('COMMIT');
        return r;
      } catch (e) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw e;
      }
    },
  };

  return {
    kind: 'sqlite',
    db,
    batches: batchStore(batchExec, now),

    async migrate() {
      migrateSqlite(db, now);
    },

    async putPostings(items) {
      return items.length === 0 ? [] : putPostings.immediate(items);
    },

    async getPosting(id) {
      const row = st().posting.get(id);
      return row ? toPosting(row) : null;
    },

    async getPostings(ids) {
      if (ids.length === 0) return [];
      return inOrderAsked(ids, st().postings.all(JSON.stringify([...new Set(ids)])).map(toPosting));
    },

    async listPostings(filter, page) {
      const limit = checkLimit(page.limit);
      const after = decodeCursor('posting', page.cursor);
      return toPage(postingRows(filterValues(filter), after, limit + 1).map(toPosting), limit, 'posting');
    },

    async countPostings() {
      return st().countPostings.get()!;
    },

    async deletePosting(id) {
      return st().deletePosting.run(id).changes > 0;
    },

    eachPosting(batchSize = DEFAULT_BATCH) {
      return keysetBatches(batchSize, (after, size) => postingRows([], after, size), toPosting);
    },

    async putCandidate(item) {
      return putCandidate.immediate(item);
    },

    async getCandidate(id) {
      const row = st().candidate.get(id);
      return row ? toCandidate(row) : null;
    },

    async listCandidates(page) {
      const limit = checkLimit(page.limit);
      const after = decodeCursor('candidate', page.cursor);
      return toPage(candidateRows(after, limit + 1).map(toCandidate), limit, 'candidate');
    },

    async countCandidates() {
      return st().countCandidates.get()!;
    },

    async deleteCandidate(id) {
      // candidate_contacts goes with it: ON DELETE CASCADE, foreign_keys is on.
      return st().deleteCandidate.run(id).changes > 0;
    },

    eachCandidate(batchSize = DEFAULT_BATCH) {
      return keysetBatches(batchSize, candidateRows, toCandidate);
    },

    async close() {
      if (db.open) db.close();
    },
  };
}
