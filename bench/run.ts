// Benchmarks on fixed inputs (not timed tests): `npm run bench`. Prints rates and latencies.
// Inputs: the posting and résumé fixtures under test/fixtures, read once.

import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../src/engine.ts';
import { readModelFiles } from '../src/engine.ts';
import { createTaxonomy } from '../src/taxonomy/taxonomy.ts';
import { normalizeText } from '../src/text/normalize.ts';

const root = new URL('../', import.meta.url).pathname;

function fixtureTexts(subs = ['test/fixtures/postings', 'test/fixtures/seeds', 'test/fixtures/resumes']): string[] {
  const texts: string[] = [];
  for (const sub of subs) {
    const dir = join(root, sub);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) if (f.endsWith('.txt')) texts.push(readFileSync(join(dir, f), 'utf8'));
  }
  return texts;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

function benchModels(): void {
  const engine = createEngine();
  const loads: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    createTaxonomy(readModelFiles(engine.config.modelsDir));
    loads.push(performance.now() - t0);
  }
  console.log(`models: ${engine.taxonomy.skills.length} skills, ${engine.taxonomy.matcher.formCount} surface forms; load (read + verify + compile) median ${median(loads).toFixed(0)} ms (first ${engine.loadMs.toFixed(0)} ms)`);
}

function benchMatcher(): void {
  const engine = createEngine();
  const texts = fixtureTexts();
  if (texts.length === 0) throw new Error('no fixtures under test/fixtures');
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  // Warm up, then run the whole fixture set enough times to cover ~20 MB.
  for (const t of texts) engine.taxonomy.mentions(t);
  const rounds = Math.max(1, Math.ceil(20e6 / bytes));
  const perDoc: number[] = [];
  let mentions = 0;
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const t of texts) {
      const a = performance.now();
      mentions += engine.taxonomy.mentions(t).length;
      perDoc.push(performance.now() - a);
    }
  }
  const secs = (performance.now() - t0) / 1000;
  const mb = (bytes * rounds) / 1e6;
  console.log(`matcher: ${texts.length} fixture documents x ${rounds} rounds = ${mb.toFixed(1)} MB in ${secs.toFixed(2)} s -> ${(mb / secs).toFixed(1)} MB/s on one core; ${(mentions / rounds).toFixed(0)} mentions per round; per document p50 ${median(perDoc).toFixed(3)} ms, p99 ${percentile(perDoc, 99).toFixed(3)} ms`);
  const n0 = performance.now();
  for (let r = 0; r < rounds; r++) for (const t of texts) normalizeText(t);
  const nsecs = (performance.now() - n0) / 1000;
  console.log(`normalize: ${(mb / nsecs).toFixed(1)} MB/s`);
}

/** Parses each text repeatedly for five seconds; prints the rate and latency percentiles. */
function timeParses(label: string, unit: string, texts: string[], parse: (t: string) => unknown): void {
  for (const t of texts) parse(t);
  const chars = texts.reduce((n, t) => n + t.length, 0);
  const times: number[] = [];
  const t0 = performance.now();
  let n = 0;
  while (performance.now() - t0 < 5000) {
    for (const t of texts) {
      const a = performance.now();
      parse(t);
      times.push(performance.now() - a);
      n++;
    }
  }
  const secs = (performance.now() - t0) / 1000;
  console.log(`${label}: ${texts.length} fixture ${unit} (mean ${(chars / texts.length).toFixed(0)} chars), ${n} parses in ${secs.toFixed(1)} s -> ${(n / secs).toFixed(0)} ${unit}/s on one core; latency p50 ${median(times).toFixed(2)} ms, p99 ${percentile(times, 99).toFixed(2)} ms`);
}

function benchPostings(): void {
  const engine = createEngine();
  timeParses('parse posting', 'postings', fixtureTexts(['test/fixtures/postings', 'test/fixtures/seeds']), (t) => engine.parsePosting(t));
}

function benchResumes(): void {
  const engine = createEngine();
  const texts = fixtureTexts(['test/fixtures/resumes']);
  timeParses('parse resume (text)', 'résumés', texts, (t) => engine.parseResume(t, { asOf: '2026-11-01' }));
  timeParses('parse resume (two pages)', 'résumés', texts.map((t) => `${t}\n\n${t}`), (t) => engine.parseResume(t, { asOf: '2026-11-01' }));
}

async function benchPdf(): Promise<void> {
  const { textPdf } = await import('../test/helpers/documents.ts');
  const { pdfToText } = await import('../src/ingest/pdf.ts');
  const texts = fixtureTexts(['test/fixtures/resumes']);
  const pdfs = await Promise.all(texts.map((t) => textPdf(t, { linesPerPage: 30 })));
  await pdfToText(pdfs[0]!, 'warm-up.pdf');
  let pages = 0;
  const t0 = performance.now();
  for (let r = 0; r < 5; r++) for (const pdf of pdfs) pages += (await pdfToText(pdf, 'bench.pdf')).pages;
  const secs = (performance.now() - t0) / 1000;
  console.log(`PDF text extraction: ${pages} pages in ${secs.toFixed(2)} s -> ${(pages / secs).toFixed(0)} pages/s on one core (pdfkit-made résumés, 30 lines a page)`);
}

function benchPairs(): void {
  const engine = createEngine();
  const candidates = fixtureTexts(['test/fixtures/resumes', 'test/fixtures/match']).map((t) => engine.candidate(t, { asOf: '2026-11-01' }));
  const roles = fixtureTexts(['test/fixtures/postings', 'test/fixtures/seeds']).map((t) => engine.role(t));
  for (const explain of [false, true]) {
    let pairs = 0;
    let sink = 0;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    while (performance.now() - t0 < 3000) {
      if (explain) for (const c of candidates) for (const r of roles) { sink += engine.match(c, r).score; pairs++; }
      else for (const c of candidates) for (const r of roles) { sink += engine.quickScore(c, r).score; pairs++; }
    }
    const secs = (performance.now() - t0) / 1000;
    // CPU time too: on a shared machine the wall clock counts time other processes held the core.
    const cpu = process.cpuUsage(cpu0);
    const cpuSecs = (cpu.user + cpu.system) / 1e6;
    console.log(`score pairs (${explain ? 'full explanations' : 'no explanations'}): ${candidates.length} résumés x ${roles.length} postings, ${pairs} pairs in ${secs.toFixed(1)} s -> ${(pairs / secs).toFixed(0)} pairs/s on one core, ${(pairs / cpuSecs).toFixed(0)} per CPU-second (checksum ${sink.toFixed(0)})`);
  }
}

const which = process.argv[2] ?? 'all';
if (which === 'all' || which === 'models') benchModels();
if (which === 'all' || which === 'matcher') benchMatcher();
if (which === 'all' || which === 'postings') benchPostings();
if (which === 'all' || which === 'resumes') benchResumes();
if (which === 'all' || which === 'pdf') await benchPdf();
if (which === 'all' || which === 'pairs') benchPairs();
