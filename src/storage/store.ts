// The store interface: postings and candidates kept as parsed profiles beside the text they were
// read from. Two implementations (SQLite embedded, PostgreSQL shared) pass the same test suite.
// Every method is async so both fit; every multi-row write is one transaction (all or nothing).

import type { PostingProfile } from '../domain/posting.ts';
import type { ResumeProfile } from '../domain/resume.ts';

/** What a caller writes: the text read (spans point into it), how it was read, and its profile. */
export interface PostingInput {
  id: string;
  text: string;
  format: string;
  /** sha256 of the raw input: a re-put with the same hash and models version changes nothing. */
  hash: string;
  profile: PostingProfile;
}

export interface StoredPosting extends PostingInput {
  modelsVersion: string;
  /** ISO timestamps. */
  createdAt: string;
  updatedAt: string;
}

export interface CandidateInput {
  id: string;
  text: string;
  format: string;
  hash: string;
  /** The profile with `contact` emptied: contact details live apart and are never scored. */
  profile: ResumeProfile;
  contact: ResumeProfile['contact'];
}

export interface StoredCandidate extends CandidateInput {
  modelsVersion: string;
  createdAt: string;
  updatedAt: string;
}

import type { PostingFilter } from '../domain/filter.ts';
import type { BatchStore } from './batches.ts';

export type PutOutcome = 'created' | 'updated' | 'unchanged';

/** Equality filters on columns the store keeps apart from the profile JSON. */
export type { PostingFilter } from '../domain/filter.ts';

export interface PageRequest {
  /** 1..1000. */
  limit: number;
  /** Opaque: the `next` of the previous page. */
  cursor?: string | null;
}

export interface Page<T> {
  items: T[];
  /** Cursor for the next page; null on the last page. */
  next: string | null;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Batch jobs, their résumés and results. */
  readonly batches: BatchStore;
  /** Runs pending schema migrations. Idempotent. */
  migrate(): Promise<void>;

  /** One transaction: every posting is written, or (on any error) none is. Outcomes in input order. */
  putPostings(items: PostingInput[]): Promise<PutOutcome[]>;
  getPosting(id: string): Promise<StoredPosting | null>;
  /** Several at once, in the order asked; unknown ids are left out. */
  getPostings(ids: string[]): Promise<StoredPosting[]>;
  /** Ordered by id; cursor pagination. */
  listPostings(filter: PostingFilter, page: PageRequest): Promise<Page<StoredPosting>>;
  countPostings(): Promise<number>;
  deletePosting(id: string): Promise<boolean>;
  /** Every posting, in id order, read in batches (start-up index build, reindex). */
  eachPosting(batchSize?: number): AsyncIterable<StoredPosting[]>;

  putCandidate(item: CandidateInput): Promise<PutOutcome>;
  getCandidate(id: string): Promise<StoredCandidate | null>;
  listCandidates(page: PageRequest): Promise<Page<StoredCandidate>>;
  countCandidates(): Promise<number>;
  /** Deletes the candidate and everything kept about them. */
  deleteCandidate(id: string): Promise<boolean>;
  eachCandidate(batchSize?: number): AsyncIterable<StoredCandidate[]>;

  close(): Promise<void>;
}
