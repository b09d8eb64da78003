// Hostile documents, built in the test (no committed binaries): DOCX decompression bombs (honest,
// lying headers, overlapping entries, many entries, a nested archive) and PDFs over the page limit.
import { describe, expect, it } from 'vitest';
import { extractText, type ReadLimits } from '../../src/ingest/extract.ts';
import { MAX_ENTRIES } from '../../src/ingest/archive.ts';
import { docxXmlBomb, filledPart, makeDocx, makePdf, makeZip, textPdf, unzipParts, zipPart, type ZipPart } from '../helpers/documents.ts';

const MB = 1024 * 1024;
const LIMITS: ReadLimits = { maxInputBytes: 10 * MB, maxPdfPages: 50, maxUnpackedBytes: 50 * MB };
const CV = 'SUMMARY\nBackend engineer.\nSKILLS\n- Python\n- PostgreSQL';

async function docxWith(extra: (parts: ZipPart[]) => ZipPart[] | Promise<ZipPart[]>): Promise<Buffer> {
  return makeZip(await extra(await unzipParts(await makeDocx(CV))));
}

async function refusal(bytes: Buffer, limits = LIMITS): Promise<{ code: string; message: string; ms: number }> {
  const t0 = performance.now();
  try {
    await extractText(bytes, 'cv.docx', limits);
  } catch (e) {
    return { code: (e as { code: string }).code, message: (e as Error).message, ms: performance.now() - t0 };
  }
  throw new Error('expected a refusal');
}

describe('DOCX archives', () => {
  it('still reads a normal DOCX (re-packed from the counted bytes) and one rebuilt by the test writer', async () => {
    for (const docx of [await makeDocx(CV), await docxWith((p) => p)]) {
      const r = await extractText(docx, 'cv.docx', LIMITS);
      expect(r.text).toMatch(/SKILLS\s+• Python\n• PostgreSQL/);
    }
  });

  it('refuses an entry of 200 MB of zeros from the declared sizes, before inflating anything', async () => {
    const docx = await docxWith(async (p) => [...p, await filledPart('word/media/zeros.bin', 200 * MB)]);
    expect(docx.length).toBeLessThan(300 * 1024);
    const r = await refusal(docx);
    expect(r).toMatchObject({ code: 'INPUT_ARCHIVE_BOMB' });
    expect(r.message).toMatch(/declare/);
    expect(r.ms).toBeLessThan(2000);
  });

  it('refuses an entry whose headers declare 1 KB but which inflates to 200 MB, as soon as it passes the declared size', async () => {
    const docx = await docxWith(async (p) => [...p, await filledPart('word/media/image1.png', 200 * MB, { declare: 1024 })]);
    const r = await refusal(docx);
    expect(r).toMatchObject({ code: 'INPUT_ARCHIVE_BOMB' });
    expect(r.message).toMatch(/more bytes than its header declares/);
    expect(r.ms).toBeLessThan(2000);
  });

  it('calls an entry that holds fewer bytes than declared corrupt', async () => {
    const docx = await docxWith((p) => [...p, zipPart('word/media/image1.png', Buffer.alloc(100, 7), { declare: 5000 })]);
    expect((await refusal(docx)).code).toBe('INPUT_CORRUPT');
  });

  it('refuses a document.xml of repeated paragraphs: over 100:1, and past the XML limit', async () => {
    const small = await refusal(await docxXmlBomb(3 * MB)); // under every size limit: the ratio rule
    expect(small).toMatchObject({ code: 'INPUT_ARCHIVE_BOMB' });
    expect(small.message).toMatch(/\d+:1/);
    const big = await docxXmlBomb(40 * MB);
    expect(big.length).toBeLessThan(400 * 1024);
    expect((await refusal(big)).code).toBe('INPUT_ARCHIVE_BOMB');
  });

  it('refuses the XML bomb whose header lies, while inflating', async () => {
    const docx = await docxWith(async (p) => p.map((x) => x.name === 'word/document.xml' ? { ...x, size: 900 } : x));
    expect((await refusal(docx)).code).toBe('INPUT_ARCHIVE_BOMB');
  });

  it('refuses entries that share their compressed data (overlap)', async () => {
    const docx = await docxWith((p) => {
      const i = p.findIndex((x) => x.name === 'word/document.xml');
      return [...p, ...[1, 2, 3].map((n) => ({ ...p[i]!, name: `word/copy${n}.xml`, aliasOf: i }))];
    });
    const r = await refusal(docx);
    expect(r).toMatchObject({ code: 'INPUT_ARCHIVE_BOMB' });
    expect(r.message).toMatch(/overlap/);
  });

  it(`refuses more than ${MAX_ENTRIES} entries from the count alone, and reads a DOCX with many small ones in bounded time`, async () => {
    const tiny = (n: number): ZipPart[] => Array.from({ length: n }, (_, i) => zipPart(`customXml/item${i}.bin`, Buffer.from('x')));
    const r = await refusal(await docxWith((p) => [...p, ...tiny(MAX_ENTRIES + 1)]));
    expect(r).toMatchObject({ code: 'INPUT_ARCHIVE_BOMB' });
    expect(r.message).toMatch(/entries/);
    expect(r.ms).toBeLessThan(1000);
    const t0 = performance.now();
    const ok = await extractText(await docxWith((p) => [...p, ...tiny(MAX_ENTRIES - 50)]), 'cv.docx', LIMITS);
    expect(ok.text).toContain('PostgreSQL');
    expect(performance.now() - t0).toBeLessThan(10_000);
  });

  it('does not open an archive inside the DOCX (a zip bomb as an embedded object is just its bytes)', async () => {
    const inner = makeZip([await filledPart('zeros.bin', 300 * MB)]);
    const docx = await docxWith((p) => [...p, zipPart('word/embeddings/oleObject1.bin', inner, { store: true })]);
    const r = await extractText(docx, 'cv.docx', LIMITS);
    expect(r.text).toContain('PostgreSQL');
  });

  it('takes the limit from the limits passed (the configuration)', async () => {
    const docx = await makeDocx(CV);
    const r = await refusal(docx, { ...LIMITS, maxUnpackedBytes: 4000 });
    expect(r).toMatchObject({ code: 'INPUT_ARCHIVE_BOMB' });
    expect(r.message).toContain('4000 bytes');
  });

  it('keeps a truncated archive INPUT_CORRUPT', async () => {
    const docx = await makeDocx(CV);
    expect((await refusal(docx.subarray(0, docx.length - 30))).code).toBe('INPUT_CORRUPT');
  });
});

describe('PDF limits', () => {
  const pages = (n: number) => Array.from({ length: n }, (_, i) => [{ text: `Page ${i + 1}: backend engineer, Python and PostgreSQL.`, x: 50, y: 300, width: 480 }]);

  it('refuses 60 pages and reads 50 with the default limit', async () => {
    await expect(extractText(await makePdf(pages(60)), 'long.pdf', LIMITS)).rejects.toMatchObject({ code: 'INPUT_TOO_MANY_PAGES', params: { pages: 60, limit: 50 } });
    const r = await extractText(await makePdf(pages(50)), 'ok.pdf', LIMITS);
    expect(r.pages).toBe(50);
  });

  it('takes the page limit from the limits passed', async () => {
    await expect(extractText(await makePdf(pages(3)), 'three.pdf', { ...LIMITS, maxPdfPages: 2 })).rejects.toMatchObject({ code: 'INPUT_TOO_MANY_PAGES', params: { pages: 3, limit: 2 } });
  });

  it('stops reading text once it passes maxInputBytes characters', async () => {
    const text = Array.from({ length: 400 }, (_, i) => `Line ${i}: Senior backend engineer with Python, PostgreSQL and Kubernetes experience.`).join('\n');
    const pdf = await textPdf(text, { linesPerPage: 60 });
    const limit = Math.floor(text.length / 2);
    expect(pdf.length).toBeLessThan(limit);
    await expect(extractText(pdf, 'wordy.pdf', { ...LIMITS, maxInputBytes: limit })).rejects.toMatchObject({ code: 'INPUT_TOO_LARGE', params: { limit } });
  });
});
