// PDF and DOCX readers on documents generated with pdfkit and docx: layouts, and bad files.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractText } from '../../src/ingest/extract.ts';
import { createEngine } from '../../src/engine.ts';
import { makeDocx, makePdf, textPdf } from '../helpers/documents.ts';

const engine = createEngine();
const fixture = (f: string): string => readFileSync(new URL(`../fixtures/resumes/${f}`, import.meta.url), 'utf8');
const MB = { maxInputBytes: 10 * 1024 * 1024, maxPdfPages: 50, maxUnpackedBytes: 50 * 1024 * 1024 };

describe('PDF', () => {
  it('reads a one-column résumé, dropping running headers, footers and page numbers', async () => {
    const text = fixture('01-backend-engineer-chronological.txt');
    const pdf = await textPdf(text, { linesPerPage: 40, header: 'Daniel Okonkwo-Hartley - Curriculum Vitae', footer: (p, n) => `Page ${p} of ${n}` });
    const r = await extractText(pdf, 'cv.pdf', MB);
    expect(r.type).toBe('pdf');
    expect(r.pages).toBeGreaterThan(1);
    expect(r.text).not.toMatch(/Page \d of \d|Curriculum Vitae/);
    const fromPdf = engine.parseResume(r.text, { asOf: '2026-11-01' });
    const fromText = engine.parseResume(text, { asOf: '2026-11-01' });
    expect(fromPdf.experience.totalMonths).toBe(fromText.experience.totalMonths);
    expect(fromPdf.positions.map((p) => [p.title, p.organization, p.start, p.end])).toEqual(fromText.positions.map((p) => [p.title, p.organization, p.start, p.end]));
  });

  it('leaves JSON and Array.prototype.push native after reading a PDF (pdfjs\'s bundled core-js replaces them)', async () => {
    // In a process of its own: what a CLI run or a pool thread gets. core-js makes its versions
    // print as native code, so the functions are compared with those taken before.
    const pdf = await textPdf('Jane Doe\nSoftware Engineer', { linesPerPage: 40 });
    const script = `
      const before = [JSON.stringify, JSON.parse, Array.prototype.push];
      const { extractText } = await import(${JSON.stringify(new URL('../../src/ingest/extract.ts', import.meta.url).href)});
      const r = await extractText(Buffer.from(process.argv[1], 'base64'), 'cv.pdf', ${JSON.stringify(MB)});
      const after = [JSON.stringify, JSON.parse, Array.prototype.push];
      console.log(JSON.stringify({ type: r.type, natives: after.map((f, i) => f === before[i]) }));`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, Buffer.from(pdf).toString('base64')], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ type: 'pdf', natives: [true, true, true] });
  });

  it('reads a two-column layout column by column, not line by line across columns', async () => {
    const left = 'CONTACT\nmaria.lopez@example.com\n+34 600 123 456\nMadrid, Spain\n\nSKILLS\nPython\nSQL\nApache Spark\nAirflow\n\nLANGUAGES\nSpanish (native)\nEnglish (C1)';
    const right = 'MARIA LOPEZ\nData Engineer\n\nEXPERIENCE\nSenior Data Engineer\nCabify, Madrid\nMar 2021 - Present\n- Built Spark pipelines on Airflow for pricing data\n\nData Engineer\nBBVA, Madrid\nJan 2018 - Feb 2021\n- Wrote SQL and Python ETL jobs\n\nEDUCATION\nMSc Computer Science, Universidad Politecnica de Madrid, 2017';
    const pdf = await makePdf([[{ text: left, x: 40, y: 60, width: 150 }, { text: right, x: 230, y: 60, width: 320 }]]);
    const { text } = await extractText(pdf, 'two-col.pdf', MB);
    // Each column's lines stay together and in order.
    expect(text.indexOf('CONTACT')).toBeLessThan(text.indexOf('SKILLS'));
    expect(text.indexOf('LANGUAGES')).toBeLessThan(text.indexOf('EXPERIENCE'));
    expect(text).toContain('Senior Data Engineer\nCabify, Madrid\nMar 2021 - Present');
    const p = engine.parseResume(text, { asOf: '2026-11-01' });
    expect(p.positions.map((x) => [x.title, x.organization, x.start, x.end])).toEqual([
      ['Senior Data Engineer', 'Cabify', '2021-03', null],
      ['Data Engineer', 'BBVA', '2018-01', '2021-02'],
    ]);
    expect(p.languages.map((l) => [l.code, l.level])).toEqual([['es', 'native'], ['en', 'C1']]);
    expect(p.education[0]).toMatchObject({ level: 'master', year: 2017 });
  });

  it('reads a LinkedIn-style export (sidebar with contact and top skills, main column with roles)', async () => {
    const sidebar = 'Contact\nwww.linkedin.com/in/jdoe\n\nTop Skills\nKubernetes\nTerraform\nGo\n\nLanguages\nGerman (Native or Bilingual)\nEnglish (Full Professional)\n\nCertifications\nCertified Kubernetes Administrator';
    const main = 'Jonas Weber\nSite Reliability Engineer at Helio GmbH\nBerlin, Germany\n\nSummary\nSRE with a focus on Kubernetes platforms.\n\nExperience\nHelio GmbH\nSite Reliability Engineer\nJune 2020 - Present (5 years 6 months)\nBerlin, Germany\nRunning Kubernetes and Terraform for 40 teams.\n\nZalando\nSystems Engineer\nSeptember 2017 - May 2020 (2 years 9 months)\nBerlin, Germany\n\nEducation\nTechnische Universität Berlin\nBachelor of Science - BS, Computer Science · (2013 - 2017)';
    const pdf = await makePdf([[{ text: sidebar, x: 30, y: 40, width: 150, size: 9 }, { text: main, x: 215, y: 40, width: 340 }]]);
    const { text } = await extractText(pdf, 'Profile.pdf', MB);
    const p = engine.parseResume(text, { asOf: '2026-11-01' });
    expect(p.positions.map((x) => [x.title, x.organization, x.start, x.end])).toEqual([
      ['Site Reliability Engineer', 'Helio GmbH', '2020-06', null],
      ['Systems Engineer', 'Zalando', '2017-09', '2020-05'],
    ]);
    expect(p.experience.totalMonths).toBe(33 + 78);
    expect(p.skills.map((s) => s.id)).toEqual(expect.arrayContaining(['kubernetes', 'terraform']));
    expect(p.certifications.map((c) => c.id)).toContain('cka');
    expect(p.education[0]).toMatchObject({ level: 'bachelor', field: 'Computer science', year: 2017 });
  });

  it.each([
    ['an encrypted PDF', () => makePdf([[{ text: 'secret', x: 50, y: 50, width: 300 }]], { userPassword: 'pw' }), 'INPUT_ENCRYPTED'],
    ['an image-only PDF', () => makePdf([[]], { shapesOnly: true }), 'INPUT_NO_TEXT_LAYER'],
    ['a truncated PDF', async () => (await textPdf('Hello world. '.repeat(50))).subarray(0, 400), 'INPUT_CORRUPT'],
  ])('rejects %s with a coded error', async (_name, make, code) => {
    await expect(extractText(await make(), 'x.pdf', MB)).rejects.toMatchObject({ code });
  });
});

describe('DOCX', () => {
  it('keeps headings and list items', async () => {
    const docx = await makeDocx('SKILLS\n- Python\n- SQL\nEXPERIENCE\nData Analyst, Acme Corp, Jan 2020 - Present\n- Built Tableau dashboards');
    const r = await extractText(docx, 'cv.docx', MB);
    expect(r.type).toBe('docx');
    expect(r.text).toMatch(/SKILLS\s+• Python\n• SQL\s+EXPERIENCE/);
    const p = engine.parseResume(r.text, { asOf: '2026-11-01' });
    expect(p.positions[0]).toMatchObject({ title: 'Data Analyst', organization: 'Acme Corp', start: '2020-01' });
  });

  it('rejects a corrupt DOCX', async () => {
    await expect(extractText(Buffer.from('PK\x03\x04this is not a zip archive at all'), 'bad.docx', MB)).rejects.toMatchObject({ code: 'INPUT_CORRUPT' });
  });

  it('rejects a document over the size limit before reading it', async () => {
    await expect(extractText(Buffer.alloc(2000, 65), 'big.txt', { ...MB, maxInputBytes: 1000 })).rejects.toMatchObject({ code: 'INPUT_TOO_LARGE' });
  });
});
