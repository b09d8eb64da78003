// `rolefit batch`: many résumés against many postings. The postings are parsed once, across the
// batch threads, then every thread is given them all and indexes them; each résumé is read and scored
// in a thread within the parser's time budget, and its output goes to the file in input order —
// the same bytes whatever the number of threads — as soon as the résumés before it are done.

import { createHash, randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import type { Config } from '../config/defaults.ts';
import { createError, toErrorBody, type ErrorCode } from '../errors.ts';
import type { PostingProfile } from '../domain/posting.ts';
import { listInputs, type BatchQuery, type DocumentSource, type InputEntry } from '../app/index.ts';
import { threadScorer, type Scorer } from './scorer.ts';
import { formatResult, header, type BatchFormat } from './format.ts';
import { openResumable, type ResumableOutput } from './journal.ts';
import type { ResumeJob } from './thread.ts';
import type { FileReaderLib } from '../workers/thread-host.ts';

export interface BatchRunOptions {
  resumes: string;
  postings: string;
  /** A file (.csv for CSV, anything else NDJSON), or "-" for standard output. */
  out: string;
  query: BatchQuery;
  /** Batch threads; default: every core. */
  workers?: number;
  /** Where documents are read and scored; default: this process's threads (`workers` of them). */
  scorer?: (config: Config, workers: number, runId: string, preload: FileReaderLib[]) => Promise<Scorer>;
  /** Continue the run this output was left off at. */
  resume?: boolean;
  config: Config;
  /** Told after each flush: résumés done, of how many. */
  progress?: (done: number, total: number) => void;
  /** Where "-" output goes. */
  stdout?: (chunk: string | Uint8Array) => void;
  /** Told of each posting that could not be read (it is left out of the run). */
  warn?: (message: string) => void;
  modelsVersion: string;
  scoringVersion: string;
}

export interface BatchSummary {
  resumes: number;
  postings: number;
  skippedPostings: number;
  errors: number;
  resumedFrom: number;
  ms: { postings: number; resumes: number; total: number };
}

/** Postings read in one job (see thread.ts, PostingsJob). */
const POSTING_CHUNK = 16;
/** How far output may run ahead of the slowest résumé still in a thread, per thread. */
const WINDOW_PER_THREAD = 16;
/** Written at least this often, so a killed run loses little and progress moves. */
const FLUSH_MS = 200;
const FLUSH_BYTES = 1 << 20;

export function formatOf(out: string): BatchFormat {
  return /\.csv$/i.test(out) ? 'csv' : 'ndjson';
}

export async function runBatch(o: BatchRunOptions): Promise<BatchSummary> {
  const t0 = performance.now();
  const workers = o.workers ?? availableParallelism();
  const format = formatOf(o.out);
  const postingEntries = listInputs(o.postings);
  const resumeEntries = listInputs(o.resumes);
  const fingerprint = createHash('sha256').update(JSON.stringify({
    v: 1, models: o.modelsVersion, scoring: o.scoringVersion, format, query: o.query,
    postings: postingEntries.map((e) => [e.id, e.stamp]), resumes: resumeEntries.map((e) => [e.id, e.stamp]),
  })).digest('hex');

  let output: ResumableOutput | null = null;
  if (o.out !== '-') {
    output = openResumable(o.out, { fingerprint, format, runId: `r${randomUUID().replaceAll('-', '').slice(0, 20)}` }, header(format), o.resume === true);
    if (output.complete) {
      output.close();
      return { resumes: resumeEntries.length, postings: postingEntries.length, skippedPostings: 0, errors: 0, resumedFrom: output.done, ms: { postings: 0, resumes: 0, total: 0 } };
    }
  } else {
    if (o.resume) throw createError('USAGE', { reason: '--resume needs an output file, not standard output' });
    o.stdout?.(header(format));
  }
  try {
    // One scorer for the whole run: its threads (or workers) parse the postings, then score with them.
    // A resumed run keeps its first run's id, so a queue's answers kept for it are found again.
    const runId = output?.runId ?? `r${randomUUID().replaceAll('-', '').slice(0, 20)}`;
    const scorer = await (o.scorer ?? threadScorer)(o.config, workers, runId, readersFor([...postingEntries, ...resumeEntries]));
    let errors = 0;
    let tp = performance.now();
    let postings: Array<{ id: string; profile: PostingProfile }> = [];
    let skipped = 0;
    try {
      ({ postings, skipped } = await parsePostings(scorer, postingEntries, o.warn));
      tp = performance.now();
      await scorer.setContext({ postings, query: o.query, format });
      errors = await scoreAll(scorer, resumeEntries, output?.done ?? 0, format, (chunks, done) => {
        if (output) output.write(chunks, done);
        else for (const c of chunks) o.stdout?.(c);
        o.progress?.(done, resumeEntries.length);
      });
    } finally {
      await scorer.close();
    }
    output?.finish();
    const end = performance.now();
    return {
      resumes: resumeEntries.length, postings: postings.length, skippedPostings: skipped, errors, resumedFrom: output?.done ?? 0,
      ms: { postings: Math.round(tp - t0), resumes: Math.round(end - tp), total: Math.round(end - t0) },
    };
  } finally {
    output?.close();
  }
}

/** Text a reader of its own reads: everything else may need pdfjs or mammoth (a file is read by its content, whatever its name). */
const PLAIN_EXTENSIONS = new Set(['.txt', '.text', '.md', '.html', '.htm', '.json']);

/**
 * The file readers the run's threads load up front: none for JSONL texts, pdfjs when there are
 * PDFs, mammoth when there are DOCX files, both for any other file. A document needing one not
 * loaded still reads: the thread loads it then.
 */
export function readersFor(entries: InputEntry[]): FileReaderLib[] {
  const libs = new Set<FileReaderLib>();
  for (const e of entries) {
    if (!e.file) continue;
    const ext = extname(e.what).toLowerCase();
    if (ext === '.pdf') libs.add('pdf');
    else if (ext === '.docx') libs.add('docx');
    else if (!PLAIN_EXTENSIONS.has(ext)) return ['pdf', 'docx'];
  }
  return [...libs].sort();
}

/** Every posting parsed once, in input order; one that cannot be read is left out, with a warning. */
async function parsePostings(scorer: Scorer, entries: InputEntry[], warn?: (m: string) => void): Promise<{ postings: Array<{ id: string; profile: PostingProfile }>; skipped: number }> {
  const leftOut = (e: InputEntry, err: unknown): null => {
    const body = errorOf(err);
    warn?.(`posting ${e.id} is left out: ${body.code}: ${body.message}`);
    return null;
  };
  const one = async (e: InputEntry, source: DocumentSource): Promise<PostingProfile | null> => scorer.parsePosting(source, e.what).catch((err: unknown) => leftOut(e, err));
  /** A chunk's postings in one job where the scorer takes chunks; a chunk that fails as a whole (over the time budget) is read again one by one. */
  const chunk = async (part: InputEntry[]): Promise<Array<PostingProfile | null>> => {
    const loaded = part.map((e) => e.load());
    const readable = part.flatMap((e, i) => {
      const l = loaded[i]!;
      return 'error' in l ? [] : [{ at: i, e, source: l.source }];
    });
    const out: Array<PostingProfile | null> = part.map((e, i) => {
      const l = loaded[i]!;
      return 'error' in l ? leftOut(e, l.error) : null;
    });
    const many = scorer.parsePostings && readable.length > 1 ? await scorer.parsePostings(readable.map((r) => ({ source: r.source, what: r.e.what }))).catch(() => null) : null;
    await Promise.all(readable.map(async (r, k) => {
      const got = many?.[k];
      out[r.at] = got === undefined ? await one(r.e, r.source) : got instanceof Error ? leftOut(r.e, got) : got;
    }));
    return out;
  };
  const parts: InputEntry[][] = [];
  for (let i = 0; i < entries.length; i += POSTING_CHUNK) parts.push(entries.slice(i, i + POSTING_CHUNK));
  const parsed = (await Promise.all(parts.map(chunk))).flat();
  const postings = entries.flatMap((e, i) => (parsed[i] ? [{ id: e.id, profile: parsed[i]! }] : []));
  return { postings, skipped: entries.length - postings.length };
}

/** A thrown coded error, or an input's error body, as a code and message. */
function errorOf(err: unknown): { code: ErrorCode; message: string } {
  return err && typeof err === 'object' && 'code' in err && !(err instanceof Error) ? (err as { code: ErrorCode; message: string }) : toErrorBody(err);
}

/**
 * Scores résumés from `start` on, at most a window of them in the threads at once, and hands
 * their output (UTF-8) to `flush` in input order. Returns how many could not be read.
 */
async function scoreAll(scorer: Scorer, entries: InputEntry[], start: number, format: BatchFormat, flush: (chunks: Uint8Array[], done: number) => void): Promise<number> {
  const ready = new Map<number, Uint8Array>();
  let next = start;
  let issued = start;
  let errors = 0;
  let chunks: Uint8Array[] = [];
  let bytes = 0;
  let last = performance.now();
  const window = Math.max(1, scorer.concurrency) * WINDOW_PER_THREAD;

  const one = async (i: number): Promise<void> => {
    const e = entries[i]!;
    const loaded = e.load();
    let out: Uint8Array;
    try {
      if ('error' in loaded) throw loaded.error;
      const job: ResumeJob = { kind: 'resume-result', source: loaded.source, what: e.what, resumeId: e.id, index: i };
      out = await scorer.score(job);
    } catch (err) {
      errors++;
      const { code, message } = errorOf(err);
      out = Buffer.from(formatResult({ resumeId: e.id, error: { code, message } }, format));
    }
    ready.set(i, out);
    while (ready.has(next)) {
      const c = ready.get(next)!;
      if (c.length) chunks.push(c);
      bytes += c.length;
      ready.delete(next);
      next++;
    }
    const now = performance.now();
    if (bytes >= FLUSH_BYTES || now - last >= FLUSH_MS || next === entries.length) {
      flush(chunks, next);
      chunks = [];
      bytes = 0;
      last = now;
    }
  };

  await new Promise<void>((resolve, reject) => {
    let running = 0;
    const pump = (): void => {
      if (next === entries.length && running === 0) return resolve();
      while (running < window && issued < entries.length && issued - next < window * 4) {
        const i = issued++;
        running++;
        one(i).then(() => {
          running--;
          pump();
        }, reject);
      }
    };
    pump();
  });
  if (chunks.length) flush(chunks, next);
  return errors;
}
