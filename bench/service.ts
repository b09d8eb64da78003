// Service benchmark: `npm run bench:service -- --postings 10000`. Builds (once, cached under
// bench/.cache/) a SQLite store of varied synthetic postings, starts `rolefit serve` on it as a
// separate process, and loads POST /v1/match from this process with autocannon. Prints start-up
// time, server memory, sequential latency, and latency and throughput under concurrent load.

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { createEngine } from '../src/engine.ts';
import { Catalog } from '../src/app/catalog.ts';
import { openStore } from '../src/storage/open.ts';
import { rng, syntheticPosting } from '../test/helpers/synthetic.ts';

const root = new URL('../', import.meta.url).pathname;
const { values: args } = parseArgs({
  options: {
    postings: { type: 'string', default: '10000' },
    connections: { type: 'string', default: '8' },
    duration: { type: 'string', default: '15' },
    top: { type: 'string', default: '10' },
    port: { type: 'string', default: '3917' },
    workers: { type: 'string', default: '1' },
  },
});
const N = Number(args.postings);
const port = Number(args.port);
const base = `http://127.0.0.1:${port}`;

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

/** A store of N synthetic postings, built once (parsing is the slow part) and reused. */
async function storeOf(n: number): Promise<string> {
  const dir = join(root, 'bench/.cache');
  const file = join(dir, `postings-${n}.db`);
  if (existsSync(file)) return file;
  mkdirSync(dir, { recursive: true });
  const tmp = `${file}.building`;
  rmSync(tmp, { force: true });
  const store = await openStore({ db: tmp });
  const catalog = new Catalog(createEngine(), store);
  const r = rng(42);
  const t0 = performance.now();
  for (let i = 0; i < n; i += 1000) {
    const docs = Array.from({ length: Math.min(1000, n - i) }, (_, j) => ({ id: `syn-${String(i + j).padStart(7, '0')}`, raw: syntheticPosting(r) }));
    await catalog.putPostings(docs);
    process.stderr.write(`\rbuilding ${file}: ${Math.min(n, i + 1000)}/${n}`);
  }
  await store.close();
  renameSync(tmp, file);
  for (const ext of ['-wal', '-shm']) rmSync(`${tmp}${ext}`, { force: true });
  console.log(`\nbuilt ${n} postings in ${((performance.now() - t0) / 1000).toFixed(1)} s (parse + store)`);
  return file;
}

/** Resident memory of a process and its children (the workers of `--workers N`), in MB. */
function rssMb(pid: number): number {
  const one = (p: number): number => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
  let kb = one(pid);
  for (const t of readdirSync(`/proc/${pid}/task`)) {
    for (const child of readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').split(' ').filter(Boolean)) kb += one(Number(child));
  }
  return Math.round(kb / 1024);
}

async function waitReady(): Promise<{ postings: number }> {
  for (;;) {
    try {
      const res = await fetch(`${base}/ready`);
      if (res.ok) return (await res.json()) as { postings: number };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

const db = await storeOf(N);
const t0 = performance.now();
const server = spawn(process.execPath, [join(root, 'bin/rolefit.js'), 'serve', '--db', db, '--port', String(port), '--no-seed', '--workers', args.workers], {
  env: { ...process.env, ROLEFIT_RATE_LIMIT: '0', ROLEFIT_LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
try {
  const ready = await waitReady();
  const startMs = performance.now() - t0;
  console.log(`service (${args.workers} worker${args.workers === '1' ? '' : 's'}): ${ready.postings} postings; start-up to ready ${(startMs / 1000).toFixed(2)} s (process start, models, index load); RSS ${rssMb(server.pid!)} MB`);

  const resumeDir = join(root, 'data/samples/resumes');
  const bodies = readdirSync(resumeDir).sort().map((f) => JSON.stringify({ text: readFileSync(join(resumeDir, f), 'utf8'), top: Number(args.top), asOf: '2026-11-01' }));
  const post = async (body: string): Promise<{ ms: number; scored: number }> => {
    const t = performance.now();
    const res = await fetch(`${base}/v1/match`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const json = (await res.json()) as { stats: { scored: number } };
    if (!res.ok) throw new Error(`match failed: ${JSON.stringify(json)}`);
    return { ms: performance.now() - t, scored: json.stats.scored };
  };
  for (let i = 0; i < 40; i++) await post(bodies[i % bodies.length]!);
  const seq: number[] = [];
  const scored: number[] = [];
  for (let i = 0; i < 200; i++) {
    const r = await post(bodies[i % bodies.length]!);
    seq.push(r.ms);
    scored.push(r.scored);
  }
  console.log(`sequential POST /v1/match (top=${args.top}, 20 résumés in turn): p50 ${pct(seq, 50).toFixed(1)} ms, p99 ${pct(seq, 99).toFixed(1)} ms; postings fully scored per request: median ${pct(scored, 50)} of ${ready.postings}`);

  const result = await autocannon({
    url: base,
    connections: Number(args.connections),
    duration: Number(args.duration),
    requests: bodies.map((body) => ({ method: 'POST' as const, path: '/v1/match', headers: { 'content-type': 'application/json' }, body })),
  });
  console.log(`load (autocannon, ${args.connections} connections, ${args.duration} s): ${result.requests.average.toFixed(0)} req/s; latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms; ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
  console.log(`server RSS after load: ${rssMb(server.pid!)} MB`);
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
}
