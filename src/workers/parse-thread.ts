// The body of a parser thread: loads the models once, then parses one document per message and
// answers with the profile or a coded error. The pool ends this thread when a document runs over
// its time budget; the thread's heap limit ends it when a document needs too much memory.

import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../config/defaults.ts';
import { createEngine } from '../engine.ts';
import { isRolefitError } from '../errors.ts';
import { preloadNlp } from '../text/nlp.ts';
import { parseDocument, readLimits, type ParseJob } from './parse-document.ts';

export type ThreadMessage =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'done'; id: number; result: unknown }
  | { type: 'error'; id: number; code: string | null; params: Record<string, string | number>; message: string };

const port = parentPort!;
try {
  const engine = createEngine(workerData as Partial<Config>);
  const limits = readLimits(engine.config);
  port.on('message', (m: { id: number; job: ParseJob }) => {
    parseDocument(engine, m.job, limits).then(
      (result) => port.postMessage({ type: 'done', id: m.id, result } satisfies ThreadMessage),
      (e: unknown) => port.postMessage({
        type: 'error',
        id: m.id,
        code: isRolefitError(e) ? e.code : null,
        params: isRolefitError(e) ? { ...e.params } : {},
        message: e instanceof Error ? e.message : String(e),
      } satisfies ThreadMessage),
    );
  });
  // The file readers and compromise load lazily elsewhere; here they load before the thread says
  // it is ready, so no document's time budget is spent loading a library (seconds on a busy machine).
  await Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('mammoth')]);
  preloadNlp();
  port.postMessage({ type: 'ready' } satisfies ThreadMessage);
} catch (e) {
  port.postMessage({ type: 'failed', message: e instanceof Error ? e.message : String(e) } satisfies ThreadMessage);
}
