// Dependency direction (DESIGN.md): domain, errors <- text <- taxonomy <- extract, scoring,
// retrieval <- engine <- server, cli, batch; ingest and storage see only domain and errors.
// Core modules never touch fastify, node:fs, workers or process.env.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('../src/', import.meta.url).pathname;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function layer(path: string): string {
  const rel = relative(SRC, path);
  return rel.includes('/') ? rel.split('/')[0]! : rel.replace(/\.ts$/, '');
}

const ALLOWED: Record<string, string[]> = {
  domain: ['domain'],
  errors: ['domain'],
  config: ['config'],
  text: ['domain', 'errors', 'text'],
  taxonomy: ['domain', 'errors', 'text', 'taxonomy'],
  extract: ['domain', 'errors', 'text', 'taxonomy', 'extract'],
  scoring: ['domain', 'errors', 'text', 'taxonomy', 'extract', 'scoring'],
  retrieval: ['domain', 'errors', 'text', 'taxonomy', 'scoring', 'retrieval'],
  ingest: ['domain', 'errors', 'ingest'],
  storage: ['domain', 'errors', 'storage'],
};
const CORE = new Set(['text', 'taxonomy', 'extract', 'scoring', 'retrieval', 'domain', 'errors']);
const CORE_FORBIDDEN = [/^fastify/, /^node:fs/, /^fs$/, /^node:worker_threads/, /^worker_threads/, /^pg$/, /^better-sqlite3/, /^bullmq/];

describe('architecture', () => {
  const all = files(SRC);
  it('finds the sources', () => expect(all.length).toBeGreaterThan(5));

  for (const file of all) {
    const from = layer(file);
    it(`${relative(SRC, file)} respects the dependency rules`, () => {
      const text = readFileSync(file, 'utf8');
      const imports = [...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]!);
      for (const spec of imports) {
        if (spec.startsWith('.')) {
          const target = layer(join(file, '..', spec));
          if (ALLOWED[from]) expect(ALLOWED[from], `${from} -> ${target} (${spec})`).toContain(target);
        } else if (CORE.has(from)) {
          for (const bad of CORE_FORBIDDEN) expect(bad.test(spec), `${from} imports ${spec}`).toBe(false);
        }
      }
      if (CORE.has(from)) expect(text.includes('process.env'), `${from} reads process.env`).toBe(false);
    });
  }
});
