// A file's own date (PDF info dictionary, DOCX core properties), and "present" read as that date
// with --as-of document / asOf: "document", so an archive of old résumés is not inflated by years.

import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { createEngine } from '../../src/engine.ts';
import { extractText } from '../../src/ingest/extract.ts';
import { coreXmlDate, pdfDate, w3cDate } from '../../src/ingest/document-date.ts';
import { parseDocument, type AsOf, type ParsedResume } from '../../src/workers/parse-document.ts';
import { makeDocx, makeZip, textPdf, unzipParts, zipPart } from '../helpers/documents.ts';

const limits = loadConfig({}, {});
const engine = createEngine();
const RESUME = 'Ana Pereira\n\nEXPERIENCE\nBackend Engineer, Acme Corp\nJanuary 2012 – Present\n- Built services in Java and PostgreSQL\n';

describe('date fields', () => {
  it.each([
    ['D:20150312094512+05\'30\'', '2015-03-12'],
    ['D:20150312', '2015-03-12'],
    ['D:2015', '2015-01-01'],
    ['20190701120000Z', '2019-07-01'],
  ])('PDF date %s -> %s', (s, want) => expect(pdfDate(s)).toBe(want));

  it.each([
    [''], ['D:'], ['D:19000101'], ['D:20151301'], ['D:20150100'], ['yesterday'], [12345], [null],
  ])('not a PDF date: %s', (s) => expect(pdfDate(s)).toBeNull());

  it.each([
    ['2015-03-12T09:45:00Z', '2015-03-12'],
    ['2015-03-12', '2015-03-12'],
  ])('W3CDTF %s -> %s', (s, want) => expect(w3cDate(s)).toBe(want));

  it.each([['1601-01-01T00:00:00Z'], ['12/03/2015'], [undefined]])('not a W3CDTF date worth using: %s', (s) => expect(w3cDate(s)).toBeNull());

  it('DOCX core properties: modified wins over created; created when modified is absent', () => {
    const both = '<cp:coreProperties><dcterms:created xsi:type="dcterms:W3CDTF">2014-01-02T00:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2016-05-06T10:00:00Z</dcterms:modified></cp:coreProperties>';
    expect(coreXmlDate(both)).toBe('2016-05-06');
    expect(coreXmlDate('<dcterms:created xsi:type="dcterms:W3CDTF">2014-01-02T00:00:00Z</dcterms:created>')).toBe('2014-01-02');
    expect(coreXmlDate('<cp:coreProperties/>')).toBeNull();
  });
});

/** A DOCX of the text whose core properties say it was last modified on `modified`. */
async function datedDocx(text: string, modified: string): Promise<Buffer> {
  const parts = (await unzipParts(await makeDocx(text))).filter((p) => p.name !== 'docProps/core.xml');
  const core = `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dcterms:modified xsi:type="dcterms:W3CDTF">${modified}</dcterms:modified></cp:coreProperties>`;
  return makeZip([...parts, zipPart('docProps/core.xml', Buffer.from(core))]);
}

describe('a file\'s own date', () => {
  it('PDF: ModDate, else CreationDate', async () => {
    const modified = await textPdf(RESUME, { info: { CreationDate: new Date('2014-02-01T00:00:00Z'), ModDate: new Date('2015-03-12T00:00:00Z') } });
    expect((await extractText(modified, 'cv.pdf', limits)).date).toBe('2015-03-12');
    const created = await textPdf(RESUME, { info: { CreationDate: new Date('2014-02-01T00:00:00Z') } });
    expect((await extractText(created, 'cv.pdf', limits)).date).toBe('2014-02-01');
  });

  it('DOCX: dcterms:modified', async () => {
    expect((await extractText(await datedDocx(RESUME, '2016-05-06T10:00:00Z'), 'cv.docx', limits)).date).toBe('2016-05-06');
  });

  it('text has no date', async () => {
    expect((await extractText(Buffer.from(RESUME), 'cv.txt', limits)).date).toBeUndefined();
  });
});

describe('asOf "document"', () => {
  const parse = (source: { raw: string } | { bytes: Uint8Array }, asOf?: AsOf): Promise<ParsedResume> => parseDocument(engine, { kind: 'resume', source, what: 'cv', ...(asOf ? { asOf } : {}) }, limits) as Promise<ParsedResume>;

  it('counts "present" to the file\'s date: a 2012–present job in a file of March 2015 is 39 months', async () => {
    const pdf = await textPdf(RESUME, { info: { ModDate: new Date('2015-03-12T00:00:00Z') } });
    const r = await parse({ bytes: pdf }, 'document');
    expect(r.profile).toMatchObject({ asOf: '2015-03', documentDate: '2015-03-12' });
    expect(r.profile.experience.totalMonths).toBe(39);
    // Asked for a date, the date wins; the file's date is still reported.
    const fixed = await parse({ bytes: pdf }, { y: 2016, m: 3 });
    expect(fixed.profile).toMatchObject({ asOf: '2016-03', documentDate: '2015-03-12' });
    expect(fixed.profile.experience.totalMonths).toBe(51);
  });

  it('the same for a DOCX', async () => {
    const r = await parse({ bytes: await datedDocx(RESUME, '2016-05-06T10:00:00Z') }, 'document');
    expect(r.profile).toMatchObject({ asOf: '2016-05', documentDate: '2016-05-06' });
  });

  it.each([
    { name: 'text, which has no date', source: async () => ({ raw: RESUME }), code: 'NO_DOCUMENT_DATE' },
    { name: 'a file dated in the future', source: async () => ({ bytes: await textPdf(RESUME, { info: { ModDate: new Date('2099-01-01T00:00:00Z') } }) }), code: 'DOCUMENT_DATE_FUTURE' },
  ])('falls back to today, with a warning, for $name', async ({ source, code }) => {
    const r = await parse(await source(), 'document');
    const today = new Date();
    expect(r.profile.asOf).toBe(`${today.getUTCFullYear()}-${String(today.getUTCMonth() + 1).padStart(2, '0')}`);
    expect(r.profile.warnings.map((w) => w.code)).toContain(code);
  });
});
