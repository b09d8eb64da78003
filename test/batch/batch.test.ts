// rolefit batch: deterministic output whatever the thread count, error lines for unreadable
// documents, a resumable output (a kill -9 loses and doubles nothing), refusals that say why.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resumesJsonl, SAMPLES } from '../helpers/batch.ts';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { createEngine } from '../../src/app/index.ts';
import { runBatch, type BatchRunOptions } from '../../src/batch/run.ts';
import { openResumable, journalPath } from '../../src/batch/journal.ts';
import { textPdf } from '../helpers/documents.ts';

const BIN = new URL('../../bin/rolefit.js', import.meta.url).pathname;
const engine = createEngine();
const config = loadConfig({});
const dir = mkdtempSync(join(tmpdir(), 'rolefit-batch-'));
afterAll(() => {
  // Temporary files stay for a failed run to be read; the OS clears tmp.
});

const base = (over: Partial<BatchRunOptions>): BatchRunOptions => ({
  resumes: `${SAMPLES}resumes`, postings: `${SAMPLES}postings`, out: join(dir, 'x.ndjson'),
  query: { top: 3, asOf: { y: 2026, m: 11 } }, config, workers: 1,
  modelsVersion: engine.modelsVersion, scoringVersion: engine.scoring.scoringVersion, ...over,
});


describe('rolefit batch', () => {
  it('writes the same bytes with one thread or two, NDJSON top and CSV all', async () => {
    for (const [out, query] of [['top', { top: 3, asOf: { y: 2026, m: 11 } }], ['all', { all: true, minScore: 20, asOf: { y: 2026, m: 11 } }]] as const) {
      const one = join(dir, `${out}-1.${out === 'top' ? 'ndjson' : 'csv'}`);
      const two = join(dir, `${out}-2.${out === 'top' ? 'ndjson' : 'csv'}`);
      const s1 = await runBatch(base({ out: one, query, workers: 1 }));
      await runBatch(base({ out: two, query, workers: 2 }));
      expect(readFileSync(one, 'utf8')).toBe(readFileSync(two, 'utf8'));
      expect(s1).toMatchObject({ resumes: 20, postings: 60, errors: 0 });
    }
    const top = readFileSync(join(dir, 'top-1.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { resumeId: string; results: Array<{ postingId: string; score: number }> });
    expect(top.map((r) => r.resumeId)).toEqual(readdirSync(`${SAMPLES}resumes`).sort().map((f) => f.replace(/\.txt$/, '')));
    for (const r of top) {
      expect(r.results).toHaveLength(3);
      expect(r.results.map((x) => x.score)).toEqual([...r.results.map((x) => x.score)].sort((a, b) => b - a));
    }
    // The Java résumé's best role is the Java posting, as `rolefit rank` says.
    expect(top[0]!.results[0]!.postingId).toBe('a01-senior-java-backend');
    const csv = readFileSync(join(dir, 'all-1.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('resume_id,posting_id,score,passed,failed_gates,summary,error');
    expect(csv.length).toBeGreaterThan(20);
    expect(csv.slice(1).every((l) => Number(l.split(',')[2]) >= 20)).toBe(true);
    // Each pair's failed gates are the ones its explained Match names.
    const rows = parse(readFileSync(join(dir, 'all-1.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
    const failing = rows.filter((row) => row['passed'] === 'false');
    expect(failing.length).toBeGreaterThan(5);
    for (const row of failing.slice(0, 40)) {
      const m = engine.match(engine.candidate(readFileSync(`${SAMPLES}resumes/${row['resume_id']}.txt`, 'utf8'), { asOf: '2026-11' }), engine.role(readFileSync(`${SAMPLES}postings/${row['posting_id']}.txt`, 'utf8')), { explain: false });
      expect([row['resume_id'], row['posting_id'], row['failed_gates']!.split(' ')]).toEqual([row['resume_id'], row['posting_id'], m.gates.failed]);
    }
    expect(rows.filter((row) => row['passed'] === 'true').every((row) => row['failed_gates'] === '')).toBe(true);
  }, 240_000);

  it('writes an error line with the code for a document it cannot read, names a bad JSONL line, and goes on', async () => {
    const bad = resumesJsonl(dir, 'bad.jsonl', 1, ['{"id": "junk", "text": "\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007"}', '{not json', '{"id": "empty", "text": "   "}']);
    const out = join(dir, 'bad.ndjson');
    const s = await runBatch(base({ resumes: bad, out }));
    expect(s.errors).toBe(3);
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { resumeId: string; error?: { code: string; message: string } });
    expect(lines).toHaveLength(23);
    expect(lines.slice(20)).toEqual([
      { resumeId: 'junk', error: expect.objectContaining({ code: 'INPUT_NOT_TEXT' }) },
      { resumeId: '22', error: expect.objectContaining({ code: 'INPUT_BAD_JSONL', message: expect.stringContaining('Line 22 of') }) },
      { resumeId: 'empty', error: expect.objectContaining({ code: 'INPUT_EMPTY' }) },
    ]);
  }, 120_000);

  it('leaves out a posting it cannot read, even one whose chunk runs over the time budget, and reads the rest of that chunk', async () => {
    const postingFiles = readdirSync(`${SAMPLES}postings`).sort();
    const good = postingFiles.slice(0, 20).map((f) => JSON.stringify({ id: f.replace(/\.txt$/, ''), text: readFileSync(`${SAMPLES}postings/${f}`, 'utf8') }));
    // Seconds of parsing: its chunk of 16 runs over a 1 s budget, so the chunk is read again one by one.
    const slow = JSON.stringify({ id: 'slow', text: readFileSync(`${SAMPLES}postings/${postingFiles[0]}`, 'utf8').repeat(1500) });
    const junk = JSON.stringify({ id: 'junk', text: '\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007' });
    const path = join(dir, 'postings-bad.jsonl');
    writeFileSync(path, `${[...good.slice(0, 5), slow, junk, ...good.slice(5)].join('\n')}\n`);
    const warnings: string[] = [];
    const out = join(dir, 'postings-bad.ndjson');
    const s = await runBatch(base({ postings: path, out, config: { ...config, parseTimeoutMs: 1000 }, workers: 2, warn: (m) => warnings.push(m) }));
    expect(s).toMatchObject({ postings: 20, skippedPostings: 2 });
    expect(warnings.map((w) => w.split(':').slice(0, 2).join(':'))).toEqual(['posting slow is left out: INPUT_TOO_COMPLEX', 'posting junk is left out: INPUT_NOT_TEXT']);
    // The other postings of the slow one's chunk are ranked as usual.
    const ranked = new Set(readFileSync(out, 'utf8').trim().split('\n').flatMap((l) => (JSON.parse(l) as { results: Array<{ postingId: string }> }).results.map((r) => r.postingId)));
    expect(ranked.has('slow') || ranked.has('junk')).toBe(false);
    expect(ranked.size).toBeGreaterThan(5);
  }, 180_000);

  it('reads PDF files within the parser budget', async () => {
    const pdfs = join(dir, 'pdfs');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(pdfs);
    writeFileSync(join(pdfs, 'java.pdf'), await textPdf(readFileSync(`${SAMPLES}resumes/r01-java-backend-senior.txt`, 'utf8')));
    writeFileSync(join(pdfs, 'broken.pdf'), Buffer.from('%PDF-1.7\n this is not a pdf body'));
    const out = join(dir, 'pdfs.ndjson');
    await runBatch(base({ resumes: pdfs, out }));
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { resumeId: string; error?: { code: string }; results?: Array<{ postingId: string }> });
    expect(lines[0]).toMatchObject({ resumeId: 'broken', error: { code: expect.stringMatching(/^INPUT_/) } });
    expect(lines[1]!.results![0]!.postingId).toBe('a01-senior-java-backend');
  }, 120_000);

  it('refuses --resume against an output written by other inputs or options', async () => {
    const out = join(dir, 'mismatch.ndjson');
    await runBatch(base({ out }));
    await expect(runBatch(base({ out, resume: true, query: { top: 5, asOf: { y: 2026, m: 11 } } }))).rejects.toMatchObject({ code: 'BATCH_RESUME_MISMATCH' });
    await expect(runBatch(base({ out, resume: true, postings: `${SAMPLES}postings/a01-senior-java-backend.txt` }))).rejects.toMatchObject({ code: 'BATCH_RESUME_MISMATCH' });
    // The same inputs and options: the finished run is left as it is.
    const before = readFileSync(out, 'utf8');
    expect((await runBatch(base({ out, resume: true }))).resumedFrom).toBe(20);
    expect(readFileSync(out, 'utf8')).toBe(before);
  }, 240_000);

  it('continues a run killed with SIGKILL: nothing lost, nothing written twice', async () => {
    const input = resumesJsonl(dir, 'many.jsonl', 10);
    const reference = join(dir, 'ref.csv');
    await runBatch(base({ resumes: input, out: reference, workers: 2 }));
    const out = join(dir, 'killed.csv');
    const args = [BIN, 'batch', '--resumes', input, '--postings', `${SAMPLES}postings`, '--out', out, '--top', '3', '--as-of', '2026-11-01', '--workers', '1', '--quiet'];
    const child = spawn(process.execPath, args, { stdio: 'ignore' });
    // Kill it once some résumés are recorded as done, and well before the end.
    const killedAt = await new Promise<number>((resolve, reject) => {
      const t = setInterval(() => {
        const j = journalPath(out);
        if (!existsSync(j)) return;
        const done = Math.max(0, ...readFileSync(j, 'utf8').trim().split('\n').slice(1).map((l) => (JSON.parse(l) as { done?: number }).done ?? 0));
        if (done >= 10) {
          clearInterval(t);
          child.kill('SIGKILL');
          resolve(done);
        }
      }, 20);
      child.once('exit', () => {
        clearInterval(t);
        reject(new Error('the run ended before it could be killed'));
      });
    });
    await new Promise((r) => child.once('exit', r));
    expect(killedAt).toBeLessThan(200);
    const resumed = await runBatch(base({ resumes: input, out, resume: true, workers: 2, query: { top: 3, asOf: { y: 2026, m: 11 } } }));
    expect(resumed.resumedFrom).toBeGreaterThanOrEqual(killedAt);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(reference, 'utf8'));
  }, 300_000);

  it('cuts a half-written tail back to the last recorded résumé', () => {
    const out = join(dir, 'tail.ndjson');
    const o = openResumable(out, { fingerprint: 'f', format: 'ndjson', runId: 'r1' }, '', false);
    o.write([Buffer.from('{"a":1}\n')], 1);
    o.close();
    writeFileSync(out, '{"a":1}\n{"b":', { flag: 'w' });
    const again = openResumable(out, { fingerprint: 'f', format: 'ndjson', runId: 'r2' }, '', true);
    expect(again.done).toBe(1);
    expect(again.runId).toBe('r1');
    again.write([Buffer.from('{"b":2}\n')], 2);
    again.close();
    expect(readFileSync(out, 'utf8')).toBe('{"a":1}\n{"b":2}\n');
  });
});

describe('rolefit batch (CLI)', () => {
  it('streams NDJSON to a pipe with no progress bar, and refuses --resume without a file', async () => {
    const run = (args: string[]): Promise<{ code: number | null; out: string; err: string }> => new Promise((resolve) => {
      const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      child.once('exit', (code) => resolve({ code, out, err }));
    });
    const r = await run(['batch', '--resumes', `${SAMPLES}resumes/r01-java-backend-senior.txt`, '--postings', `${SAMPLES}postings`, '--out', '-', '--all', '--as-of', '2026-11-01']);
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n')).toHaveLength(60);
    expect(r.err).not.toContain('ETA');
    const bad = await run(['batch', '--resumes', `${SAMPLES}resumes`, '--postings', `${SAMPLES}postings`, '--out', '-', '--resume']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('USAGE');
    const both = await run(['batch', '--resumes', `${SAMPLES}resumes`, '--postings', `${SAMPLES}postings`, '--out', '-', '--all', '--top', '3']);
    expect(both.code).toBe(2);
  }, 120_000);
});
