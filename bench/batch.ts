// Batch benchmark: `npm run bench:batch -- [--resumes 2000] [--postings 2000] [--all | --top 10] [--workers 1,2]`.
// Writes fixed synthetic inputs (seeded; cached in bench/.cache/) as JSONL, runs `rolefit batch`'s
// runner on them for each worker count, and prints the wall time, rates and the cost split
// (postings parsed; résumés read, scored and written), plus the output size and peak memory.

import { existsSync, mkdirSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config/load.ts';
import { modelVersions } from '../src/app/index.ts';
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
  const t = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
  const s = await runBatch({ resumes, postings, out, query, config, workers: w, ...versions });
  clearInterval(t);
  peak = Math.max(peak, process.memoryUsage().rss);
  const secs = s.ms.total / 1000;
  console.log(`  workers ${w}: ${secs.toFixed(1)} s total | postings parsed in ${(s.ms.postings / 1000).toFixed(1)} s (${Math.round(nPostings / (s.ms.postings / 1000))}/s, incl. thread start) | résumés read+scored+written in ${(s.ms.resumes / 1000).toFixed(1)} s (${Math.round(nResumes / (s.ms.resumes / 1000))} résumés/s, ${Math.round(nResumes * nPostings / (s.ms.resumes / 1000)).toLocaleString('en')} pairs/s) | output ${(statSync(out).size / 1e6).toFixed(1)} MB | main-process peak RSS ${Math.round(peak / 1e6)} MB`);
}
