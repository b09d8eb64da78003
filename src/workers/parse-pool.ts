// Parsing off the event loop: a pool of worker threads, each with the models loaded once. Every
// document gets a time budget: a thread that runs over it is ended and replaced, and the request
// gets INPUT_TOO_COMPLEX; a thread that runs out of its heap limit likewise. Waiting is bounded
// too: a full queue, or no free thread within the budget, answers SERVER_BUSY. So one hostile
// document costs one thread for at most the budget, and /health and scoring never wait on it.

import { Worker } from 'node:worker_threads';
import type { Config } from '../config/defaults.ts';
import type { Engine } from '../engine.ts';
import { createError, ERRORS, RolefitError, type ErrorCode } from '../errors.ts';
import type { ReadLimits } from '../ingest/extract.ts';
import { parseDocument, readLimits, type ParseJob, type ParsedPosting, type ParsedResume } from './parse-document.ts';
import type { FileReaderLib, ThreadData, ThreadError, ThreadJob, ThreadMessage } from './thread-host.ts';

/** What the catalogue parses with: a pool of threads, or the engine in this thread. */
export interface DocumentParser {
  parse(job: ParseJob & { kind: 'posting' }): Promise<ParsedPosting>;
  parse(job: ParseJob & { kind: 'resume' }): Promise<ParsedResume>;
  /** How many documents it parses at once (bulk writes keep that many in flight). */
  readonly concurrency: number;
  /** Threads, those busy, documents waiting, threads replaced: for /ready. */
  readonly stats: PoolStats;
  close(): Promise<void>;
}

export interface PoolStats {
  threads: number;
  busy: number;
  queued: number;
  restarts: number;
}

/** Parses in the calling thread: the CLI, tests, and a library user who wants no threads. */
export function inProcessParser(engine: Engine, config: ReadLimits = engine.config): DocumentParser {
  const limits = readLimits(config);
  return {
    parse: ((job: ParseJob) => parseDocument(engine, job, limits)) as DocumentParser['parse'],
    concurrency: 1,
    stats: { threads: 0, busy: 0, queued: 0, restarts: 0 },
    close: async () => {},
  };
}

export interface PoolOptions {
  /** The configuration each thread's engine is built with (limits, models folder). */
  config: Config;
  size?: number;
  timeoutMs?: number;
  /** How long a document may wait for a free thread; default: the time budget. */
  waitMs?: number;
  memoryMb?: number;
  queue?: number;
  /** The thread body's module (default: the parser thread); it serves jobs through `serveJobs`. */
  thread?: URL;
  /** Data each thread is started with besides the configuration (a batch's postings). */
  context?: unknown;
  /** The file readers each thread loads before it is ready; default: both (a later file loads its reader on first use). */
  preload?: FileReaderLib[];
}

interface Pending {
  id: number;
  job: ThreadJob;
  resolve(v: unknown): void;
  reject(e: unknown): void;
  /** While queued: the wait limit; while running: the time budget. */
  timer?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  /** Loaded and taking documents (false again once it is being ended). */
  ready: boolean;
  /** It became ready once: a thread that never did failed to start. */
  started: boolean;
  running: Pending | null;
}

const ENTRY = new URL('./thread-entry.mjs', import.meta.url);
const PARSE_THREAD = new URL('./parse-thread.ts', import.meta.url);

/** A thread's error as the coded error it stands for. */
export function codedError(e: ThreadError): RolefitError {
  return e.code && e.code in ERRORS ? new RolefitError(e.code as ErrorCode, e.params) : createError('INTERNAL', { reason: e.message });
}

export class ParsePool implements DocumentParser {
  readonly concurrency: number;
  private readonly opts: Required<Omit<PoolOptions, 'config' | 'thread' | 'context' | 'preload'>> & Pick<PoolOptions, 'config' | 'thread' | 'context' | 'preload'>;
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;
  /** Threads ended for running over the budget or the heap limit (for /ready and tests). */
  restarts = 0;

  private constructor(opts: PoolOptions) {
    const c = opts.config;
    const timeoutMs = opts.timeoutMs ?? c.parseTimeoutMs;
    this.opts = { ...opts, config: c, size: opts.size ?? c.parseWorkers, timeoutMs, waitMs: opts.waitMs ?? timeoutMs, memoryMb: opts.memoryMb ?? c.parseMemoryMb, queue: opts.queue ?? c.parseQueue };
    this.concurrency = Math.max(1, this.opts.size);
  }

  /** Starts the threads and waits until each has loaded the models. */
  static async start(opts: PoolOptions): Promise<ParsePool> {
    const pool = new ParsePool(opts);
    try {
      await Promise.all(Array.from({ length: pool.concurrency }, () => pool.spawn()));
    } catch (e) {
      await pool.close();
      throw e;
    }
    return pool;
  }

  get stats(): PoolStats {
    return { threads: this.slots.filter((s) => s.ready).length, busy: this.slots.filter((s) => s.running).length, queued: this.queue.length, restarts: this.restarts };
  }

  parse(job: ParseJob & { kind: 'posting' }): Promise<ParsedPosting>;
  parse(job: ParseJob & { kind: 'resume' }): Promise<ParsedResume>;
  parse(job: ParseJob): Promise<unknown> {
    return this.run(job);
  }

  /** Runs any job the pool's thread body serves, within the same time budget and heap limit. */
  run<T>(job: ThreadJob): Promise<T>;
  run(job: ThreadJob): Promise<unknown> {
    if (this.closed) return Promise.reject(createError('SERVER_BUSY', { reason: 'the service is shutting down' }));
    if (this.queue.length >= this.opts.queue) return Promise.reject(createError('SERVER_BUSY', { reason: `${this.queue.length} documents are waiting for a parser` }));
    return new Promise((resolve, reject) => {
      const p: Pending = { id: this.nextId++, job, resolve, reject };
      p.timer = setTimeout(() => {
        const i = this.queue.indexOf(p);
        if (i >= 0) this.queue.splice(i, 1);
        reject(createError('SERVER_BUSY', { reason: `no parser was free within ${this.opts.waitMs} ms` }));
      }, this.opts.waitMs);
      this.queue.push(p);
      this.dispatch();
    });
  }

  /** Gives every thread, and every thread started later, new start data (a batch's postings). */
  setContext(context: unknown): void {
    this.opts.context = context;
    for (const slot of this.slots) slot.worker.postMessage({ context });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) {
      clearTimeout(p.timer);
      p.reject(createError('SERVER_BUSY', { reason: 'the service is shutting down' }));
    }
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
  }

  private spawn(): Promise<void> {
    const worker = new Worker(ENTRY, {
      workerData: { config: this.opts.config, module: (this.opts.thread ?? PARSE_THREAD).href, context: this.opts.context, ...(this.opts.preload ? { preload: this.opts.preload } : {}) } satisfies ThreadData,
      resourceLimits: { maxOldGenerationSizeMb: this.opts.memoryMb },
      // The thread's stdout is the process's; a parser prints nothing.
      stdout: false,
    });
    const slot: Slot = { worker, ready: false, started: false, running: null };
    this.slots.push(slot);
    return new Promise((resolve, reject) => {
      worker.on('message', (m: ThreadMessage) => {
        if (m.type === 'ready') {
          slot.ready = true;
          slot.started = true;
          resolve();
          this.dispatch();
        } else if (m.type === 'failed') reject(createError('INTERNAL', { reason: `a parser thread could not start: ${m.message}` }));
        else this.finish(slot, m);
      });
      worker.on('error', (e: Error & { code?: string }) => {
        const job = slot.running;
        slot.ready = false;
        if (!slot.started) reject(createError('INTERNAL', { reason: `a parser thread could not start: ${e.message}` }));
        if (job) {
          const oom = e.code === 'ERR_WORKER_OUT_OF_MEMORY';
          this.fail(job, oom ? createError('INPUT_TOO_COMPLEX', { what: job.job.what, reason: `it needed more than the parser's ${this.opts.memoryMb} MB of memory` }) : createError('INTERNAL', { reason: `a parser thread failed: ${e.message}` }));
          slot.running = null;
        }
      });
      worker.on('exit', () => this.replace(slot));
    });
  }

  /**
   * A thread ended (budget, heap, crash, or it could not start): take it out and start another
   * unless closing. One that never started is retried after a pause, not in a tight loop.
   */
  private replace(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    this.slots.splice(i, 1);
    if (slot.running) {
      this.fail(slot.running, createError('INTERNAL', { reason: 'a parser thread ended unexpectedly' }));
      slot.running = null;
    }
    if (this.closed) return;
    // A failed start ends its thread too, which brings it back here: each retry is one spawn.
    const respawn = (): void => void this.spawn().catch(() => {});
    if (slot.started) {
      this.restarts++;
      respawn();
    } else setTimeout(() => this.closed || respawn(), 1000).unref();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (!slot.ready || slot.running || this.queue.length === 0) continue;
      const p = this.queue.shift()!;
      clearTimeout(p.timer);
      slot.running = p;
      p.timer = setTimeout(() => {
        if (slot.running !== p) return;
        // Out of service until it is replaced: no job may be handed to a thread being ended.
        slot.ready = false;
        slot.running = null;
        this.fail(p, createError('INPUT_TOO_COMPLEX', { what: p.job.what, reason: `it took over ${this.opts.timeoutMs} ms` }));
        void slot.worker.terminate();
      }, this.opts.timeoutMs);
      const source = p.job.source;
      if ('bytes' in source) {
        // A copy of its own, moved (not copied again) to the thread.
        const bytes = new Uint8Array(source.bytes);
        slot.worker.postMessage({ id: p.id, job: { ...p.job, source: { bytes } } }, [bytes.buffer]);
      } else slot.worker.postMessage({ id: p.id, job: p.job });
    }
  }

  private finish(slot: Slot, m: Extract<ThreadMessage, { type: 'done' | 'error' }>): void {
    const p = slot.running;
    if (!p || p.id !== m.id) return;
    slot.running = null;
    clearTimeout(p.timer);
    if (m.type === 'done') p.resolve(m.result);
    else p.reject(codedError(m));
    this.dispatch();
  }

  private fail(p: Pending, e: RolefitError): void {
    clearTimeout(p.timer);
    p.reject(e);
  }
}
