// Telling other service instances what changed in a shared store, so each keeps its in-memory
// index in step: PostgreSQL's LISTEN/NOTIFY across machines (here), process messages between the
// workers of one machine (server/cluster.ts). A change names ids only; receivers read the store.

import { randomUUID } from 'node:crypto';
import pg from 'pg';

export interface Change {
  kind: 'posting' | 'candidate';
  ids: string[];
}

export interface ChangeBus {
  publish(change: Change): void;
  subscribe(fn: (change: Change) => void): void;
  close(): Promise<void>;
}

const CHANNEL = 'rolefit_changes';
/** NOTIFY payloads must stay under 8000 bytes. */
const PAYLOAD_BYTES = 7000;

export function isChange(m: unknown): m is Change {
  const c = m as Change;
  return typeof m === 'object' && m !== null && (c.kind === 'posting' || c.kind === 'candidate') && Array.isArray(c.ids) && c.ids.every((id) => typeof id === 'string');
}

/** Splits a change into NOTIFY-sized pieces. */
export function payloads(origin: string, change: Change): string[] {
  const out: string[] = [];
  let ids: string[] = [];
  let size = 0;
  for (const id of change.ids) {
    if (ids.length && size + id.length + 3 > PAYLOAD_BYTES) {
      out.push(JSON.stringify({ origin, kind: change.kind, ids }));
      ids = [];
      size = 0;
    }
    ids.push(id);
    size += Buffer.byteLength(id) + 3;
  }
  if (ids.length) out.push(JSON.stringify({ origin, kind: change.kind, ids }));
  return out;
}

/** LISTEN on one dedicated connection; NOTIFY through it too (its own notes are skipped). */
export async function openPostgresChanges(url: string, onError: (e: Error) => void = () => {}): Promise<ChangeBus> {
  const origin = randomUUID();
  const client = new pg.Client({ connectionString: url });
  const listeners: Array<(c: Change) => void> = [];
  client.on('error', onError);
  client.on('notification', (n) => {
    if (n.channel !== CHANNEL || !n.payload) return;
    try {
      const m = JSON.parse(n.payload) as Change & { origin?: string };
      if (m.origin === origin || !isChange(m)) return;
      for (const fn of listeners) fn({ kind: m.kind, ids: m.ids });
    } catch {
      // Not ours: another program on the same channel.
    }
  });
  await client.connect();
  await client.query(`LISTEN ${CHANNEL}`);
  return {
    publish(change) {
      for (const p of payloads(origin, change)) client.query('SELECT pg_notify($1, $2)', [CHANNEL, p]).catch(onError);
    },
    subscribe(fn) {
      listeners.push(fn);
    },
    close: () => client.end(),
  };
}
