// Batch jobs in the store, for both databases: one set of statements (written with ? and
// numbered for PostgreSQL), run through a small executor each store supplies. A result is keyed
// by the résumé's place in its batch and inserted only once, so a chunk written twice (a retry, a
// resumed job) changes nothing; `done` is recounted in the same transaction.

export type BatchStatus = 'queued' | 'running' | 'done' | 'cancelled' | 'failed';

export interface BatchRecord {
  id: string;
  status: BatchStatus;
  request: unknown;
  total: number;
  done: number;
  error: string | null;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

export interface BatchInput {
  idx: number;
  resumeId: string;
  /** The document as the caller sent it, serialised by the app layer. */
  source: string;
}

export interface BatchStore {
  createBatch(b: { id: string; request: unknown; inputs: Array<Omit<BatchInput, 'idx'>> }): Promise<void>;
  getBatch(id: string): Promise<BatchRecord | null>;
  setStatus(id: string, status: BatchStatus, error?: string | null): Promise<void>;
  /** Inputs from `fromIdx` on, in order. */
  inputs(id: string, fromIdx: number, limit: number): Promise<BatchInput[]>;
  /** Writes results (once each) and returns the batch's count of results. */
  putResults(id: string, rows: Array<{ idx: number; body: string }>): Promise<number>;
  /** Results after `afterIdx`, in order. */
  results(id: string, afterIdx: number, limit: number): Promise<Array<{ idx: number; body: string }>>;
  /** Batches a restart must take up again. */
  unfinished(): Promise<string[]>;
  /** Drops the résumés a batch was sent (cancelled or finished: they are personal data). */
  dropInputs(id: string): Promise<void>;
}

/** What a store gives the batch statements: queries with ? placeholders, and a transaction. */
export interface SqlExec {
  all<T>(sql: string, params: unknown[]): Promise<T[]>;
  run(sql: string, params: unknown[]): Promise<void>;
  tx<T>(fn: (ex: SqlExec) => Promise<T>): Promise<T>;
  /** The dialect's JSON cast for a bound text (PostgreSQL needs ::jsonb). */
  json: string;
}

interface BatchRow {
  id: string;
  status: BatchStatus;
  request: unknown;
  total: number;
  done: number;
  error: string | null;
  created_at: string | Date;
  updated_at: string | Date;
  finished_at: string | Date | null;
}

const iso = (v: string | Date | null): string | null => (v === null ? null : typeof v === 'string' ? v : v.toISOString());

export function batchStore(db: SqlExec, now: () => Date): BatchStore {
  return {
    async createBatch(b) {
      const at = now().toISOString();
      await db.tx(async (ex) => {
        await ex.run(`INSERT INTO batches (id, status, request, total, done, created_at, updated_at) VALUES (?, 'queued', ?${db.json}, ?, 0, ?, ?)`, [b.id, JSON.stringify(b.request), b.inputs.length, at, at]);
        // In slices: one statement's bound values stay within either database's limit.
        for (let i = 0; i < b.inputs.length; i += 200) {
          const slice = b.inputs.slice(i, i + 200);
          await ex.run(`INSERT INTO batch_inputs (batch_id, idx, resume_id, source) VALUES ${slice.map(() => '(?, ?, ?, ?)').join(', ')}`, slice.flatMap((x, j) => [b.id, i + j, x.resumeId, x.source]));
        }
      });
    },
    async getBatch(id) {
      const [r] = await db.all<BatchRow>('SELECT id, status, request, total, done, error, created_at, updated_at, finished_at FROM batches WHERE id = ?', [id]);
      if (!r) return null;
      return {
        id: r.id, status: r.status, request: typeof r.request === 'string' ? JSON.parse(r.request) : r.request, total: Number(r.total), done: Number(r.done), error: r.error,
        createdAt: iso(r.created_at)!, updatedAt: iso(r.updated_at)!, finishedAt: iso(r.finished_at),
      };
    },
    async setStatus(id, status, error = null) {
      const at = now().toISOString();
      const final = status === 'done' || status === 'cancelled' || status === 'failed';
      await db.run(`UPDATE batches SET status = ?, error = ?, updated_at = ?${final ? ', finished_at = ?' : ''} WHERE id = ?`, final ? [status, error, at, at, id] : [status, error, at, id]);
    },
    async inputs(id, fromIdx, limit) {
      const rows = await db.all<{ idx: number; resume_id: string; source: string }>('SELECT idx, resume_id, source FROM batch_inputs WHERE batch_id = ? AND idx >= ? ORDER BY idx LIMIT ?', [id, fromIdx, limit]);
      return rows.map((r) => ({ idx: Number(r.idx), resumeId: r.resume_id, source: r.source }));
    },
    async putResults(id, rows) {
      return db.tx(async (ex) => {
        for (let i = 0; i < rows.length; i += 300) {
          const slice = rows.slice(i, i + 300);
          await ex.run(`INSERT INTO batch_results (batch_id, idx, body) VALUES ${slice.map(() => '(?, ?, ?)').join(', ')} ON CONFLICT (batch_id, idx) DO NOTHING`, slice.flatMap((r) => [id, r.idx, r.body]));
        }
        const [c] = await ex.all<{ n: number | string }>('SELECT count(*) AS n FROM batch_results WHERE batch_id = ?', [id]);
        const done = Number(c?.n ?? 0);
        await ex.run('UPDATE batches SET done = ?, updated_at = ? WHERE id = ?', [done, now().toISOString(), id]);
        return done;
      });
    },
    async results(id, afterIdx, limit) {
      const rows = await db.all<{ idx: number; body: string }>('SELECT idx, body FROM batch_results WHERE batch_id = ? AND idx > ? ORDER BY idx LIMIT ?', [id, afterIdx, limit]);
      return rows.map((r) => ({ idx: Number(r.idx), body: r.body }));
    },
    async unfinished() {
      return (await db.all<{ id: string }>("SELECT id FROM batches WHERE status IN ('queued', 'running') ORDER BY created_at, id", [])).map((r) => r.id);
    },
    async dropInputs(id) {
      await db.run('DELETE FROM batch_inputs WHERE batch_id = ?', [id]);
    },
  };
}

/** `?` placeholders numbered for PostgreSQL ($1, $2, ...); none of the statements quote a `?`. */
export function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}
