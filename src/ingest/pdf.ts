// PDF -> text from the text layer (pdfjs-dist, legacy build for Node), reading by layout:
// two-column pages column by column, lines rebuilt from item positions, paragraph breaks from
// vertical gaps, repeated headers/footers and page numbers dropped. Loaded lazily on first use.

import { createError } from '../errors.ts';
import { pdfDate } from './document-date.ts';
import { loadPdfJs } from './pdfjs-loader.mjs';

interface Item {
  str: string;
  x: number;
  y: number;
  w: number;
  size: number;
}

interface Line {
  text: string;
  y: number;
  size: number;
}

export interface PdfText {
  text: string;
  pages: number;
  /** YYYY-MM-DD the file says it was last modified (else created). */
  date: string | null;
}

/** The x of a vertical gutter that splits the page into two columns of text, if there is one. */
export function findGutter(items: Item[], pageWidth: number): number | null {
  // 14,400 units is the largest page the PDF format allows; a wider box is not a real page.
  if (!(pageWidth > 0 && pageWidth <= 14_400)) return null;
  const body = items.filter((i) => i.w < pageWidth * 0.6 && i.str.trim() !== '');
  if (body.length < 8) return null;
  const cover = new Uint16Array(Math.ceil(pageWidth) + 1);
  for (const i of body) for (let x = Math.max(0, Math.floor(i.x)); x <= Math.min(pageWidth, Math.ceil(i.x + i.w)); x++) cover[x]! += 1;
  let best: { from: number; to: number } | null = null;
  let from = -1;
  for (let x = Math.floor(pageWidth * 0.2); x <= Math.ceil(pageWidth * 0.8); x++) {
    if (cover[x] === 0) { if (from < 0) from = x; }
    else if (from >= 0) {
      if (!best || x - from > best.to - best.from) best = { from, to: x };
      from = -1;
    }
  }
  if (!best || best.to - best.from < 12) return null;
  const mid = (best.from + best.to) / 2;
  const left = body.filter((i) => i.x + i.w <= mid).length;
  const right = body.filter((i) => i.x >= mid).length;
  return left >= body.length * 0.15 && right >= body.length * 0.15 ? mid : null;
}

/** Items -> lines: same baseline (within half a font size), left to right, gaps as spaces or tabs. */
export function toLines(items: Item[]): Line[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Array<{ items: Item[]; y: number; size: number }> = [];
  for (const it of sorted) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.y - it.y) <= Math.max(2, it.size * 0.5)) last.items.push(it);
    else lines.push({ items: [it], y: it.y, size: it.size });
  }
  return lines.map((l) => {
    const parts = l.items.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    for (const p of parts) {
      const gap = p.x - end;
      if (text && gap > p.size * 2.5) text += '\t';
      else if (text && gap > p.size * 0.15 && !text.endsWith(' ') && !p.str.startsWith(' ')) text += ' ';
      text += p.str;
      end = p.x + p.w;
    }
    return { text: text.trimEnd(), y: l.y, size: l.size };
  }).filter((l) => l.text.trim() !== '');
}

function linesToText(lines: Line[]): string {
  let out = '';
  let prev: Line | null = null;
  for (const l of lines) {
    if (prev) out += prev.y - l.y > Math.max(prev.size, l.size) * 1.9 ? '\n\n' : '\n';
    out += l.text;
    prev = l;
  }
  return out;
}

const PAGE_NUMBER = /^(?:page\s*)?\d{1,3}(?:\s*(?:of|\/)\s*\d{1,3})?$|^-\s*\d{1,3}\s*-$/i;

/** What reading one PDF may cost: pages, characters of text, text pieces per page and in all. */
export interface PdfLimits {
  maxPages: number;
  maxChars: number;
}

/** The document's own date: its info dictionary's ModDate, else CreationDate. */
async function documentDate(doc: { getMetadata(): Promise<{ info: unknown }> }): Promise<string | null> {
  try {
    const info = (await doc.getMetadata()).info as { ModDate?: unknown; CreationDate?: unknown } | undefined;
    return pdfDate(info?.ModDate) ?? pdfDate(info?.CreationDate);
  } catch {
    return null;
  }
}

/** A text item as pdfjs streams it (marked-content items have no `str`). */
type RawItem = { str?: string; transform: number[]; width: number; height: number };

/** A page holds a few hundred text pieces, a dense one a few thousand. */
export const MAX_ITEMS_PER_PAGE = 20_000;
export const MAX_ITEMS = 200_000;

/** Without `limits` only the text-piece limits apply (benchmarks); extractText always passes them. */
export async function pdfToText(bytes: Uint8Array, what: string, limits: PdfLimits = { maxPages: Infinity, maxChars: Infinity }): Promise<PdfText> {
  const pdfjs = await loadPdfJs();
  let doc;
  try {
    doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  } catch (e) {
    const name = (e as { name?: string }).name ?? '';
    if (name === 'PasswordException') throw createError('INPUT_ENCRYPTED', { what });
    throw createError('INPUT_CORRUPT', { what, type: 'PDF', reason: (e as Error).message });
  }
  try {
    // Before any page is read: the page count comes from the page tree's root.
    if (doc.numPages > limits.maxPages) throw createError('INPUT_TOO_MANY_PAGES', { what, pages: doc.numPages, limit: limits.maxPages });
    const pages: Array<{ lines: Line[]; height: number }> = [];
    let chars = 0; // visible characters (the text-layer check)
    let read = 0; // all characters read (the size limit)
    let allItems = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const view = page.getViewport({ scale: 1 });
      const items: Item[] = [];
      let pageItems = 0;
      // Streamed, so reading stops (and pdfjs stops evaluating the page) as soon as a limit is passed.
      const reader = page.streamTextContent().getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          for (const raw of (value as { items: RawItem[] }).items) {
            pageItems++;
            allItems++;
            if (pageItems > MAX_ITEMS_PER_PAGE) throw createError('INPUT_TOO_COMPLEX', { what, reason: `page ${p} holds more than ${MAX_ITEMS_PER_PAGE} pieces of text` });
            if (allItems > MAX_ITEMS) throw createError('INPUT_TOO_COMPLEX', { what, reason: `it holds more than ${MAX_ITEMS} pieces of text` });
            if (typeof raw.str !== 'string' || raw.str === '') continue;
            const [, , , d, x, y] = raw.transform;
            items.push({ str: raw.str, x: x!, y: y!, w: raw.width, size: Math.abs(d!) || raw.height || 10 });
            chars += raw.str.trim().length;
            read += raw.str.length;
            if (read > limits.maxChars) throw createError('INPUT_TOO_LARGE', { what, size: read, limit: limits.maxChars });
          }
        }
      } finally {
        // No reader.cancel(): pdfjs then still delivers queued chunks to the closed stream and
        // rejects unhandled. Destroying the document (below) ends the page's evaluation instead.
        reader.releaseLock();
      }
      page.cleanup();
      const gutter = findGutter(items, view.width);
      let lines: Line[];
      if (gutter === null) lines = toLines(items);
      else {
        // Full-width lines above the columns (a name banner) first, then each column top to bottom.
        const spanning = items.filter((i) => i.x < gutter && i.x + i.w > gutter);
        const top = spanning.reduce((m, i) => Math.min(m, i.y), Infinity);
        const head = items.filter((i) => i.y >= top);
        const rest = items.filter((i) => i.y < top);
        lines = [...toLines(head), ...toLines(rest.filter((i) => i.x < gutter)), ...toLines(rest.filter((i) => i.x >= gutter))];
      }
      pages.push({ lines, height: view.height });
    }
    if (chars < 20 * Math.max(1, doc.numPages) && chars < 200) throw createError('INPUT_NO_TEXT_LAYER', { what });
    // Repeated header/footer lines (digits folded) in the top or bottom 8% of several pages.
    const key = (s: string): string => s.replace(/\d+/g, '#').trim().toLowerCase();
    const counts = new Map<string, number>();
    for (const pg of pages) {
      for (const k of new Set(pg.lines.filter((l) => l.y > pg.height * 0.92 || l.y < pg.height * 0.08).map((l) => key(l.text)))) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    const text = pages.map((pg) => linesToText(pg.lines.filter((l) => {
      const margin = l.y > pg.height * 0.92 || l.y < pg.height * 0.08;
      if (!margin) return true;
      return !(PAGE_NUMBER.test(l.text.trim()) || (pages.length > 1 && (counts.get(key(l.text)) ?? 0) > 1));
    }))).join('\n\n');
    return { text, pages: doc.numPages, date: await documentDate(doc) };
  } finally {
    await doc.destroy();
  }
}
