// Text-like documents -> the text rolefit reads: plain text as given; HTML as extracted text
// (or its JSON-LD JobPosting when the page carries one); JSON-LD JobPosting as posting text.

import type { InputFormat } from '../domain/types.ts';
import { createError } from '../errors.ts';
import { htmlToText, looksLikeHtml } from './html.ts';
import { findJobPosting, jobPostingToText } from './jsonld.ts';
import { isJsonResume, jsonResumeToText } from './jsonresume.ts';

export interface DocumentText {
  text: string;
  /** What the input was read as. */
  format: InputFormat;
}

/** A résumé as plain text, HTML, or JSON Resume. */
export function resumeText(raw: string): DocumentText {
  const trimmed = raw.trimStart();
  if (trimmed.startsWith('{')) {
    let data: unknown;
    try {
      data = JSON.parse(trimmed);
    } catch {
      return { text: raw, format: 'text' };
    }
    return resumeFromJson(data);
  }
  if (looksLikeHtml(raw)) {
    const text = htmlToText(raw).text;
    if (text.trim() === '') throw createError('INPUT_EMPTY', { what: 'the HTML page' });
    return { text, format: 'html' };
  }
  return { text: raw, format: 'text' };
}

/** A JSON Resume already parsed (a request's body): rendered without a round trip through text. */
export function resumeFromJson(data: unknown): DocumentText {
  if (!isJsonResume(data)) throw createError('INPUT_UNSUPPORTED_TYPE', { type: 'JSON that is not a JSON Resume' });
  const text = jsonResumeToText(data);
  if (text === '') throw createError('INPUT_EMPTY', { what: 'the JSON Resume' });
  return { text, format: 'jsonresume' };
}

/** A schema.org JobPosting already parsed (a JSON-LD request body). */
export function postingFromJson(data: unknown): DocumentText {
  const job = findJobPosting(data);
  if (!job) throw createError('INPUT_UNSUPPORTED_TYPE', { type: 'JSON without a schema.org JobPosting' });
  return { text: jobPostingToText(job), format: 'jsonld' };
}

export function postingText(raw: string): DocumentText {
  const trimmed = raw.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let data: unknown;
    try {
      data = JSON.parse(trimmed);
    } catch {
      return { text: raw, format: 'text' };
    }
    return postingFromJson(data);
  }
  if (looksLikeHtml(raw)) {
    const html = htmlToText(raw);
    const job = html.jsonLd.map(findJobPosting).find((j) => j !== null);
    if (job) {
      const text = jobPostingToText(job);
      if (text.length > 200) return { text, format: 'jsonld' };
    }
    if (html.text.trim() === '') throw createError('INPUT_EMPTY', { what: 'the HTML page' });
    return { text: html.text, format: 'html' };
  }
  return { text: raw, format: 'text' };
}
