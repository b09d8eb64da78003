// A pool thread's first module: plain JavaScript, so it loads whatever ran the parent (tsx,
// vitest, a build). It loads the file readers the pool asked for first (pdfjs, mammoth), before
// tsx is registered in this thread: through tsx's hooks they load several times slower, and a
// thread that preloads them spends no document's time budget on loading a library. Then it
// registers tsx and loads the TypeScript thread body it was started with (the parser's, or a
// batch run's).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

/** @type {Array<'pdf' | 'docx'>} */
const preload = workerData.preload ?? ['pdf', 'docx'];
await Promise.all([
  preload.includes('pdf') ? import('../ingest/pdfjs-loader.mjs').then((m) => m.loadPdfJs()) : null,
  preload.includes('docx') ? import('mammoth') : null,
]);
register();
await import(workerData.module);
