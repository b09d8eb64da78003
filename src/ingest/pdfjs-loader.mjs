// Loads pdfjs once per thread. Plain JavaScript, so a pool thread can load it before it
// registers tsx: through tsx's hooks these 3 MB of bundled JavaScript took 1.3 s a thread to
// load (tsx rewrites and source-maps them), 0.1–0.3 s without.
//
// The legacy build bundles core-js, which replaces JSON.stringify, JSON.parse and
// Array.prototype.push with script versions for the whole thread: every push and every JSON line
// of the parser and the scorer got several times slower once a thread had loaded pdfjs (a batch
// thread spent 11% of its time in the JSON.stringify polyfill). The natives are put back once it
// has loaded; what it adds (Promise.withResolvers and the like) stays, as pdfjs needs it. Its
// worker module is loaded under the same guard and given to pdfjs as the worker it runs in this
// thread; otherwise it would load (and replace them again) on the first PDF.

/** @type {Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> | null} */
let loading = null; // the lazily loaded library (a cache, not state)

export function loadPdfJs() {
  loading ??= importKeepingBuiltins();
  return loading;
}

async function importKeepingBuiltins() {
  const { stringify, parse } = JSON;
  const { push } = Array.prototype;
  try {
    const [lib, worker] = await Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('pdfjs-dist/legacy/build/pdf.worker.mjs')]);
    globalThis.pdfjsWorker ??= worker;
    return lib;
  } finally {
    JSON.stringify = stringify;
    JSON.parse = parse;
    Array.prototype.push = push;
  }
}
