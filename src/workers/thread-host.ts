// What every pool thread shares: the models loaded once from the configuration it was started
// with, NLP preloaded before it says it is ready (as are the file readers it was asked for, by
// thread-entry.mjs), so no document's time budget is spent loading a library; then one job per
// message, answered with a result or a coded error. The thread body supplies only the handler.

import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../config/defaults.ts';
import { createEngine, type Engine } from '../engine.ts';
import { isRolefitError } from '../errors.ts';
import { preloadNlp } from '../text/nlp.ts';
import type { DocumentSource } from './parse-document.ts';

/** A job for a pool thread: a document and how to name it in errors; the rest is the body's. */
export interface ThreadJob {
  kind: string;
  source: DocumentSource;
  what: string;
}

/** What a pool thread is started with. */
export interface ThreadData {
  config: Partial<Config>;
  /** The thread body's module (a file: URL). */
  module: string;
  context?: unknown;
  /** The file readers thread-entry.mjs loads before the thread is ready; default: both. */
  preload?: FileReaderLib[];
}

/** A file reader's library a thread can load up front: pdfjs for PDFs, mammoth for DOCX. */
export type FileReaderLib = 'pdf' | 'docx';

export type ThreadMessage =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'done'; id: number; result: unknown }
  | ({ type: 'error'; id: number } & ThreadError);

/** An error as a thread sends it: its catalogue code and parameters (null for an unexpected one), and its message. */
export interface ThreadError {
  code: string | null;
  params: Record<string, string | number>;
  message: string;
}

export function threadError(e: unknown): ThreadError {
  return { code: isRolefitError(e) ? e.code : null, params: isRolefitError(e) ? { ...e.params } : {}, message: e instanceof Error ? e.message : String(e) };
}

/**
 * Serves jobs in this thread: `setup` runs once with the engine and the start data's context
 * (and may be slow: the thread is not ready until it returns), `handle` answers each job.
 */
export async function serveJobs<C>(setup: (engine: Engine, context: unknown) => C | Promise<C>, handle: (engine: Engine, ctx: C, job: ThreadJob) => Promise<unknown>): Promise<void> {
  const port = parentPort!;
  const data = workerData as ThreadData;
  try {
    const engine = createEngine(data.config);
    preloadNlp();
    // A new context (setContext) replaces the old one; jobs sent after it wait for it.
    let ctx: Promise<C> = Promise.resolve(setup(engine, data.context));
    await ctx;
    port.on('message', (m: { id: number; job: ThreadJob } | { context: unknown }) => {
      if ('context' in m) {
        ctx = Promise.resolve(setup(engine, m.context));
        return;
      }
      ctx.then((c) => handle(engine, c, m.job)).then(
        // Bytes are handed over, not copied: a batch thread answers with up to megabytes a résumé.
        (result) => port.postMessage({ type: 'done', id: m.id, result } satisfies ThreadMessage, result instanceof Uint8Array ? [result.buffer as ArrayBuffer] : []),
        (e: unknown) => port.postMessage({ type: 'error', id: m.id, ...threadError(e) } satisfies ThreadMessage),
      );
    });
    port.postMessage({ type: 'ready' } satisfies ThreadMessage);
  } catch (e) {
    port.postMessage({ type: 'failed', message: e instanceof Error ? e.message : String(e) } satisfies ThreadMessage);
  }
}
