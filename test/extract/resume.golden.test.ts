// Whole-résumé parses pinned as golden files (as of 2026-11-01).
// Regenerate after a deliberate change with: UPDATE_GOLDEN=1 npx vitest run test/extract
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine.ts';

const engine = createEngine();
const dir = new URL('../fixtures/resumes/', import.meta.url).pathname;
const goldenDir = new URL('../golden/resumes/', import.meta.url).pathname;

describe('résumé golden files', () => {
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
    it(f, () => {
      const { modelsVersion: _v, ...profile } = engine.parseResume(readFileSync(join(dir, f), 'utf8'), { asOf: '2026-11-01' });
      const golden = join(goldenDir, f.replace(/\.txt$/, '.json'));
      const actual = `${JSON.stringify(profile, null, 1)}\n`;
      // A missing golden fails (it is never written silently); UPDATE_GOLDEN=1 writes it on purpose.
      if (process.env.UPDATE_GOLDEN) {
        mkdirSync(goldenDir, { recursive: true });
        writeFileSync(golden, actual);
      }
      expect(existsSync(golden), `no golden file ${golden}: write it with UPDATE_GOLDEN=1 and review it`).toBe(true);
      expect(actual).toBe(readFileSync(golden, 'utf8'));
    });
  }
});
