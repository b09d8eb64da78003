// The seeds scored against the four résumés written for them, pinned as golden files.
// Regenerate after a deliberate change with: UPDATE_GOLDEN=1 npx vitest run test/scoring
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine.ts';

const engine = createEngine();
const fx = (p: string): string => readFileSync(new URL(`../fixtures/${p}`, import.meta.url), 'utf8');
const goldenDir = new URL('../golden/matches/', import.meta.url).pathname;

describe('match golden files', () => {
  for (const seed of ['amazon-sde-photos-bengaluru', 'amazon-senior-sde-discovery-tech-barcelona']) {
    for (const who of ['strong-fit', 'near-miss-years', 'different-field', 'keyword-stuffer']) {
      it(`${seed} x ${who}`, () => {
        const m = engine.score(fx(`match/${who}.txt`), fx(`seeds/${seed}.txt`), { asOf: '2026-11-01' });
        const golden = join(goldenDir, `${seed}__${who}.json`);
        const actual = `${JSON.stringify(m, null, 1)}\n`;
        // A missing golden fails (it is never written silently); UPDATE_GOLDEN=1 writes it on purpose.
      if (process.env.UPDATE_GOLDEN) {
          mkdirSync(goldenDir, { recursive: true });
          writeFileSync(golden, actual);
        }
        expect(existsSync(golden), `no golden file ${golden}: write it with UPDATE_GOLDEN=1 and review it`).toBe(true);
        expect(actual).toBe(readFileSync(golden, 'utf8'));
      });
    }
  }
});
