// Writes command results: one JSON object for one document, JSON lines for many.

import type { InputDoc } from '../app/inputs.ts';

export type Writer = (line: string) => void;

/** Runs `fn` on each readable document; failures become {id, error} lines, never a crash. */
export function emitAll<T extends object>(docs: InputDoc[], many: boolean, fn: (text: string, doc: { id: string; date?: string | null }) => T, write: Writer, onError: (e: unknown) => { code: string; message: string }): number {
  let failures = 0;
  for (const doc of docs) {
    let row: object;
    if ('error' in doc) {
      row = { id: doc.id, error: doc.error };
      failures++;
    } else {
      try {
        row = many ? { id: doc.id, ...fn(doc.text, doc) } : fn(doc.text, doc);
      } catch (e) {
        row = { id: doc.id, error: onError(e) };
        failures++;
      }
    }
    write(many ? JSON.stringify(row) : JSON.stringify(row, null, 2));
  }
  return failures;
}
