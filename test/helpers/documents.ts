// Builds PDF and DOCX test documents from text with real libraries (pdfkit, docx), so the
// readers are tested on files made the way real tools make them.
import PDFDocument from 'pdfkit';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { pipeline } from 'node:stream/promises';
import { crc32, createDeflateRaw, deflateRawSync, inflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';

export interface PdfBlock {
  text: string;
  x: number;
  y: number;
  width: number;
  size?: number;
}

/** A PDF whose pages hold the given blocks (text wrapped within each block's width). */
export function makePdf(pages: PdfBlock[][], opts: { userPassword?: string; header?: string; footer?: (page: number, total: number) => string; shapesOnly?: boolean; info?: { CreationDate?: Date; ModDate?: Date } } = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 40, autoFirstPage: false, ...(opts.info ? { info: opts.info } : {}), ...(opts.userPassword ? { userPassword: opts.userPassword, ownerPassword: 'owner' } : {}) });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    pages.forEach((blocks, i) => {
      doc.addPage();
      if (opts.shapesOnly) {
        doc.rect(60, 60, 300, 200).fill('#333333');
        doc.circle(300, 500, 80).fill('#999999');
        return;
      }
      if (opts.header) doc.font('Helvetica').fontSize(8).text(opts.header, 40, 15, { width: 500, lineBreak: false });
      for (const b of blocks) doc.font('Helvetica').fontSize(b.size ?? 10).text(b.text, b.x, b.y, { width: b.width });
      if (opts.footer) doc.font('Helvetica').fontSize(8).text(opts.footer(i + 1, pages.length), 260, 810, { width: 100, lineBreak: false });
    });
    doc.end();
  });
}

/** A one-column PDF of plain text, split into pages of `linesPerPage` lines. */
export function textPdf(text: string, opts: { linesPerPage?: number; header?: string; footer?: (page: number, total: number) => string; info?: { CreationDate?: Date; ModDate?: Date } } = {}): Promise<Buffer> {
  const lines = text.split('\n');
  const per = opts.linesPerPage ?? 60;
  const pages: PdfBlock[][] = [];
  for (let i = 0; i < lines.length; i += per) pages.push([{ text: lines.slice(i, i + per).join('\n'), x: 50, y: 40, width: 495, size: 10 }]);
  return makePdf(pages, opts);
}

/** A DOCX with headings (lines in ALL CAPS or ending with ":"), bullet items ("- ") and paragraphs. */
export async function makeDocx(text: string): Promise<Buffer> {
  const children = text.split('\n').filter((l) => l.trim() !== '').map((line) => {
    const t = line.trim();
    if (/^[A-Z &/]{4,}$/.test(t) || t.endsWith(':')) return new Paragraph({ text: t.replace(/:$/, ''), heading: HeadingLevel.HEADING_2 });
    if (/^[-•]\s/.test(t)) return new Paragraph({ children: [new TextRun(t.slice(2))], bullet: { level: 0 } });
    return new Paragraph({ children: [new TextRun(t)] });
  });
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

// ---- Hostile archives: a minimal ZIP writer, so a test can build what no honest tool writes
// (lying size headers, entries sharing their data, thousands of entries) without committed binaries.

export interface ZipPart {
  name: string;
  /** The entry's data as stored in the archive: deflated (method 8) or stored (method 0). */
  payload: Buffer;
  method: 0 | 8;
  crc: number;
  /** The uncompressed size the headers declare (the truth unless a test wants a lie). */
  size: number;
  /** Point this central-directory entry at an earlier entry's local header and data (overlap). */
  aliasOf?: number;
}

/** An entry from real bytes, deflated; `declare` overrides the size the headers claim. */
export function zipPart(name: string, data: Buffer, opts: { declare?: number; store?: boolean } = {}): ZipPart {
  return { name, payload: opts.store ? data : deflateRawSync(data), method: opts.store ? 0 : 8, crc: crc32(data), size: opts.declare ?? data.length };
}

/** An entry of `bytes` bytes of `fill`, deflated as a stream (never holding them all). */
export async function filledPart(name: string, bytes: number, opts: { declare?: number; fill?: Buffer; prefix?: Buffer; suffix?: Buffer } = {}): Promise<ZipPart> {
  const unit = opts.fill ?? Buffer.alloc(1);
  const chunk = Buffer.alloc(Math.min(bytes, Math.max(unit.length, 1 << 20) - ((1 << 20) % unit.length)), unit);
  let crc = 0;
  let size = 0;
  const take = (c: Buffer): Buffer => {
    crc = crc32(c, crc);
    size += c.length;
    return c;
  };
  async function* source(): AsyncGenerator<Buffer> {
    if (opts.prefix) yield take(opts.prefix);
    for (let left = bytes; left > 0; left -= chunk.length) yield take(left >= chunk.length ? chunk : chunk.subarray(0, left));
    if (opts.suffix) yield take(opts.suffix);
  }
  const out: Buffer[] = [];
  await pipeline(source(), createDeflateRaw(), async (deflated: AsyncIterable<Buffer>) => {
    for await (const c of deflated) out.push(c);
  });
  return { name, payload: Buffer.concat(out), method: 8, crc, size: opts.declare ?? size };
}

/** A stored ZIP of the given parts (no data descriptors, no zip64). */
export function makeZip(parts: ZipPart[]): Buffer {
  const out: Buffer[] = [];
  const offsets: number[] = [];
  let at = 0;
  parts.forEach((p, i) => {
    if (p.aliasOf !== undefined) {
      offsets[i] = offsets[p.aliasOf]!;
      return;
    }
    const name = Buffer.from(p.name);
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(0x0800, 6); // UTF-8 names
    h.writeUInt16LE(p.method, 8);
    h.writeUInt16LE(0, 10);
    h.writeUInt16LE(0x21, 12);
    h.writeUInt32LE(p.crc >>> 0, 14);
    h.writeUInt32LE(p.payload.length, 18);
    h.writeUInt32LE(p.size, 22);
    h.writeUInt16LE(name.length, 26);
    h.writeUInt16LE(0, 28);
    offsets[i] = at;
    out.push(h, name, p.payload);
    at += h.length + name.length + p.payload.length;
  });
  const cdStart = at;
  parts.forEach((p, i) => {
    const src = p.aliasOf !== undefined ? parts[p.aliasOf]! : p;
    const name = Buffer.from(p.name);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(src.method, 10);
    c.writeUInt16LE(0, 12);
    c.writeUInt16LE(0x21, 14);
    c.writeUInt32LE(src.crc >>> 0, 16);
    c.writeUInt32LE(src.payload.length, 20);
    c.writeUInt32LE(p.size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offsets[i]!, 42);
    out.push(c, name);
    at += c.length + name.length;
  });
  const e = Buffer.alloc(22);
  e.writeUInt32LE(0x06054b50, 0);
  e.writeUInt16LE(Math.min(parts.length, 0xffff), 8);
  e.writeUInt16LE(Math.min(parts.length, 0xffff), 10);
  e.writeUInt32LE(at - cdStart, 12);
  e.writeUInt32LE(cdStart, 16);
  out.push(e);
  return Buffer.concat(out);
}

/** The parts of an archive (a DOCX from makeDocx), re-deflated, to rebuild it with additions. */
export async function unzipParts(zip: Buffer): Promise<ZipPart[]> {
  const z = await yauzl.fromBufferPromise(zip, { lazyEntries: true });
  const parts: ZipPart[] = [];
  for await (const entry of z.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const c of await z.openReadStreamPromise(entry)) chunks.push(c as Buffer);
    parts.push(zipPart(entry.fileName, Buffer.concat(chunks)));
  }
  return parts;
}

const PARAGRAPH = Buffer.from('<w:p><w:r><w:t>Senior engineer, shipped things.</w:t></w:r></w:p>');

/** A DOCX whose word/document.xml is `bytes` of repeated paragraphs: valid XML that deflates ~300:1. */
export async function docxXmlBomb(bytes: number): Promise<Buffer> {
  const parts = await unzipParts(await makeDocx('SUMMARY\nEngineer.'));
  const i = parts.findIndex((p) => p.name === 'word/document.xml');
  const xml = parts[i]!;
  const original = inflateRawSync(xml.payload).toString('utf8');
  const open = original.indexOf('<w:body>') + '<w:body>'.length;
  const fill = Buffer.from(PARAGRAPH.toString().repeat(Math.floor(65536 / PARAGRAPH.length)));
  parts[i] = await filledPart('word/document.xml', bytes - (bytes % fill.length), { fill, prefix: Buffer.from(original.slice(0, open)), suffix: Buffer.from('</w:body></w:document>') });
  return makeZip(parts);
}
