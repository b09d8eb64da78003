// Any document's bytes -> text: plain text and HTML/JSON as decoded text (the parsers read
// those structures), PDF and DOCX through their readers, loaded lazily on first use, each
// bounded by the limits the caller passes (from the configuration).

import { createError } from '../errors.ts';
import { detectType, textFromBytes, checkText } from './text.ts';

export interface ExtractedText {
  text: string;
  type: 'text' | 'html' | 'json' | 'pdf' | 'docx';
  pages?: number;
  /** YYYY-MM-DD the file says it was last modified (else created): PDF and DOCX only. */
  date?: string | null;
}

/** What one document may cost to read. The configuration satisfies this type as it is. */
export interface ReadLimits {
  /** Largest document, in bytes, and most characters of text read out of one. */
  maxInputBytes: number;
  /** Most pages a PDF may have. */
  maxPdfPages: number;
  /** Most bytes a DOCX may unpack to, all parts together. */
  maxUnpackedBytes: number;
}

export async function extractText(bytes: Uint8Array, what: string, limits: ReadLimits): Promise<ExtractedText> {
  const maxBytes = limits.maxInputBytes;
  if (bytes.length > maxBytes) throw createError('INPUT_TOO_LARGE', { what, size: bytes.length, limit: maxBytes });
  const type = detectType(bytes, what);
  if (type === 'pdf') {
    const { pdfToText } = await import('./pdf.ts');
    const r = await pdfToText(bytes, what, { maxPages: limits.maxPdfPages, maxChars: maxBytes });
    return { text: checkText(r.text, what, maxBytes), type, pages: r.pages, date: r.date };
  }
  if (type === 'docx') {
    const { docxToText } = await import('./docx.ts');
    // The XML mammoth parses is held to the same size as any document's text (an HTML page's).
    const { text, date } = await docxToText(bytes, what, { maxUnpackedBytes: limits.maxUnpackedBytes, maxXmlBytes: Math.min(maxBytes, limits.maxUnpackedBytes) });
    return { text: checkText(text, what, maxBytes), type, date };
  }
  return { text: textFromBytes(bytes, what, maxBytes), type: type === 'binary' ? 'text' : type };
}
