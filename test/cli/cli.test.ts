import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';

async function run(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'rolefit-cli-'));
const file = (name: string, content: string | Buffer): string => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

describe('rolefit skills', () => {
  it('prints one JSON object for one document, with spans into the input', async () => {
    const text = 'Senior engineer: Java, Kubernetes and PostgreSQL on AWS.';
    const r = await run('skills', file('one.txt', text));
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out.join('\n')) as { mentions: Array<{ id: string; start: number; end: number; text: string }> };
    expect(doc.mentions.map((m) => m.id)).toEqual(['java', 'kubernetes', 'postgresql', 'aws']);
    for (const m of doc.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('prints JSON lines for a JSONL input, in input order, errors as lines', async () => {
    const jsonl = file('many.jsonl', [
      JSON.stringify({ id: 'a', text: 'Python and SQL' }),
      'not json',
      JSON.stringify({ id: 'c', text: '   ' }),
      JSON.stringify({ id: 'd', path: 'one.txt' }),
      JSON.stringify({ id: 'e' }),
    ].join('\n'));
    const r = await run('skills', jsonl);
    expect(r.code).toBe(0);
    const rows = r.out.map((l) => JSON.parse(l) as { id: string; error?: { code: string }; mentions?: unknown[] });
    expect(rows.map((x) => x.id)).toEqual(['a', '2', 'c', 'd', 'e']);
    expect(rows.map((x) => x.error?.code ?? 'ok')).toEqual(['ok', 'INPUT_BAD_JSONL', 'INPUT_EMPTY', 'ok', 'INPUT_BAD_JSONL']);
  });

  it('reads a directory as many documents, ids from file names', async () => {
    const d = mkdtempSync(join(tmpdir(), 'rolefit-dir-'));
    writeFileSync(join(d, 'b.txt'), 'Excel and Tableau');
    writeFileSync(join(d, 'a.txt'), 'React and TypeScript');
    const r = await run('skills', d);
    expect(r.out.map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(['a', 'b']);
  });

  it.each([
    ['an empty file', 'empty.txt', '', 'INPUT_EMPTY'],
    ['binary junk', 'junk.bin', Buffer.from([0, 1, 2, 3, 255, 0, 7, 8]), 'INPUT_NOT_TEXT'],
    ['a PDF that is not one', 'x.pdf', Buffer.from('%PDF-1.4\n'), 'INPUT_CORRUPT'],
  ])('gives a coded error for %s', async (_what, name, content, code) => {
    const r = await run('skills', file(name, content));
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out.join('\n'))).toMatchObject({ error: { code } });
  });

  it('reports a missing file on stderr with a code', async () => {
    const r = await run('skills', join(dir, 'nope.txt'));
    expect(r.code).toBe(1);
    expect(r.err.join('\n')).toMatch(/^rolefit: INPUT_NOT_FOUND: /);
  });

  it('exits 2 on an unknown command', async () => {
    const r = await run('frobnicate');
    expect(r.code).toBe(2);
  });
});

describe('rolefit models', () => {
  it('check passes: committed models match the taxonomy sources', async () => {
    const r = await run('models', 'check');
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('import needs exactly one source', async () => {
    const r = await run('models', 'import');
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).toMatch(/USAGE/);
  });
});

describe('rolefit score and rank', () => {
  const fx = (p: string): string => new URL(`../fixtures/${p}`, import.meta.url).pathname;

  it('score prints a Match', async () => {
    const r = await run('score', fx('match/strong-fit.txt'), fx('seeds/amazon-sde-photos-bengaluru.txt'), '--as-of', '2026-11-01');
    expect(r.code).toBe(0);
    const m = JSON.parse(r.out.join('\n')) as { score: number; scoringVersion: string; gates: { passed: boolean }; requirements: unknown[] };
    expect(m.score).toBeGreaterThan(80);
    expect(m.gates.passed).toBe(true);
    expect(m.requirements.length).toBeGreaterThan(5);
  });

  it('rank orders candidates for a posting, best first, and honours --top', async () => {
    const r = await run('rank', '--posting', fx('seeds/amazon-sde-photos-bengaluru.txt'), '--resumes', fx('match'), '--top', '3', '--as-of', '2026-11-01');
    const rows = (JSON.parse(r.out.join('\n')) as { results: Array<{ id: string; score: number }> }).results;
    expect(rows.map((x) => x.id)).toEqual(['strong-fit', 'near-miss-years', 'different-field']);
    expect(rows[0]!.score).toBeGreaterThan(rows[1]!.score);
  });

  it('rank orders postings for a résumé and prints a table', async () => {
    const r = await run('rank', fx('match/strong-fit.txt'), '--postings', fx('seeds'), '--as-of', '2026-11-01', '--format', 'table');
    expect(r.out.join('\n')).toMatch(/^#\s+score\s+gates/);
    expect(r.out.join('\n')).toContain('amazon-');
  });

  it.each([
    ['not JSON', 'nope'],
    ['an unknown weight', '{"bogus": 1}'],
    ['a negative weight', '{"gateCap": -5}'],
  ])('rejects weights that are %s', async (_what, weights) => {
    const r = await run('score', fx('match/strong-fit.txt'), fx('seeds/amazon-sde-photos-bengaluru.txt'), '--weights', weights);
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).toMatch(/USAGE/);
  });

  it('rank needs a résumé with postings or a posting with résumés', async () => {
    const r = await run('rank', '--top', '3');
    expect(r.code).toBe(2);
  });
});

describe('--as-of document', () => {
  const RESUME = 'Ana Pereira\n\nEXPERIENCE\nBackend Engineer, Acme Corp\nJanuary 2012 – Present\n- Built services in Java and PostgreSQL\n';

  it('counts "present" to the date a PDF carries; a text file falls back to today with a warning', async () => {
    const { textPdf } = await import('../helpers/documents.ts');
    const pdf = file('dated.pdf', await textPdf(RESUME, { info: { ModDate: new Date('2015-03-12T00:00:00Z') } }));
    const r = await run('parse', 'resume', pdf, '--as-of', 'document');
    expect(r.code).toBe(0);
    const p = JSON.parse(r.out.join('\n')) as { asOf: string; documentDate: string; experience: { totalMonths: number } };
    expect(p).toMatchObject({ asOf: '2015-03', documentDate: '2015-03-12', experience: { totalMonths: 39 } });
    const t = await run('parse', 'resume', file('undated.txt', RESUME), '--as-of', 'document');
    expect((JSON.parse(t.out.join('\n')) as { warnings: Array<{ code: string }> }).warnings.map((w) => w.code)).toContain('NO_DOCUMENT_DATE');
  });

  it('refuses an --as-of that is neither a date nor "document"', async () => {
    const r = await run('parse', 'resume', file('x.txt', RESUME), '--as-of', 'documents');
    expect(r.code).not.toBe(0);
    expect(r.err.join('\n')).toContain('USAGE');
  });

  it('a file over the size limit names its real size and limit (not "0 bytes")', async () => {
    const big = file('big.txt', 'x '.repeat(6 * 1024 * 1024));
    const r = await run('score', big, big);
    expect(r.err.join('\n')).toMatch(/too large \(12582912 bytes\); the limit is 10485760 bytes/);
  });
});
