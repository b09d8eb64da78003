// JSON schemas of the routes: Fastify validates with them and @fastify/swagger publishes them.
// Unknown fields are refused (additionalProperties: false) so a typo never passes silently.

import { ID_PATTERN } from '../app/index.ts';

const id = { type: 'string', pattern: ID_PATTERN, description: 'Your id (1-128 of A-Z a-z 0-9 . _ : -); when absent, one is made from the content.' } as const;
const text = { type: 'string', minLength: 1, description: 'The document as text: plain, HTML, schema.org JSON-LD or JSON Resume.' } as const;
const file = { description: 'multipart/form-data only: the document file (text, HTML, PDF, DOCX, JSON).' } as const;
const asOf = { type: 'string', pattern: '^(\\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?|document)$', description: 'What "present" means in the résumé: YYYY-MM or YYYY-MM-DD, or "document" for the date a PDF or DOCX file carries (today when it has none); default today.' } as const;
const weights = { description: 'Per-request weight overrides (an object, or its JSON as a string in multipart forms); see the README.', anyOf: [{ type: 'object' }, { type: 'string' }] } as const;
const filters = {
  country: { type: 'string', pattern: '^[A-Za-z]{2}$', description: 'ISO 3166 alpha-2 code' },
  city: { type: 'string', minLength: 1 },
  workMode: { type: 'string', enum: ['remote', 'hybrid', 'on-site', 'onsite'], description: 'onsite is read as on-site' },
  employmentType: { type: 'string', minLength: 1, description: 'full-time, part-time, contract, temporary, internship, ...' },
} as const;
const ranking = {
  top: { type: 'integer', minimum: 1, maximum: 100, default: 10 },
  minScore: { type: 'number', minimum: 0, maximum: 100 },
  passingOnly: { type: 'boolean', description: 'only results whose must-haves are all met' },
  weights,
  explain: { type: 'string', enum: ['summary', 'full'], default: 'summary', description: 'full adds the whole Match to each result' },
} as const;

export const postingBody = {
  anyOf: [
    { type: 'object', additionalProperties: false, properties: { id, text, file } },
    { type: 'object', description: 'A schema.org JobPosting (JSON-LD) as the whole body', anyOf: [{ required: ['@type'] }, { required: ['@context'] }, { required: ['@graph'] }] },
  ],
} as const;

export const resumeBody = {
  type: 'object',
  additionalProperties: false,
  properties: { id, text, file, resume: { type: 'object', description: 'A JSON Resume object' }, asOf },
} as const;

export const matchBody = {
  type: 'object',
  additionalProperties: false,
  properties: { text, file, resume: { type: 'object', description: 'A JSON Resume object' }, candidateId: id, asOf, ...filters, ...ranking },
} as const;

export const candidatesRankBody = {
  type: 'object',
  additionalProperties: false,
  properties: ranking,
} as const;

const docRef = (what: string) => ({
  type: 'object',
  additionalProperties: false,
  properties: { id: { ...id, description: `A stored ${what}'s id` }, text, ...(what === 'candidate' ? { resume: { type: 'object' } } : { posting: { type: 'object', description: 'A schema.org JobPosting object' } }) },
}) as const;

export const scoreBody = {
  type: 'object',
  additionalProperties: false,
  required: ['resume', 'posting'],
  properties: { resume: docRef('candidate'), posting: docRef('posting'), asOf, weights, explain: { type: 'boolean', default: true } },
} as const;

export const listQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 }, cursor: { type: 'string', maxLength: 400 }, ...filters },
} as const;

export const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: ID_PATTERN } } } as const;

export const includeQuery = (values: string[]) => ({
  type: 'object',
  additionalProperties: false,
  properties: { include: { type: 'string', enum: values } },
}) as const;

// Responses, for the OpenAPI document (and Fastify's faster serializer). Nested documents
// (profiles, the full Match) are open objects: their fields are the README's "Output fields".
const open = { type: 'object', additionalProperties: true } as const;
const nullableString = { type: ['string', 'null'] } as const;
const errorResponse = {
  type: 'object',
  properties: {
    error: { type: 'object', properties: { code: { type: 'string', description: 'see the README error table' }, message: { type: 'string' } } },
    requestId: { type: 'string' },
  },
} as const;
/** The error body, for routes whose success has no body (204). */
export const errorResponses = { '4xx': errorResponse, '5xx': errorResponse } as const;
const gates = { type: 'object', properties: { passed: { type: 'boolean' }, failed: { type: 'array', items: { type: 'string' } } } } as const;
const ranked = (idField: string) => ({
  type: 'object',
  properties: {
    [idField]: { type: 'string' },
    ...(idField === 'postingId' ? { title: nullableString } : {}),
    score: { type: 'number', description: '0-100' },
    gates,
    summary: { type: 'string' },
    reasons: { type: 'array', items: { type: 'string' } },
    ceiling: { type: 'number', description: 'the most this candidate could score on this role by closing every gap' },
    match: { ...open, description: 'the whole Match, with explain: full' },
  },
}) as const;

export const matchResponse = {
  200: {
    type: 'object',
    properties: {
      results: { type: 'array', items: ranked('postingId') },
      stats: { type: 'object', properties: { roles: { type: 'integer' }, scored: { type: 'integer', description: 'postings the full scorer read' }, ms: { type: 'number' } } },
      asOf: { type: 'string' },
      modelsVersion: { type: 'string' },
      scoringVersion: { type: 'string' },
    },
  },
  ...errorResponses,
} as const;

export const candidatesRankResponse = {
  200: {
    type: 'object',
    properties: {
      results: { type: 'array', items: ranked('candidateId') },
      stats: { type: 'object', properties: { candidates: { type: 'integer' }, scored: { type: 'integer' }, ms: { type: 'number' } } },
    },
  },
  ...errorResponses,
} as const;

export const matchObjectResponse = { 200: { ...open, description: 'Match: score, scoringVersion, gates, requirements, gaps, ceiling, similarity, summary, weights' }, ...errorResponses } as const;
export const openResponse = (description: string) => ({ 200: { ...open, description }, 201: { ...open, description }, ...errorResponses }) as const;

const resumeIn = {
  type: 'object',
  additionalProperties: false,
  properties: {
    id: { ...id, description: 'The résumé\'s id in the results; default: its place in the list (1, 2, ...).' },
    text: { type: 'string', minLength: 1 },
    base64: { type: 'string', minLength: 1, description: 'A file (PDF, DOCX, text) as base64.' },
    filename: { type: 'string', maxLength: 255 },
  },
} as const;

export const batchBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    postingIds: { type: 'array', items: id, maxItems: 100000, description: 'Stored postings to score against; default: every stored posting that passes the filter.' },
    ...filters,
    resumes: { type: 'array', items: resumeIn, maxItems: 10000 },
    candidateIds: { type: 'array', items: id, maxItems: 100000, description: 'Stored candidates to score.' },
    top: { type: 'integer', minimum: 1, maximum: 100, description: 'The best N roles per résumé, explained (default 10).' },
    all: { type: 'boolean', description: 'Every pair on the fast path instead of the top N.' },
    minScore: ranking.minScore,
    passingOnly: ranking.passingOnly,
    weights,
    asOf,
  },
} as const;

const batchView = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    status: { type: 'string', enum: ['queued', 'running', 'done', 'cancelled', 'failed'] },
    progress: { type: 'object', properties: { done: { type: 'integer' }, total: { type: 'integer' } } },
    createdAt: { type: 'string' },
    finishedAt: nullableString,
    error: nullableString,
  },
} as const;

export const batchResponse = { 200: batchView, 202: batchView, ...errorResponses } as const;
export const batchResultsQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { format: { type: 'string', enum: ['ndjson', 'csv'], default: 'ndjson' } },
} as const;
