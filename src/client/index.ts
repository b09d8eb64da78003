// rolefit/client: a typed HTTP client for every route of the service. It needs only fetch,
// FormData and Blob (Node 20+ or a browser) and loads nothing of the server: its types come from
// the route schemas (see types.ts). Every failure the service reports is a RolefitApiError with the
// catalogue code, so callers branch on `code`, never on message text.

import type {
  BatchBody,
  BatchResultsFormat,
  BatchResume,
  BatchStatus,
  BulkResponse,
  CandidateInclude,
  CandidateResponse,
  CandidateSummary,
  ErrorBody,
  ErrorCode,
  HealthResponse,
  ListQuery,
  Match,
  MatchBody,
  MatchResponse,
  MatchUpload,
  Page,
  ParsedPosting,
  ParsedResume,
  PostingBody,
  PostingInclude,
  PostingResponse,
  PostingSummary,
  PostingUpload,
  RankCandidatesBody,
  RankCandidatesResponse,
  ReadyResponse,
  ResumeBody,
  ResumeUpload,
  ScoreBody,
  StoredCandidateResponse,
  StoredPostingResponse,
  Upload,
} from './types.ts';

export type * from './types.ts';

/** Any answer of the service that is not a success, with the catalogue code it carries. */
export class RolefitApiError extends Error {
  override readonly name = 'RolefitApiError';
  /** The README's error code; UNEXPECTED_RESPONSE when the answer was not the service's error body (a proxy's page). */
  readonly code: ErrorCode | 'UNEXPECTED_RESPONSE';
  readonly status: number;
  /** The service's request id (also in its logs), when it sent one. */
  readonly requestId: string | null;

  constructor(status: number, code: ErrorCode | 'UNEXPECTED_RESPONSE', message: string, requestId: string | null) {
    super(message);
    this.status = status;
    this.code = code;
    this.requestId = requestId;
  }

  /** The error body exactly as the service sends it. */
  toJSON(): ErrorBody | { error: { code: 'UNEXPECTED_RESPONSE'; message: string }; requestId: string | null } {
    return { error: { code: this.code, message: this.message }, requestId: this.requestId } as ErrorBody;
  }
}

export interface ClientOptions {
  /** Where the service is, e.g. http://127.0.0.1:3000 (a path prefix is kept). */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <key>` when the service has API keys. */
  apiKey?: string;
  /** A fetch to use instead of the global one (tests, proxies, retries). */
  fetch?: typeof fetch;
  /** Extra headers on every request (x-request-id, tracing). */
  headers?: Record<string, string>;
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Sent as x-request-id; the service echoes it and logs it. */
  requestId?: string;
}

type Query = Record<string, string | number | boolean | undefined>;

const isUpload = (b: object): b is Upload => 'file' in b && (b as { file: unknown }).file !== undefined;

/** A multipart body: the file plus the other fields as text (objects as JSON, as the routes read them). */
function formOf(body: Upload & Record<string, unknown>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(body)) {
    if (k === 'file' || k === 'filename' || v === undefined) continue;
    form.append(k, typeof v === 'object' ? JSON.stringify(v) : String(v));
  }
  const blob = body.file instanceof Blob ? body.file : new Blob([body.file as Uint8Array<ArrayBuffer>]);
  form.append('file', blob, body.filename ?? (body.file instanceof File ? body.file.name : 'document'));
  return form;
}

export class RolefitClient {
  readonly baseUrl: string;
  readonly #apiKey: string | undefined;
  readonly #fetch: typeof fetch;
  readonly #headers: Record<string, string>;

  constructor(opts: ClientOptions) {
    let base = opts.baseUrl;
    while (base.endsWith('/')) base = base.slice(0, -1);
    this.baseUrl = base;
    this.#apiKey = opts.apiKey;
    this.#fetch = opts.fetch ?? globalThis.fetch.bind(globalThis);
    this.#headers = opts.headers ?? {};
  }

  /** The raw response of any call (for streams); a failure still throws RolefitApiError. */
  async raw(method: string, path: string, init: { query?: Query; body?: unknown; contentType?: string } & RequestOptions = {}): Promise<Response> {
    const url = new URL(this.baseUrl + path);
    for (const [k, v] of Object.entries(init.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { ...this.#headers };
    if (this.#apiKey) headers.authorization = `Bearer ${this.#apiKey}`;
    if (init.requestId) headers['x-request-id'] = init.requestId;
    let body: RequestInit['body'];
    if (init.body instanceof FormData) body = init.body;
    else if (typeof init.body === 'string') {
      body = init.body;
      headers['content-type'] = init.contentType ?? 'text/plain';
    } else if (init.body !== undefined) {
      body = JSON.stringify(init.body);
      headers['content-type'] = 'application/json';
    }
    const res = await this.#fetch(url, { method, headers, ...(body !== undefined ? { body } : {}), ...(init.signal ? { signal: init.signal } : {}) });
    if (!res.ok && res.status !== 304) throw await errorOf(res);
    return res;
  }

  async #json<T>(method: string, path: string, init: { query?: Query; body?: unknown; contentType?: string } & RequestOptions = {}): Promise<T> {
    const res = await this.raw(method, path, init);
    if (res.status === 204) return undefined as T;
    return (await res.json()) as T;
  }

  // JSON bodies as they are; an Upload becomes multipart with its other fields as form fields.
  #body(b: object): unknown {
    return isUpload(b) ? formOf(b as Upload & Record<string, unknown>) : b;
  }

  // Liveness and readiness.
  health(o?: RequestOptions): Promise<HealthResponse> {
    return this.#json('GET', '/health', { ...o });
  }
  ready(o?: RequestOptions): Promise<ReadyResponse> {
    return this.#json('GET', '/ready', { ...o });
  }

  // Postings.
  /** POST /v1/postings: `{id?, text}`, a JobPosting JSON-LD object, or a file. */
  createPosting(body: PostingBody | PostingUpload, o?: RequestOptions): Promise<StoredPostingResponse> {
    return this.#json('POST', '/v1/postings', { body: this.#body(body), ...o });
  }
  /** PUT /v1/postings/:id: create or replace. */
  putPosting(id: string, body: PostingBody | Omit<PostingUpload, 'id'>, o?: RequestOptions): Promise<StoredPostingResponse> {
    return this.#json('PUT', `/v1/postings/${encodeURIComponent(id)}`, { body: this.#body(body), ...o });
  }
  /** POST /v1/postings/bulk: an array of `{id?, text}` (sent as JSONL when given as a string). */
  bulkPostings(items: Array<{ id?: string; text: string }> | string, o?: RequestOptions): Promise<BulkResponse> {
    return this.#json('POST', '/v1/postings/bulk', { body: items, ...(typeof items === 'string' ? { contentType: 'application/x-ndjson' } : {}), ...o });
  }
  /** GET /v1/postings: one page; pass `next` back as `cursor` for the following one. */
  listPostings(query: ListQuery = {}, o?: RequestOptions): Promise<Page<PostingSummary>> {
    return this.#json('GET', '/v1/postings', { query, ...o });
  }
  /** Every stored posting matching the filter, page after page. */
  async *allPostings(query: Omit<ListQuery, 'cursor'> = {}, o?: RequestOptions): AsyncGenerator<PostingSummary> {
    let cursor: string | null = null;
    do {
      const page: Page<PostingSummary> = await this.listPostings({ ...query, ...(cursor ? { cursor } : {}) }, o);
      yield* page.items;
      cursor = page.next;
    } while (cursor);
  }
  getPosting(id: string, query: { include?: PostingInclude } = {}, o?: RequestOptions): Promise<PostingResponse> {
    return this.#json('GET', `/v1/postings/${encodeURIComponent(id)}`, { query, ...o });
  }
  deletePosting(id: string, o?: RequestOptions): Promise<void> {
    return this.#json('DELETE', `/v1/postings/${encodeURIComponent(id)}`, { ...o });
  }

  // Candidates.
  createCandidate(body: ResumeBody | ResumeUpload, o?: RequestOptions): Promise<StoredCandidateResponse> {
    return this.#json('POST', '/v1/candidates', { body: this.#body(body), ...o });
  }
  putCandidate(id: string, body: ResumeBody | ResumeUpload, o?: RequestOptions): Promise<StoredCandidateResponse> {
    return this.#json('PUT', `/v1/candidates/${encodeURIComponent(id)}`, { body: this.#body(body), ...o });
  }
  listCandidates(query: { limit?: number; cursor?: string } = {}, o?: RequestOptions): Promise<Page<CandidateSummary>> {
    return this.#json('GET', '/v1/candidates', { query, ...o });
  }
  /** The profile without contact details; include "contact" and/or "text" to add them. */
  getCandidate(id: string, query: { include?: CandidateInclude } = {}, o?: RequestOptions): Promise<CandidateResponse> {
    return this.#json('GET', `/v1/candidates/${encodeURIComponent(id)}`, { query, ...o });
  }
  deleteCandidate(id: string, o?: RequestOptions): Promise<void> {
    return this.#json('DELETE', `/v1/candidates/${encodeURIComponent(id)}`, { ...o });
  }

  // Matching and parsing.
  /** POST /v1/match: a résumé (text, JSON Resume, stored candidateId, or a file) -> the best stored roles. */
  match(body: MatchBody | MatchUpload, o?: RequestOptions): Promise<MatchResponse> {
    return this.#json('POST', '/v1/match', { body: this.#body(body), ...o });
  }
  /** POST /v1/score: one résumé against one posting -> the Match. */
  score(body: ScoreBody, o?: RequestOptions): Promise<Match> {
    return this.#json('POST', '/v1/score', { body, ...o });
  }
  /** POST /v1/postings/:id/candidates: the best stored candidates for a stored posting. */
  rankCandidates(postingId: string, body: RankCandidatesBody = {}, o?: RequestOptions): Promise<RankCandidatesResponse> {
    return this.#json('POST', `/v1/postings/${encodeURIComponent(postingId)}/candidates`, { body, ...o });
  }
  parsePosting(body: PostingBody | Omit<PostingUpload, 'id'>, o?: RequestOptions): Promise<ParsedPosting> {
    return this.#json('POST', '/v1/postings/parse', { body: this.#body(body), ...o });
  }
  parseResume(body: Omit<ResumeBody, 'id'> | Omit<ResumeUpload, 'id'>, o?: RequestOptions): Promise<ParsedResume> {
    return this.#json('POST', '/v1/resumes/parse', { body: this.#body(body), ...o });
  }

  // Batches.
  /**
   * POST /v1/batches -> 202 with the batch's id and progress. Files (PDF, DOCX, text) given in
   * `files` are sent as base64 résumés, after those in `body.resumes`.
   */
  async createBatch(body: BatchBody, files: Array<{ file: Blob | Uint8Array; filename?: string; id?: string }> = [], o?: RequestOptions): Promise<BatchStatus> {
    const fromFiles: BatchResume[] = [];
    for (const f of files) {
      const bytes = f.file instanceof Blob ? new Uint8Array(await f.file.arrayBuffer()) : f.file;
      fromFiles.push({ base64: base64Of(bytes), ...(f.filename ? { filename: f.filename } : {}), ...(f.id ? { id: f.id } : {}) });
    }
    const resumes = [...(body.resumes ?? []), ...fromFiles];
    return this.#json('POST', '/v1/batches', { body: { ...body, ...(resumes.length ? { resumes } : {}) }, ...o });
  }
  getBatch(id: string, o?: RequestOptions): Promise<BatchStatus> {
    return this.#json('GET', `/v1/batches/${encodeURIComponent(id)}`, { ...o });
  }
  /** GET /v1/batches/:id/results: what is finished so far (all of it once done), as a Response to stream. */
  batchResults(id: string, format: BatchResultsFormat = 'ndjson', o?: RequestOptions): Promise<Response> {
    return this.raw('GET', `/v1/batches/${encodeURIComponent(id)}/results`, { query: { format }, ...o });
  }
  /** DELETE /v1/batches/:id: the batch stops after its current chunk; results so far stay readable. */
  cancelBatch(id: string, o?: RequestOptions): Promise<BatchStatus> {
    return this.#json('DELETE', `/v1/batches/${encodeURIComponent(id)}`, { ...o });
  }
}

/** Bytes as base64 with what both Node and browsers have (btoa), a chunk at a time. */
function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

async function errorOf(res: Response): Promise<RolefitApiError> {
  const requestId = res.headers.get('x-request-id');
  const text = await res.text().catch(() => '');
  try {
    const body = JSON.parse(text) as Partial<ErrorBody>;
    if (body.error && typeof body.error.code === 'string' && typeof body.error.message === 'string') {
      return new RolefitApiError(res.status, body.error.code, body.error.message, body.requestId ?? requestId);
    }
  } catch {
    // Not JSON: below.
  }
  return new RolefitApiError(res.status, 'UNEXPECTED_RESPONSE', `HTTP ${res.status}: ${text.slice(0, 200) || res.statusText}`, requestId);
}

/** A client for the service at baseUrl. */
export function createClient(opts: ClientOptions): RolefitClient {
  return new RolefitClient(opts);
}
