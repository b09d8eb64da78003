// Batch inputs for the batch tests: the sample résumés copied under new ids, as JSONL.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SAMPLES = new URL('../../data/samples/', import.meta.url).pathname;

/** A JSONL of résumés in `dir`: every sample résumé `copies` times under new ids, plus the given lines. */
export function resumesJsonl(dir: string, name: string, copies: number, extra: string[] = []): string {
  const files = readdirSync(`${SAMPLES}resumes`).sort();
  const lines: string[] = [];
  for (let c = 0; c < copies; c++) for (const f of files) lines.push(JSON.stringify({ id: `${f.replace(/\.txt$/, '')}-${c}`, text: readFileSync(`${SAMPLES}resumes/${f}`, 'utf8') }));
  const path = join(dir, name);
  writeFileSync(path, `${[...lines, ...extra].join('\n')}\n`);
  return path;
}
