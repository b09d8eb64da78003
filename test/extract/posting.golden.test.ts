// Whole-document parses pinned as golden files: every fixture posting and both seeds.
// Regenerate after a deliberate change with: UPDATE_GOLDEN=1 npx vitest run test/extract
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine.ts';

const engine = createEngine();
const fixtures = new URL('../fixtures/', import.meta.url).pathname;
const goldenDir = new URL('../golden/postings/', import.meta.url).pathname;
const files = ['seeds', 'postings'].flatMap((d) => readdirSync(join(fixtures, d)).filter((f) => f.endsWith('.txt')).map((f) => join(d, f)));

describe('posting golden files', () => {
  for (const file of files) {
    it(file, () => {
      const text = readFileSync(join(fixtures, file), 'utf8');
      const { modelsVersion: _v, ...profile } = engine.parsePosting(text);
      for (const r of profile.requirements) expect(text.slice(r.span.start, r.span.end)).toBe(r.text);
      const golden = join(goldenDir, file.replace(/\//g, '__').replace(/\.txt$/, '.json'));
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
