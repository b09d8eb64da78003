// A document out of a request: a multipart file (text, HTML, PDF, DOCX, JSON), `text` in a JSON
// body, or a structured object (schema.org JobPosting JSON-LD, JSON Resume).

import { createError } from '../errors.ts';
import { extractText } from '../ingest/extract.ts';
import { checkText } from '../ingest/text.ts';

export interface DocumentBody {
  text?: unknown;
  file?: unknown;
  resume?: unknown;
  posting?: unknown;
}

export async function documentFrom(body: DocumentBody, maxBytes: number, what: string): Promise<string> {
  return (await documentIn(body, maxBytes, what)).raw;
}

/** The same, with the file's format when the text does not show it (PDF, DOCX). */
export async function documentIn(body: DocumentBody, maxBytes: number, what: string): Promise<{ raw: string; format?: string }> {
  if (Buffer.isBuffer(body.file)) {
    const x = await extractText(body.file, what, maxBytes);
    return { raw: withoutNul(x.text), ...(x.type === 'pdf' || x.type === 'docx' ? { format: x.type } : {}) };
  }
  return { raw: withoutNul(await readDocument(body, maxBytes, what)) };
}

/** NUL characters carry no text and PostgreSQL refuses them; a space keeps every offset. */
function withoutNul(s: string): string {
  return s.includes('\u0000') ? s.replaceAll('\u0000', ' ') : s;
}

async function readDocument(body: DocumentBody, maxBytes: number, what: string): Promise<string> {
  if (typeof body.file === 'string') return checkText(body.file, what, maxBytes);
  if (typeof body.text === 'string') return checkText(body.text, what, maxBytes);
  const structured = body.resume ?? body.posting;
  if (structured !== undefined) return checkText(JSON.stringify(structured), what, maxBytes);
  throw createError('REQUEST_INVALID', { reason: `send ${what} as "text", as a multipart "file", or as a JSON object` });
}

/** A posting's body: a schema.org JobPosting JSON-LD object as the whole body, or the document fields. */
export function postingIn(body: unknown, maxBytes: number): Promise<{ raw: string; format?: string }> {
  return documentIn(isJsonLd(body) ? { posting: body } : (body as DocumentBody), maxBytes, 'the posting');
}

/** A JSON-LD body (the whole body is the JobPosting): it names a schema.org type or context. */
export function isJsonLd(body: unknown): boolean {
  return typeof body === 'object' && body !== null && ('@type' in body || '@context' in body || '@graph' in body);
}
