// DOCX -> text through mammoth's HTML (headings and list items kept), then the HTML reader.
// The archive is unpacked under limits first (archive.ts) and mammoth reads a stored copy of
// exactly those bytes; images are never read. Loaded lazily on first use.

import { createError } from '../errors.ts';
import { storedZip, unpackZip, type UnpackLimits } from './archive.ts';
import { coreXmlDate } from './document-date.ts';
import { htmlToText } from './html.ts';

type Mammoth = typeof import('mammoth');
let mammothModule: Promise<Mammoth> | null = null; // the lazily loaded library (a cache, not state)

/** The text, and the date the file says it was last modified (else created). */
export async function docxToText(bytes: Uint8Array, what: string, limits: UnpackLimits): Promise<{ text: string; date: string | null }> {
  const parts = await unpackZip(bytes, what, limits);
  mammothModule ??= import('mammoth');
  const mammoth = await mammothModule;
  let html: string;
  try {
    const skipImage = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));
    html = (await mammoth.convertToHtml({ buffer: storedZip(parts) }, { convertImage: skipImage })).value;
  } catch (e) {
    throw createError('INPUT_CORRUPT', { what, type: 'DOCX', reason: (e as Error).message.split('\n')[0]! });
  }
  const core = parts.find((p) => p.name === 'docProps/core.xml');
  return { text: htmlToText(html).text, date: core ? coreXmlDate(core.data.toString('utf8')) : null };
}
