// One document, from what a request or a file gave (text, or a file's bytes), to its profile:
// the job a parser thread runs, and the same function run in-process where no pool is wanted.

import type { Engine } from '../engine.ts';
import type { PostingProfile } from '../domain/posting.ts';
import type { ResumeProfile } from '../domain/resume.ts';
import { extractText, type ReadLimits } from '../ingest/extract.ts';
import { checkText } from '../ingest/text.ts';

/** A document as it arrived: text (plain, HTML, JSON-LD, JSON Resume), or a file's bytes. */
export type DocumentSource = { raw: string } | { bytes: Uint8Array };

export interface ParseJob {
  kind: 'posting' | 'resume';
  source: DocumentSource;
  /** How the document is named in error messages ("the résumé", a file name). */
  what: string;
  /** Résumés: what "present" means, YYYY-MM. */
  asOf?: string;
}

export interface Parsed<P> {
  /** The document as text: what was sent, or what was read out of a PDF or DOCX file. */
  raw: string;
  /** The text the profile's spans point into. */
  text: string;
  /** How the document arrived when the text does not show it (pdf, docx). */
  fileFormat?: 'pdf' | 'docx';
  profile: P;
}

export type ParsedPosting = Parsed<PostingProfile>;
export type ParsedResume = Parsed<ResumeProfile>;

/** NUL characters carry no text and PostgreSQL refuses them; a space keeps every offset. */
function withoutNul(s: string): string {
  return s.includes('\u0000') ? s.replaceAll('\u0000', ' ') : s;
}

export async function parseDocument(engine: Engine, job: ParseJob, limits: ReadLimits): Promise<Parsed<PostingProfile | ResumeProfile>> {
  let raw: string;
  let fileFormat: 'pdf' | 'docx' | undefined;
  if ('bytes' in job.source) {
    const x = await extractText(job.source.bytes, job.what, limits);
    raw = withoutNul(x.text);
    if (x.type === 'pdf' || x.type === 'docx') fileFormat = x.type;
  } else raw = withoutNul(checkText(job.source.raw, job.what, limits.maxInputBytes));
  const { profile, text } = job.kind === 'posting'
    ? engine.parsePostingDocument(raw)
    : engine.parseResumeDocument(raw, job.asOf ? { asOf: job.asOf } : {});
  return { raw, text, profile, ...(fileFormat ? { fileFormat } : {}) };
}

/** The read limits out of a configuration. */
export function readLimits(config: ReadLimits): ReadLimits {
  const { maxInputBytes, maxPdfPages, maxUnpackedBytes } = config;
  return { maxInputBytes, maxPdfPages, maxUnpackedBytes };
}
