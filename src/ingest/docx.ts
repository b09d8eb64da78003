// DOCX -> text through mammoth's HTML (headings and list items kept), then the HTML reader.
// Loaded lazily on first use.

import { createError } from '../errors.ts';
import { htmlToText } from './html.ts';

type Mammoth = typeof import('mammoth');
let mammothModule: Promise<Mammoth> | null = null; // the lazily loaded library (a cache, not state)

export async function docxToText(bytes: Uint8Array, what: string): Promise<string> {
  mammothModule ??= import('mammoth');
  const mammoth = await mammothModule;
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
  } catch (e) {
    throw createError('INPUT_CORRUPT', { what, type: 'DOCX', reason: (e as Error).message.split('\n')[0]! });
  }
  return htmlToText(html).text;
}
