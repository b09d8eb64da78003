// A batch output that survives being killed (kill -9 included). Beside the output file sits a
// journal: first what the run is (a fingerprint of its inputs and options), then, after each
// write to the output, how many résumés and bytes are complete. The output is always written
// before the journal names it, so on --resume the output is cut back to the last complete
// entry and the run goes on from the next résumé: nothing finished is redone, no line is lost
// or written twice.

import { closeSync, existsSync, ftruncateSync, openSync, readFileSync, statSync, writevSync, appendFileSync, writeFileSync } from 'node:fs';
import { createError } from '../errors.ts';

interface Head {
  fingerprint: string;
  format: string;
  /** Names the run for the scorer (a queue keeps its answers under it), kept across --resume. */
  runId: string;
}

export interface ResumableOutput {
  /** Résumés already complete in the output (0 for a new run). */
  readonly done: number;
  /** True when the journal says the run finished. */
  readonly complete: boolean;
  /** The run's id: the first run's, when resumed. */
  readonly runId: string;
  /** Appends output (UTF-8) covering résumés up to `done` (exclusive) and records it. */
  write(chunks: Uint8Array[], done: number): void;
  finish(): void;
  close(): void;
}

export const journalPath = (out: string): string => `${out}.progress`;

/** Opens `out` for a run: a new one (header written), or, with `resume`, the one left off. */
export function openResumable(out: string, head: Head, header: string, resume: boolean): ResumableOutput {
  const jpath = journalPath(out);
  let done = 0;
  let bytes = 0;
  let complete = false;
  let runId = head.runId;
  if (resume && existsSync(out)) {
    if (!existsSync(jpath)) throw createError('BATCH_RESUME_MISMATCH', { out, reason: `it has no journal (${jpath}), so what in it is complete is unknown` });
    const lines = readFileSync(jpath, 'utf8').split('\n');
    let first: Head | null = null;
    for (const line of lines) {
      if (!line) continue;
      let o: { fingerprint?: string; format?: string; runId?: string; done?: number; bytes?: number; complete?: boolean };
      try {
        o = JSON.parse(line) as typeof o;
      } catch {
        break; // a journal line cut by the kill: the entries before it stand
      }
      if (!first) {
        first = { fingerprint: String(o.fingerprint), format: String(o.format), runId: String(o.runId ?? runId) };
        continue;
      }
      if (typeof o.done === 'number' && typeof o.bytes === 'number') ({ done, bytes } = o as { done: number; bytes: number });
      if (o.complete) complete = true;
    }
    if (!first || first.fingerprint !== head.fingerprint) throw createError('BATCH_RESUME_MISMATCH', { out, reason: 'it was written by other inputs or options' });
    runId = first.runId;
    if (statSync(out).size < bytes) throw createError('BATCH_RESUME_MISMATCH', { out, reason: 'it is shorter than its journal says (was it edited?)' });
  } else {
    writeFileSync(jpath, `${JSON.stringify(head)}\n`);
    writeFileSync(out, header);
    bytes = Buffer.byteLength(header);
    appendFileSync(jpath, `${JSON.stringify({ done: 0, bytes })}\n`);
  }
  const fd = openSync(out, 'r+');
  // Whatever follows the last complete entry was written by a run killed mid-write: drop it.
  ftruncateSync(fd, bytes);
  let position = bytes;
  return {
    done,
    complete,
    runId,
    write(chunks, upTo) {
      if (chunks.length) position += writevSync(fd, chunks, position);
      appendFileSync(jpath, `${JSON.stringify({ done: upTo, bytes: position })}\n`);
    },
    finish() {
      appendFileSync(jpath, `${JSON.stringify({ complete: true })}\n`);
    },
    close() {
      closeSync(fd);
    },
  };
}
