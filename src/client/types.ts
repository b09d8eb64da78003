// The client's request and response types, derived from the route schemas in src/server/schemas.ts
// (the same objects Fastify validates with) and from the domain types for the documents those
// schemas leave open (profiles, the Match). Type-only imports: nothing of the server is loaded.

import type { FromSchema, JSONSchema } from 'json-schema-to-ts';
import type { Match } from '../domain/match.ts';
import type { PostingProfile, WorkMode } from '../domain/posting.ts';
import type { ResumeProfile } from '../domain/resume.ts';
import type { Warning } from '../domain/types.ts';
import type { ErrorCode } from '../errors.ts';
import type {
  batchBody,
  batchResponse,
  batchResultsQuery,
  candidatesRankBody,
  candidatesRankResponse,
  errorResponses,
  listQuery,
  matchBody,
  matchResponse,
  postingBody,
  resumeBody,
  scoreBody,
} from '../server/schemas.ts';

/**
 * The response schemas list no `required` (they describe what the server always sends), which
 * FromSchema reads as "every field optional", and open objects add an index signature. Filled
 * keeps the named fields, each present; fields sent only when asked for are put back by hand.
 */
type Known<T> = { [K in keyof T as string extends K ? never : K]-?: Filled<Exclude<T[K], undefined>> };
type Filled<T> = T extends Array<infer I> ? Array<Filled<I>> : T extends object ? Known<T> : T;
type Response<S extends JSONSchema> = Filled<FromSchema<S>>;

// Requests: a field with a default may be left out. `file` is multipart-only; JSON never carries it.
type Request<S extends JSONSchema> = FromSchema<S, { keepDefaultedPropertiesOptional: true }>;
type Json<S extends JSONSchema> = Omit<Request<S>, 'file'>;
/** `{id?, text}`, or a schema.org JobPosting (JSON-LD) as the whole body. */
export type PostingBody = Json<(typeof postingBody)['anyOf'][0]> | FromSchema<(typeof postingBody)['anyOf'][1]>;
export type ResumeBody = Json<typeof resumeBody>;
export type MatchBody = Json<typeof matchBody>;
// scoreBody builds its two document references with one function whose conditional part loses
// its literal types, so the references are typed from the bodies they mirror; the rest of the
// body (asOf, weights, explain) from scoreBody itself.
type ScoreOptions = Request<{ type: 'object'; additionalProperties: false; properties: Omit<(typeof scoreBody)['properties'], 'resume' | 'posting'> }>;
export type ScoreBody = ScoreOptions & {
  resume: Pick<ResumeBody, 'id' | 'text' | 'resume'>;
  posting: Pick<Json<(typeof postingBody)['anyOf'][0]>, 'id' | 'text'> & { posting?: Record<string, unknown> };
};
export type RankCandidatesBody = Request<typeof candidatesRankBody>;
export type ListQuery = Request<typeof listQuery>;
/** What GET /v1/postings/:id and GET /v1/candidates/:id accept as include (the routes' includeQuery enums). */
export type PostingInclude = 'text';
export type CandidateInclude = 'contact' | 'text' | 'contact,text' | 'text,contact';

/** A document sent as a file (multipart/form-data), with the other fields of the same body. */
export interface Upload {
  /** The file's bytes: a Blob or File in a browser, or bytes in Node. */
  file: Blob | Uint8Array;
  /** The file name the server sees (its extension helps detection). */
  filename?: string;
}
export type MatchUpload = Upload & Omit<MatchBody, 'text' | 'resume' | 'candidateId'>;
export type ResumeUpload = Upload & Omit<ResumeBody, 'text' | 'resume'>;
export type PostingUpload = Upload & { id?: string };

// Responses with a schema.
type MatchResponseSchema = (typeof matchResponse)[200];
type RankResponseSchema = (typeof candidatesRankResponse)[200];
// `ranked(idField)` in schemas.ts names the id field with a computed key (and adds title for
// roles), which the schema's type cannot carry: those two are put back here by name.
type Ranked<R, Extra> = R extends { results: Array<infer Item> } ? Omit<R, 'results'> & { results: Array<Omit<Item, 'match' | 'title'> & Extra & { match?: Match }> } : never;
/** POST /v1/match: roles best first; each result's `match` is the whole Match with explain: "full". */
export type MatchResponse = Ranked<Response<MatchResponseSchema>, { postingId: string; title: string | null }>;
/** POST /v1/postings/:id/candidates: stored candidates best first. */
export type RankCandidatesResponse = Ranked<Response<RankResponseSchema>, { candidateId: string }>;
export type RankedRole = MatchResponse['results'][number];
export type RankedCandidate = RankCandidatesResponse['results'][number];

/** The error body every failure carries; `code` is one of the README's error codes. */
export type ErrorBody = Omit<Response<(typeof errorResponses)['4xx']>, 'error'> & { error: { code: ErrorCode; message: string } };
export type { ErrorCode, Match, PostingProfile, ResumeProfile };
export type { Evidence, RequirementResult } from '../domain/match.ts';

// Responses the schemas describe as open objects (their fields are the README's "Output fields"):
// typed from the domain types they are made of. test/client/client.test.ts checks every key
// below against a real server's answers, so these cannot drift unnoticed.
export type PutOutcome = 'created' | 'updated' | 'unchanged';
export interface PostingSummary {
  id: string;
  title: PostingProfile['title'];
  company: PostingProfile['company'];
  location: PostingProfile['location']['text'];
  country: PostingProfile['location']['country'];
  city: PostingProfile['location']['city'];
  workMode: WorkMode | null;
  employmentType: PostingProfile['employmentType'];
  format: string;
  modelsVersion: string;
  updatedAt: string;
}
export interface StoredPostingResponse extends PostingSummary {
  outcome: PutOutcome;
  requirements: number;
  warnings: Warning[];
}
export interface PostingResponse extends PostingSummary {
  createdAt: string;
  profile: PostingProfile;
  /** With include: "text": what the profile's spans point into. */
  text?: string;
}
export interface Page<T> {
  items: T[];
  /** The cursor of the next page; null on the last. */
  next: string | null;
}
export interface BulkResponse {
  results: Array<{ id: string; outcome: PutOutcome }>;
  counts: Record<PutOutcome, number>;
}
export interface CandidateSummary {
  id: string;
  asOf: ResumeProfile['asOf'];
  totalMonths: number;
  positions: number;
  skills: number;
  format: string;
  modelsVersion: string;
  updatedAt: string;
}
export interface StoredCandidateResponse {
  id: string;
  outcome: PutOutcome;
  asOf: ResumeProfile['asOf'];
  totalMonths: number;
  skills: number;
  warnings: Warning[];
}
export interface CandidateResponse extends CandidateSummary {
  createdAt: string;
  /** The profile; its contact block is empty (contact details come only with include: "contact"). */
  profile: ResumeProfile;
  contact?: ResumeProfile['contact'];
  text?: string;
}
/** POST /v1/postings/parse: the profile plus the text its spans point into. */
export type ParsedPosting = PostingProfile & { text: string };
/** POST /v1/resumes/parse: the profile plus the text its spans point into. */
export type ParsedResume = ResumeProfile & { text: string };
export interface HealthResponse {
  status: 'ok';
}
export interface ReadyResponse {
  status: 'ready' | 'loading' | 'store unavailable';
  store?: string;
  postings?: number;
  indexed?: number;
  candidates?: number;
  modelsVersion?: string;
  scoringVersion?: string;
}

// Batches: POST /v1/batches, GET /v1/batches/:id (/results), DELETE /v1/batches/:id.
/** A batch: stored postings (ids, a filter, or all) against résumés sent in it (text, or a file as base64) and/or stored candidates. */
export type BatchBody = Request<typeof batchBody>;
export type BatchResume = NonNullable<BatchBody['resumes']>[number];
/** A batch's status and progress; `finishedAt` and `error` are null until it ends (or fails). */
export type BatchStatus = Response<(typeof batchResponse)[202]>;
export type BatchStatusName = BatchStatus['status'];
export type BatchResultsFormat = NonNullable<Request<typeof batchResultsQuery>['format']>;
