// A document out of a request: a multipart file (text, HTML, PDF, DOCX, JSON), `text` in a JSON
// body, or a structured object (schema.org JobPosting JSON-LD, JSON Resume). Nothing is read or
// parsed here: the catalogue's parser does that, off the event loop and within its budget and
// read limits (size, PDF pages, unpacked bytes).

import { createError } from '../errors.ts';
import type { DocumentSource } from '../workers/parse-document.ts';

export interface DocumentBody {
  text?: unknown;
  file?: unknown;
  resume?: unknown;
  posting?: unknown;
}

export function documentIn(body: DocumentBody, what: string): DocumentSource {
  if (Buffer.isBuffer(body.file)) return { bytes: body.file };
  if (typeof body.file === 'string') return { raw: body.file };
  if (typeof body.text === 'string') return { raw: body.text };
  // The body's nesting depth is bounded when it is read, so this cannot overflow the stack.
  const structured = body.resume ?? body.posting;
  if (structured !== undefined) return { json: structured };
  throw createError('REQUEST_INVALID', { reason: `send ${what} as "text", as a multipart "file", or as a JSON object` });
}

/** A posting's body: a schema.org JobPosting JSON-LD object as the whole body, or the document fields. */
export function postingIn(body: unknown): DocumentSource {
  return documentIn(isJsonLd(body) ? { posting: body } : (body as DocumentBody), 'the posting');
}

/** A JSON-LD body (the whole body is the JobPosting): it names a schema.org type or context. */
export function isJsonLd(body: unknown): boolean {
  return typeof body === 'object' && body !== null && ('@type' in body || '@context' in body || '@graph' in body);
}
