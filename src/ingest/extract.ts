// Any document's bytes -> text: plain text and HTML/JSON as decoded text (the parsers read
// those structures), PDF and DOCX through their readers, loaded lazily on first use.

import { createError } from '../errors.ts';
import { detectType, textFromBytes, checkText } from './text.ts';

export interface ExtractedText {
  text: string;
  type: 'text' | 'html' | 'json' | 'pdf' | 'docx';
  pages?: number;
}

export async function extractText(bytes: Uint8Array, what: string, maxBytes: number): Promise<ExtractedText> {
  if (bytes.length > maxBytes) throw createError('INPUT_TOO_LARGE', { what, size: bytes.length, limit: maxBytes });
  const type = detectType(bytes, what);
  if (type === 'pdf') {
    const { pdfToText } = await import('./pdf.ts');
    const r = await pdfToText(bytes, what);
    return { text: checkText(r.text, what, maxBytes), type, pages: r.pages };
  }
  if (type === 'docx') {
    const { docxToText } = await import('./docx.ts');
    return { text: checkText(await docxToText(bytes, what), what, maxBytes), type };
  }
  return { text: textFromBytes(bytes, what, maxBytes), type: type === 'binary' ? 'text' : type };
}
