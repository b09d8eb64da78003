// A DOCX's ZIP container unpacked under limits, before any DOCX reader sees it: the declared
// sizes are summed and checked, then every entry is inflated as a stream with its real bytes
// counted, so neither an honest bomb nor one whose headers lie gets past the limit. The DOCX
// reader is then handed a re-packed, uncompressed archive of exactly the bytes counted here, so
// it cannot read anything this check did not (no second opinion on what the ZIP holds).

import { crc32 } from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { createError } from '../errors.ts';

export interface UnpackLimits {
  /** All entries together, uncompressed. */
  maxUnpackedBytes: number;
  /** The XML parts together (what the DOCX reader parses into a tree, the costly part). */
  maxXmlBytes: number;
}

/** A DOCX holds tens of parts; an image-heavy one a few hundred. */
export const MAX_ENTRIES = 5000;
/**
 * An XML part over RATIO_FLOOR bytes that inflates more than MAX_RATIO times its compressed size
 * is refused. Word's XML compresses 5-20:1 and media barely at all, so over 100:1 above 1 MiB
 * only machine-repeated markup gets (a bomb of repeated paragraphs is 230-300:1; one of repeated
 * empty elements approaches deflate's ceiling, ~1030:1). The floor keeps small, very regular
 * parts (styles, numbering) clear of the rule. Media are not parsed, so only the totals bound them.
 */
export const MAX_RATIO = 100;
export const RATIO_FLOOR = 1024 * 1024;

export interface Part {
  name: string;
  data: Buffer;
}

const isXml = (name: string): boolean => /\.(?:xml|rels)$/i.test(name);

export async function unpackZip(bytes: Uint8Array, what: string, limits: UnpackLimits): Promise<Part[]> {
  const bomb = (reason: string, limit = limits.maxUnpackedBytes): Error => createError('INPUT_ARCHIVE_BOMB', { what, limit, reason });
  const corrupt = (reason: string): Error => createError('INPUT_CORRUPT', { what, type: 'DOCX', reason });
  let zip: ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true, validateEntrySizes: true, decodeStrings: true });
  } catch (e) {
    throw corrupt((e as Error).message);
  }
  if (zip.entryCount > MAX_ENTRIES) throw bomb(`it has ${zip.entryCount} entries; at most ${MAX_ENTRIES} are read`);

  // 1. The central directory alone: what the entries claim, before inflating anything.
  const entries: Entry[] = [];
  try {
    for await (const e of zip.eachEntry()) entries.push(e);
  } catch (e) {
    throw corrupt((e as Error).message);
  }
  let declared = 0;
  let declaredXml = 0;
  for (const e of entries) {
    if (e.isEncrypted()) throw corrupt(`${e.fileName} is encrypted`);
    if (!e.canDecodeFileData()) throw corrupt(`${e.fileName} uses compression method ${e.compressionMethod}`);
    declared += e.uncompressedSize;
    if (declared > limits.maxUnpackedBytes) throw bomb(`its entries declare ${declared}+ bytes`);
    if (isXml(e.fileName)) {
      declaredXml += e.uncompressedSize;
      if (declaredXml > limits.maxXmlBytes) throw bomb(`its XML parts declare ${declaredXml}+ bytes`, limits.maxXmlBytes);
      if (e.uncompressedSize > RATIO_FLOOR && e.uncompressedSize > MAX_RATIO * e.compressedSize) throw bomb(`${e.fileName} declares a ${Math.round(e.uncompressedSize / Math.max(1, e.compressedSize))}:1 compression ratio`);
    }
  }

  // 2. Entries that share bytes (one compressed kernel behind many names) are never honest.
  const spans: Array<{ from: number; to: number; name: string }> = [];
  for (const e of entries) {
    let start: number;
    try {
      start = (await zip.readLocalFileHeaderPromise(e, { minimal: true })).fileDataStart;
    } catch (err) {
      throw corrupt((err as Error).message);
    }
    spans.push({ from: e.relativeOffsetOfLocalHeader, to: start + e.compressedSize, name: e.fileName });
  }
  spans.sort((a, b) => a.from - b.from);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i]!.from < spans[i - 1]!.to) throw bomb(`entries ${spans[i - 1]!.name} and ${spans[i]!.name} overlap`);
  }

  // 3. Inflate, counting real bytes; stop the moment a limit is passed, whatever the headers said.
  const parts: Part[] = [];
  let total = 0;
  let totalXml = 0;
  for (const e of entries) {
    if (e.fileName.endsWith('/')) continue;
    const xml = isXml(e.fileName);
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of await zip.openReadStreamPromise(e)) {
        const n = (chunk as Buffer).length;
        size += n;
        total += n;
        if (total > limits.maxUnpackedBytes) throw bomb(`${e.fileName} inflates past the limit`);
        if (xml) {
          totalXml += n;
          if (totalXml > limits.maxXmlBytes) throw bomb(`its XML parts inflate past ${limits.maxXmlBytes} bytes`, limits.maxXmlBytes);
          if (size > RATIO_FLOOR && size > MAX_RATIO * e.compressedSize) throw bomb(`${e.fileName} inflates more than ${MAX_RATIO}:1`);
        }
        chunks.push(chunk as Buffer);
      }
    } catch (err) {
      if ((err as { code?: string }).code === 'INPUT_ARCHIVE_BOMB') throw err;
      const message = (err as Error).message;
      if (/too many bytes/i.test(message)) throw bomb(`${e.fileName} holds more bytes than its header declares`);
      throw corrupt(message);
    }
    parts.push({ name: e.fileName, data: Buffer.concat(chunks, size) });
  }
  return parts;
}

/** Parts -> a ZIP with every entry stored (not compressed): nothing left for a reader to inflate. */
export function storedZip(parts: Part[]): Buffer {
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let at = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const crc = crc32(p.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 name
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(p.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(p.data.length, 20);
    entry.writeUInt32LE(p.data.length, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(at, 42);
    out.push(local, name, p.data);
    central.push(entry, name);
    at += local.length + name.length + p.data.length;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(at, 16);
  return Buffer.concat([...out, ...central, end]);
}
