// Reads the documents a command names: one file, a directory of files, or a .jsonl file of
// {"id", "text"} / {"id", "path"} lines. Each document becomes {id, text} or {id, error}.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { createError, toErrorBody, type ErrorCode } from '../errors.ts';
import { checkText } from '../ingest/text.ts';
import { extractText, type ReadLimits } from '../ingest/extract.ts';
import { createHash } from 'node:crypto';
import type { DocumentSource } from '../workers/parse-document.ts';

/** `date`: the date a PDF or DOCX file says it was last modified (else created). */
export type InputDoc = { id: string; text: string; date?: string | null } | { id: string; error: { code: ErrorCode; message: string } };

export interface Inputs {
  docs: InputDoc[];
  /** True for a directory or JSONL: the output is one JSON line per document. */
  many: boolean;
}

/** One file's text (and the file's own date, for PDF and DOCX); a coded error when it cannot be read. */
export async function readFileDocument(path: string, limits: ReadLimits): Promise<{ text: string; date?: string | null }> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    throw createError('INPUT_NOT_FOUND', { path });
  }
  const x = await extractText(bytes, basename(path), limits);
  return { text: x.text, ...(x.date !== undefined ? { date: x.date } : {}) };
}

async function readDoc(id: string, path: string, limits: ReadLimits): Promise<InputDoc> {
  try {
    return { id, ...(await readFileDocument(path, limits)) };
  } catch (e) {
    return { id, error: toErrorBody(e) };
  }
}

/** Whether an input names a directory; a coded error when it names nothing. */
function isDirectory(arg: string): boolean {
  try {
    return statSync(arg).isDirectory();
  } catch {
    throw createError('INPUT_NOT_FOUND', { path: arg });
  }
}

/** A directory's document files, sorted: no hidden files, no notes (.md), no subfolders. */
function documentFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => !f.startsWith('.') && !/\.md$/i.test(f)).sort().filter((f) => statSync(join(dir, f)).isFile());
}

function idOf(file: string): string {
  return basename(file, extname(file));
}

/** `limits`: the engine's configuration (it satisfies ReadLimits). */
export async function readInputs(arg: string, limits: ReadLimits): Promise<Inputs> {
  if (isDirectory(arg)) {
    const files = documentFiles(arg);
    const docs: InputDoc[] = [];
    for (const f of files) docs.push(await readDoc(idOf(f), join(arg, f), limits));
    return { docs, many: true };
  }
  if (/\.jsonl$/i.test(arg)) return { docs: await readJsonl(arg, limits), many: true };
  return { docs: [await readDoc(idOf(arg), arg, limits)], many: false };
}

async function readJsonl(path: string, limits: ReadLimits): Promise<InputDoc[]> {
  const maxBytes = limits.maxInputBytes;
  const base = dirname(resolve(path));
  const docs: InputDoc[] = [];
  const lines = readFileSync(path, 'utf8').split('\n');
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const fallbackId = String(i + 1);
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch (e) {
      docs.push({ id: fallbackId, error: createError('INPUT_BAD_JSONL', { line: i + 1, path, reason: (e as Error).message }).toJSON() });
      continue;
    }
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      docs.push({ id: fallbackId, error: createError('INPUT_BAD_JSONL', { line: i + 1, path, reason: 'not an object' }).toJSON() });
      continue;
    }
    const r = row as { id?: unknown; text?: unknown; path?: unknown };
    const id = r.id === undefined || r.id === null ? fallbackId : String(r.id);
    if (typeof r.text === 'string') {
      try {
        docs.push({ id, text: checkText(r.text, `document ${id}`, maxBytes) });
      } catch (e) {
        docs.push({ id, error: toErrorBody(e) });
      }
    } else if (typeof r.path === 'string') {
      docs.push(await readDoc(id, resolve(base, r.path), limits));
    } else {
      docs.push({ id, error: createError('INPUT_BAD_JSONL', { line: i + 1, path, reason: 'needs "text" or "path"' }).toJSON() });
    }
  }
  return docs;
}

/** One document of a batch input, read only when its turn comes (so a long run's memory stays flat). */
export interface InputEntry {
  id: string;
  /** How the document is named in errors (its file name, or "document <id>"). */
  what: string;
  /** A file (named by `what`), not a JSONL line's text. */
  file: boolean;
  /** Identifies the content without reading it: a file's size and time, a JSONL line's hash. */
  stamp: string;
  /** The file's bytes or the line's text, for a parser thread to read within its budget; or why it cannot be. */
  load(): { source: DocumentSource } | { error: { code: ErrorCode; message: string } };
}

/** The documents an input names, in order, without reading them: a file, a directory, or JSONL. */
export function listInputs(arg: string): InputEntry[] {
  if (isDirectory(arg)) return documentFiles(arg).map((f) => fileEntry(idOf(f), join(arg, f)));
  if (!/\.jsonl$/i.test(arg)) return [fileEntry(idOf(arg), arg)];
  const base = dirname(resolve(arg));
  const out: InputEntry[] = [];
  readFileSync(arg, 'utf8').split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const failed = (reason: string): InputEntry => {
      const error = createError('INPUT_BAD_JSONL', { line: i + 1, path: arg, reason }).toJSON();
      return { id: String(i + 1), what: `line ${i + 1}`, file: false, stamp: `line:${i + 1}:bad`, load: () => ({ error }) };
    };
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch (e) {
      out.push(failed((e as Error).message));
      return;
    }
    if (typeof row !== 'object' || row === null || Array.isArray(row)) return void out.push(failed('not an object'));
    const r = row as { id?: unknown; text?: unknown; path?: unknown };
    const id = r.id === undefined || r.id === null ? String(i + 1) : String(r.id);
    if (typeof r.text === 'string') {
      const text = r.text;
      out.push({ id, what: `document ${id}`, file: false, stamp: `text:${createHash('sha256').update(text).digest('hex').slice(0, 16)}`, load: () => ({ source: { raw: text } }) });
    } else if (typeof r.path === 'string') out.push({ ...fileEntry(id, resolve(base, r.path)) });
    else out.push(failed('needs "text" or "path"'));
  });
  return out;
}

function fileEntry(id: string, path: string): InputEntry {
  let stamp = 'missing';
  try {
    const st = statSync(path);
    stamp = `${st.size}:${Math.floor(st.mtimeMs)}`;
  } catch {
    // Reported when loaded, as the document's own error.
  }
  return {
    id,
    what: basename(path),
    file: true,
    stamp: `file:${basename(path)}:${stamp}`,
    load: () => {
      try {
        return { source: { bytes: readFileSync(path) } };
      } catch {
        return { error: createError('INPUT_NOT_FOUND', { path }).toJSON() };
      }
    },
  };
}
