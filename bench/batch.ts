// Batch benchmark: `npm run bench:batch -- [--resumes 2000] [--postings 2000] [--all | --top 10] [--workers 1,2] [--split 100]`.
// Writes fixed synthetic inputs (seeded; cached in bench/.cache/) as JSONL, runs `rolefit batch`'s
// runner on them for each worker count, and prints the wall time, rates and the cost split
// (postings parsed; résumés read, scored and written), plus the output size, peak memory and the
// CPU time of all threads (steadier than wall time on a shared VM). Then the cost split of one
// résumé (read, score, write) measured in this thread on the first `--split` résumés.

import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config/load.ts';
import { createEngine, modelVersions, resumeResult, roleSet } from '../src/app/index.ts';
import { formatResult } from '../src/batch/format.ts';
import { PairLines } from '../src/batch/pair-lines.ts';
import { runBatch } from '../src/batch/run.ts';
import { rng, syntheticPosting, syntheticResume } from '../test/helpers/synthetic.ts';

const { values } = parseArgs({
  options: {
    resumes: { type: 'string', default: '2000' },
    postings: { type: 'string', default: '2000' },
    all: { type: 'boolean', default: false },
    top: { type: 'string', default: '10' },
    workers: { type: 'string', default: '1,2' },
    format: { type: 'string', default: 'ndjson' },
    split: { type: 'string', default: '100' },
  },
});
const nResumes = Number(values.resumes);
const nPostings = Number(values.postings);
const root = new URL('../', import.meta.url).pathname;
const cache = join(root, 'bench/.cache');
mkdirSync(cache, { recursive: true });

function jsonl(kind: 'resumes' | 'postings', n: number, seed: number, make: (r: ReturnType<typeof rng>) => string): string {
  const path = join(cache, `batch-${kind}-${n}-${seed}.jsonl`);
  if (!existsSync(path)) {
    const r = rng(seed);
    const lines: string[] = [];
    for (let i = 0; i < n; i++) lines.push(JSON.stringify({ id: `${kind[0]}${String(i).padStart(6, '0')}`, text: make(r) }));
    writeFileSync(path, `${lines.join('\n')}\n`);
  }
  return path;
}

const resumes = jsonl('resumes', nResumes, 11, syntheticResume);
const postings = jsonl('postings', nPostings, 7, syntheticPosting);
const config = loadConfig();
const versions = modelVersions(config.modelsDir);
const query = values.all ? { all: true, asOf: { y: 2026, m: 11 } } : { top: Number(values.top), asOf: { y: 2026, m: 11 } };
console.log(`batch: ${nResumes} résumés × ${nPostings} postings (${(nResumes * nPostings / 1e6).toFixed(1)}M pairs), ${values.all ? 'all pairs' : `top ${values.top}`}, ${values.format}`);
for (const w of values.workers.split(',').map(Number)) {
  const out = join(cache, `batch-out-${w}.${values.format}`);
  rmSync(out, { force: true });
  let peak = 0;
  const cpu0 = process.cpuUsage();
  const t = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
  const s = await runBatch({ resumes, postings, out, query, config, workers: w, ...versions });
  clearInterval(t);
  peak = Math.max(peak, process.memoryUsage().rss);
  const cpu = process.cpuUsage(cpu0);
  const secs = s.ms.total / 1000;
  console.log(`  workers ${w}: ${secs.toFixed(1)} s total | postings parsed in ${(s.ms.postings / 1000).toFixed(1)} s (${Math.round(nPostings / (s.ms.postings / 1000))}/s, incl. thread start) | résumés read+scored+written in ${(s.ms.resumes / 1000).toFixed(1)} s (${Math.round(nResumes / (s.ms.resumes / 1000))} résumés/s, ${Math.round(nResumes * nPostings / (s.ms.resumes / 1000)).toLocaleString('en')} pairs/s) | output ${(statSync(out).size / 1e6).toFixed(1)} MB | main-process peak RSS ${Math.round(peak / 1e6)} MB | CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s (all threads)`);
}

// Last, so the runs' peak memory is their own.
costSplit(Number(values.split));

/** Per résumé, in this thread: parse, score against every posting (top N or all pairs), format as the batch threads do. */
function costSplit(n: number): void {
  if (n <= 0) return;
  const engine = createEngine();
  const lines = (file: string, k: number) => readFileSync(file, 'utf8').split('\n').filter(Boolean).slice(0, k).map((l) => JSON.parse(l) as { id: string; text: string });
  const set = roleSet(engine, lines(postings, nPostings).map((p) => ({ id: p.id, profile: engine.parsePosting(p.text) })));
  const pairLines = new PairLines('ndjson', set.ids);
  const encoder = new TextEncoder();
  const ms = { parse: 0, score: 0, write: 0 };
  const sample = lines(resumes, n);
  for (let round = 0; round < 2; round++) {
    // The first round warms the JIT; the second is measured.
    Object.assign(ms, { parse: 0, score: 0, write: 0 });
    for (const r of sample) {
      let t = performance.now();
      const profile = engine.parseResume(r.text, { asOf: query.asOf });
      ms.parse += performance.now() - t;
      t = performance.now();
      const result = resumeResult(engine, set, r.id, profile, query);
      ms.score += performance.now() - t;
      t = performance.now();
      if ('pairs' in result) pairLines.encode(r.id, result.pairs);
      else encoder.encode(formatResult(result, 'ndjson'));
      ms.write += performance.now() - t;
    }
  }
  const per = (x: number): string => (x / sample.length).toFixed(2);
  const pairs = sample.length * set.ids.length;
  console.log(`  cost split, one thread, per résumé (${sample.length} résumés): read ${per(ms.parse)} ms | score ${per(ms.score)} ms${query.all ? ` (${Math.round(pairs / (ms.score / 1000)).toLocaleString('en')} pairs/s)` : ''} | write ${per(ms.write)} ms`);
}
