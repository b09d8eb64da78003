// What the SQLite and PostgreSQL stores share: how a batch of puts turns into outcomes and
// writes, the filter columns read off a posting profile, cursors, and argument checks.

import type { PostingProfile } from '../domain/posting.ts';
import type { ResumeProfile } from '../domain/resume.ts';
import { createError } from '../errors.ts';
import { FILTER_FIELDS, filterValue, normalizeFilter, type FilterField, type PostingFilter } from '../domain/filter.ts';
import type { PutOutcome } from './store.ts';

export const DEFAULT_BATCH = 500;

/** The row reads both dialects share. */
export const POSTING = 'SELECT id, text, format, hash, models_version, profile, profile_codec, created_at, updated_at FROM postings';
export const CANDIDATE = `SELECT c.id, c.text, c.format, c.hash, c.models_version, c.profile, c.profile_codec, c.created_at, c.updated_at, k.contact
  FROM candidates c LEFT JOIN candidate_contacts k ON k.candidate_id = c.id`;

export interface VersionRow {
  id: string;
  hash: string;
  models_version: string;
}

/** Stored versions by id, as planPuts reads them. */
export const versions = (rows: VersionRow[]): Map<string, StoredVersion> =>
  new Map(rows.map((r) => [r.id, { hash: r.hash, modelsVersion: r.models_version }]));
export const MAX_LIMIT = 1000;

export interface StoreOptions {
  /** The clock for createdAt / updatedAt / applied_at (tests pass a fixed one). */
  now?: () => Date;
}

/** What decides `unchanged`: the stored hash and models version of an id. */
export interface StoredVersion {
  hash: string;
  modelsVersion: string;
}

export interface PutPlan<T> {
  /** In input order. */
  outcomes: PutOutcome[];
  /** One item per id that changed: the batch's last item for that id. */
  writes: T[];
}

/**
 * Outcomes as if the items were written one after another (a repeated id in one batch sees the
 * earlier one), while only the last item per id is actually written: last one wins.
 */
export function planPuts<T extends { id: string; hash: string }>(
  items: readonly T[],
  modelsVersion: (item: T) => string,
  stored: ReadonlyMap<string, StoredVersion>,
): PutPlan<T> {
  const current = new Map(stored);
  const writes = new Map<string, T>();
  const outcomes = items.map((item): PutOutcome => {
    const version = { hash: item.hash, modelsVersion: modelsVersion(item) };
    const before = current.get(item.id);
    if (before && before.hash === version.hash && before.modelsVersion === version.modelsVersion) {
      // Same input as what is (or is about to be) stored; keep a pending write the batch's last.
      if (writes.has(item.id)) writes.set(item.id, item);
      return 'unchanged';
    }
    current.set(item.id, version);
    writes.set(item.id, item);
    return before ? 'updated' : 'created';
  });
  return { outcomes, writes: [...writes.values()] };
}

/** The columns lists filter on, normalized the way filters are (see `filterValues`). */
export interface PostingColumns {
  title: string | null;
  country: string | null;
  city: string | null;
  workMode: string | null;
  employmentType: string | null;
}

export function postingColumns(profile: PostingProfile): PostingColumns {
  const loc = profile.location;
  return {
    title: profile.title,
    country: filterValue('country', loc.country),
    city: filterValue('city', loc.city),
    workMode: filterValue('workMode', loc.workMode),
    employmentType: filterValue('employmentType', profile.employmentType),
  };
}

const COLUMN: Record<FilterField, string> = { country: 'country', city: 'city', workMode: 'work_mode', employmentType: 'employment_type' };

/** The filter's equality conditions as column -> value, normalized like the stored columns. */
export function filterValues(filter: PostingFilter): Array<[column: string, value: string]> {
  const f = normalizeFilter(filter);
  return FILTER_FIELDS.filter((k) => f[k] !== undefined).map((k) => [COLUMN[k], f[k]!]);
}

export type CursorKind = 'posting' | 'candidate';
const CURSOR_TAG: Record<CursorKind, string> = { posting: 'p:', candidate: 'c:' };

/** Opaque to clients: the last id of the page, tagged with what was listed. */
export function encodeCursor(kind: CursorKind, lastId: string): string {
  return Buffer.from(CURSOR_TAG[kind] + lastId, 'utf8').toString('base64url');
}

/** The id to continue after, or null for the first page. */
export function decodeCursor(kind: CursorKind, cursor: string | null | undefined): string | null {
  if (cursor === undefined || cursor === null) return null;
  const bad = (): never => {
    throw createError('USAGE', { reason: 'the cursor is not one this server gave out' });
  };
  // Buffer's decoder skips characters it does not know, so check the round trip too.
  if (typeof cursor !== 'string' || !/^[\w-]+$/.test(cursor)) return bad();
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (Buffer.from(decoded, 'utf8').toString('base64url') !== cursor) return bad();
  const tag = CURSOR_TAG[kind];
  return decoded.startsWith(tag) ? decoded.slice(tag.length) : bad();
}

export function checkLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw createError('USAGE', { reason: `the page limit must be a whole number from 1 to ${MAX_LIMIT}, not ${String(limit)}` });
  }
  return limit;
}

export function checkBatchSize(size: number): number {
  if (!Number.isInteger(size) || size < 1) {
    throw createError('USAGE', { reason: `the batch size must be a whole number above 0, not ${String(size)}` });
  }
  return size;
}

export function emptyContact(): ResumeProfile['contact'] {
  return { name: null, email: null, phone: null, location: null, links: [] };
}

/** The profile as stored: contact details never go into the profile column, whatever the caller passed. */
export function profileWithoutContact(profile: ResumeProfile): ResumeProfile {
  return { ...profile, contact: emptyContact() };
}

/** A page from `limit + 1` rows read: the extra row only says that there is a next page. */
export function toPage<T extends { id: string }>(rows: T[], limit: number, kind: CursorKind): { items: T[]; next: string | null } {
  if (rows.length <= limit) return { items: rows, next: null };
  const items = rows.slice(0, limit);
  return { items, next: encodeCursor(kind, items[items.length - 1]!.id) };
}

/**
 * Every row in id order, in batches of `batchSize`, by keyset pagination (never OFFSET): `read`
 * returns up to `size` rows after the id `after` (null: from the start).
 */
export async function* keysetBatches<R extends { id: string }, T>(
  batchSize: number,
  read: (after: string | null, size: number) => R[] | Promise<R[]>,
  convert: (row: R) => T,
): AsyncGenerator<T[]> {
  const size = checkBatchSize(batchSize);
  for (let after: string | null = null; ;) {
    const rows = await read(after, size);
    if (rows.length > 0) yield rows.map(convert);
    if (rows.length < size) return;
    after = rows[rows.length - 1]!.id;
  }
}

/** `items` in the order of `ids`, unknown ids left out (a repeated id is returned each time). */
export function inOrderAsked<T extends { id: string }>(ids: readonly string[], items: readonly T[]): T[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  return ids.flatMap((id) => {
    const item = byId.get(id);
    return item ? [item] : [];
  });
}
