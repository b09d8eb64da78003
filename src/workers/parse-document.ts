// One document, from what a request or a file gave (text, or a file's bytes), to its profile:
// the job a parser thread runs, and the same function run in-process where no pool is wanted.

import type { PostingProfile } from '../domain/posting.ts';
import type { ResumeProfile } from '../domain/resume.ts';
import { extractText, type ReadLimits } from '../ingest/extract.ts';
import { checkText } from '../ingest/text.ts';
import type { Warning } from '../domain/types.ts';
import { resolveAsOf, type Engine } from '../engine.ts';
import { formatYearMonth, type YearMonth } from '../text/dates.ts';

/** What "present" means for a résumé: a month, or "document" for the date a PDF or DOCX file carries. */
export type AsOf = YearMonth | 'document';

/** A document as it arrived: text (plain, HTML, JSON-LD, JSON Resume), or a file's bytes. */
export type DocumentSource = { raw: string } | { bytes: Uint8Array } | { json: unknown };

export interface ParseJob {
  kind: 'posting' | 'resume';
  source: DocumentSource;
  /** How the document is named in error messages ("the résumé", a file name). */
  what: string;
  /** Résumés: what "present" means: a month (parsed once, where the request arrived), or "document" for the file's own date. */
  asOf?: AsOf;
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
  let documentDate: string | null | undefined;
  if ('bytes' in job.source) {
    const x = await extractText(job.source.bytes, job.what, limits);
    raw = withoutNul(x.text);
    if (x.type === 'pdf' || x.type === 'docx') {
      fileFormat = x.type;
      documentDate = x.date ?? null;
    }
  } else if ('json' in job.source) {
    // Kept as text only to identify and store it; it is read from the object itself.
    raw = withoutNul(checkText(JSON.stringify(job.source.json), job.what, limits.maxInputBytes));
  } else raw = withoutNul(checkText(job.source.raw, job.what, limits.maxInputBytes));
  const doc = 'json' in job.source ? { json: job.source.json } : raw;
  if (job.kind === 'posting') {
    const { profile, text } = engine.parsePostingDocument(doc);
    return { raw, text, profile, ...(fileFormat ? { fileFormat } : {}) };
  }
  return { raw, ...parseResumeDated(engine, doc, job.asOf, documentDate), ...(fileFormat ? { fileFormat } : {}) };
}

/** A résumé's text parsed with "present" as asked ("document": the file's own date, when it has one). */
export function parseResumeDated(engine: Engine, raw: string | { json: unknown }, asked: AsOf | undefined, documentDate: string | null | undefined): { profile: ResumeProfile; text: string } {
  const asOf = asOfFor(asked, documentDate);
  const { profile, text } = engine.parseResumeDocument(raw, asOf.date ? { asOf: asOf.date } : {});
  const warnings = asOf.warning ? [...profile.warnings, asOf.warning] : profile.warnings;
  return { text, profile: { ...profile, ...(documentDate !== undefined ? { documentDate } : {}), warnings } };
}

/**
 * What "present" means for a résumé: the date asked for; for "document", the file's own date
 * unless it has none or it lies in the future (then today, with a warning saying so).
 */
export function asOfFor(asked: AsOf | undefined, documentDate: string | null | undefined): { date?: YearMonth | string; warning?: Warning } {
  if (asked !== 'document') return asked ? { date: asked } : {};
  const today = formatYearMonth(resolveAsOf());
  if (!documentDate) return { warning: { code: 'NO_DOCUMENT_DATE', message: `"present" was asked to be the document's own date, but it has none (only PDF and DOCX files carry one); today (${today}) was used.` } };
  if (documentDate.slice(0, 7) > today) return { warning: { code: 'DOCUMENT_DATE_FUTURE', message: `The document's own date (${documentDate}) is after today; today (${today}) was used.` } };
  return { date: documentDate };
}

/** The read limits out of a configuration. */
export function readLimits(config: ReadLimits): ReadLimits {
  const { maxInputBytes, maxPdfPages, maxUnpackedBytes } = config;
  return { maxInputBytes, maxPdfPages, maxUnpackedBytes };
}
