// Frozen defaults. Everything configurable starts here; load.ts layers the environment on top.

import { availableParallelism } from 'node:os';

export interface Config {
  /** Folder of compiled models (MANIFEST.json, skills.json, ...). */
  modelsDir: string;
  /** Largest document accepted, in bytes. */
  maxInputBytes: number;
  /** Largest bulk request body (JSONL or array of postings), in bytes. */
  maxBulkBytes: number;
  /** HTTP service: where it listens. */
  port: number;
  host: string;
  /** SQLite file of the embedded store. */
  db: string;
  /** PostgreSQL URL of a shared store; wins over `db` when set. */
  pg: string | null;
  /** API keys; none means the API is open (a loud warning when bound beyond loopback). */
  apiKeys: string[];
  /** Requests per minute per client (API key or address); 0 turns the limit off. */
  rateLimitPerMinute: number;
  /** Whole-request time limit in milliseconds. */
  requestTimeoutMs: number;
  logLevel: string;
  /** Service processes on this machine sharing the port (`serve --workers`). */
  workers: number;
  /** Most pages a PDF may have. */
  maxPdfPages: number;
  /** Most bytes a compressed document (DOCX) may unpack to, all parts together. */
  maxUnpackedBytes: number;
  /** Parser threads per service process. */
  parseWorkers: number;
  /** Time one document may take to parse before its thread is ended and replaced. */
  parseTimeoutMs: number;
  /** Heap limit of one parser thread, in MB. */
  parseMemoryMb: number;
  /** Documents that may wait for a parser thread before requests are refused as busy. */
  parseQueue: number;
  /** Browser origins (scheme://host[:port]) allowed to call the API cross-origin; none turns CORS off. */
  corsOrigins: string[];
  /** Redis of the batch queue (BullMQ): set, batch runs are scored by `rolefit worker` processes. */
  redisUrl: string | null;
}

export const DEFAULTS: Readonly<Config> = Object.freeze({
  modelsDir: new URL('../../models/', import.meta.url).pathname,
  maxInputBytes: 10 * 1024 * 1024,
  maxBulkBytes: 64 * 1024 * 1024,
  port: 3000,
  host: '127.0.0.1',
  db: 'rolefit.db',
  pg: null,
  apiKeys: [],
  rateLimitPerMinute: 1200,
  requestTimeoutMs: 30_000,
  logLevel: 'info',
  workers: 1,
  maxPdfPages: 50,
  maxUnpackedBytes: 50 * 1024 * 1024,
  parseWorkers: Math.max(2, availableParallelism() - 1),
  parseTimeoutMs: 20_000,
  parseMemoryMb: 1024,
  parseQueue: 64,
  corsOrigins: [],
  redisUrl: null,
});
