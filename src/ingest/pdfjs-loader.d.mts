/** pdfjs, loaded once per thread with the thread's JSON and Array.prototype.push kept native. */
export function loadPdfJs(): Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')>;
