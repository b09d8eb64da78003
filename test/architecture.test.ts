// The dependency rules of ../shared/DESIGN.md, checked on every source file, static and dynamic
// imports alike:
//   domain, errors <- text <- taxonomy <- extract, scoring; scoring <- retrieval; all of these
//   <- engine <- app <- server, cli, batch. ingest and storage see only domain and errors.
//   Faces (server, cli, batch) call app: never scoring, retrieval, extraction or the taxonomy.
//   Core modules never touch fastify, node:fs, workers, databases, queues or process.env.
// And no import cycles, between files or between layers.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('../src/', import.meta.url).pathname;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(?:ts|mts)$/.test(p) && !p.endsWith('.d.ts') ? [p] : [];
  });
}

function layer(path: string): string {
  const rel = relative(SRC, path);
  return rel.includes('/') ? rel.split('/')[0]! : rel.replace(/\.ts$/, '');
}

const CORE_BELOW = ['domain', 'errors', 'text', 'taxonomy', 'extract', 'scoring', 'retrieval'];
/** What each layer may import (itself included). A layer missing here fails the test. */
const ALLOWED: Record<string, string[]> = {
  domain: ['domain'],
  errors: ['domain', 'errors'],
  config: ['config', 'domain', 'errors'],
  text: ['domain', 'errors', 'text'],
  taxonomy: ['domain', 'errors', 'text', 'taxonomy'],
  extract: ['domain', 'errors', 'text', 'taxonomy', 'extract'],
  scoring: ['domain', 'errors', 'text', 'taxonomy', 'scoring'],
  retrieval: ['domain', 'errors', 'text', 'taxonomy', 'scoring', 'retrieval'],
  ingest: ['domain', 'errors', 'ingest'],
  storage: ['domain', 'errors', 'storage'],
  engine: [...CORE_BELOW, 'ingest', 'config', 'engine'],
  workers: [...CORE_BELOW, 'ingest', 'config', 'engine', 'workers'],
  app: [...CORE_BELOW, 'ingest', 'storage', 'config', 'engine', 'workers', 'app'],
  // Faces: the app layer, plus the composition they start (config, storage, worker pools).
  batch: ['domain', 'errors', 'config', 'storage', 'workers', 'app', 'batch'],
  server: ['domain', 'errors', 'config', 'storage', 'workers', 'app', 'batch', 'web', 'server'],
  cli: ['domain', 'errors', 'config', 'storage', 'workers', 'app', 'batch', 'server', 'cli'],
  client: ['client', 'domain', 'errors', 'server'],
  web: ['web'],
  index: ['app', 'domain', 'errors', 'engine', 'client'],
};
const CORE = new Set(['domain', 'errors', 'text', 'taxonomy', 'extract', 'scoring', 'retrieval']);
const CORE_FORBIDDEN = [/^fastify/, /^@fastify\//, /^node:fs/, /^fs$/, /^node:worker_threads/, /^worker_threads/, /^node:child_process/, /^pg$/, /^better-sqlite3/, /^bullmq/, /^ioredis/];

/** Every module a file imports or re-exports, statically or with import(). */
function importsOf(text: string): string[] {
  const code = text.replace(/^\s*\/\/.*$/gm, '');
  const stat = [...code.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
  const bare = [...code.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
  const dynamic = [...code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!);
  return [...stat, ...bare, ...dynamic];
}

const all = files(SRC);
const graph = new Map<string, string[]>();
for (const file of all) {
  const local = importsOf(readFileSync(file, 'utf8')).filter((s) => s.startsWith('.')).map((s) => join(file, '..', s));
  graph.set(file, local);
}

/** Cycles in a directed graph, each as a path; Tarjan's strongly connected components. */
function cycles(g: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of g.get(v) ?? []) {
      if (!g.has(w)) continue;
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1 || (g.get(v) ?? []).includes(v)) out.push(comp);
    }
  };
  for (const v of g.keys()) if (!idx.has(v)) visit(v);
  return out;
}

describe('architecture', () => {
  it('finds the sources, and every layer has rules', () => {
    expect(all.length).toBeGreaterThan(100);
    const unknown = [...new Set(all.map(layer))].filter((l) => !ALLOWED[l]);
    expect(unknown, 'layers without rules in this test').toEqual([]);
  });

  for (const file of all) {
    const from = layer(file);
    it(`${relative(SRC, file)} respects the dependency rules`, () => {
      const text = readFileSync(file, 'utf8');
      const specs = importsOf(text);
      const core = CORE.has(from);
      // One assertion per import and one for process.env: a file whose imports went unread fails.
      expect.assertions(specs.length + (core ? 1 : 0));
      for (const spec of specs) {
        if (spec.startsWith('.')) {
          const target = layer(join(file, '..', spec));
          expect(ALLOWED[from], `${from} -> ${target} (${spec})`).toContain(target);
        } else {
          const bad = core ? CORE_FORBIDDEN.find((re) => re.test(spec)) : undefined;
          expect(bad, `${from} imports ${spec}`).toBeUndefined();
        }
      }
      if (core) expect(text.includes('process.env'), `${from} reads process.env`).toBe(false);
    });
  }

  it('has no import cycle between files', () => {
    const found = cycles(graph).map((c) => c.map((f) => relative(SRC, f)).sort().join(' <-> '));
    expect(found).toEqual([]);
  });

  it('has no import cycle between layers', () => {
    const layers = new Map<string, string[]>();
    for (const [file, targets] of graph) {
      const from = layer(file);
      const set = new Set(layers.get(from) ?? []);
      for (const t of targets) if (layer(t) !== from) set.add(layer(t));
      layers.set(from, [...set]);
    }
    expect(cycles(layers).map((c) => c.sort().join(' <-> '))).toEqual([]);
  });

  it('reads dynamic imports and re-exports (the checker checks itself)', () => {
    expect(importsOf("const x = await import('../server/start.ts');\nexport { a } from './b.ts';\n// import { z } from '../scoring/c.ts';\n")).toEqual(['./b.ts', '../server/start.ts']);
  });
});
