import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { importEsco, importOnet, slug } from '../../src/taxonomy/importers.ts';
import { importInto, compileFromDir } from '../../src/app/models.ts';
import type { SkillFile } from '../../src/taxonomy/schema.ts';

const fixture = (f: string): string => new URL(`../fixtures/import/${f}`, import.meta.url).pathname;

describe('importEsco', () => {
  const known = () => ({ ids: new Set(['kotlin']), forms: new Set(['kotlin']) });

  it('adds new skills with their alternative labels, skips known and deprecated ones', () => {
    const r = importEsco(readFileSync(fixture('esco-sample.csv'), 'utf8'), 'esco-sample.csv', known());
    const skills = (parse(r.yaml) as SkillFile).skills;
    expect(skills.map((s) => s.name)).toEqual(['Haskell', 'incremental development', 'Absorb', 'show initiative']);
    expect(skills[1]!.aliases).toEqual(['gradual development', 'iterative increments']);
    expect(skills[3]).toMatchObject({ category: 'transversal', transversal: true, aliases: ['take the initiative', 'be a driving force'] });
    expect(skills[2]!.ambiguous).toEqual(['Absorb']);
    expect(r.skipped).toBe(2);
  });

  it('rejects a file that is not an ESCO skills CSV', () => {
    expect(() => importEsco('a,b\n1,2\n', 'x.csv', known())).toThrow(/IMPORT_BAD_FILE|expected ESCO columns/);
  });
});

describe('importOnet', () => {
  it('adds unknown products once, skipping those the taxonomy knows without the vendor prefix', () => {
    const known = { ids: new Set<string>(), forms: new Set(['excel', 'java']) };
    const r = importOnet(readFileSync(fixture('onet-sample.txt'), 'utf8'), 'onet.txt', known);
    const skills = (parse(r.yaml) as SkillFile).skills;
    expect(skills.map((s) => [s.id, s.category])).toEqual([['adsense-tracker', 'database'], ['yardi-software', 'erp'], ['slack', 'tool']]);
    expect(skills[1]!.aliases).toEqual(['Yardi']);
    expect(skills[2]!.ambiguous).toEqual(['Slack']);
    expect(r.skipped).toBe(2);
  });

  it('rejects a file without the O*NET columns', () => {
    expect(() => importOnet('a\tb\n', 'x.txt', { ids: new Set(), forms: new Set() })).toThrow(/expected O\*NET columns/);
  });
});

describe('models import into a taxonomy folder', () => {
  it('writes imported/<kind>.yaml that compiles with the rest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rolefit-tax-'));
    cpSync(new URL('../../data/taxonomy/', import.meta.url).pathname, dir, { recursive: true });
    const r = importInto(dir, 'esco', fixture('esco-sample.csv'));
    expect(r.added).toBeGreaterThan(0);
    const again = importInto(dir, 'esco', fixture('esco-sample.csv'));
    expect(again.added).toBe(r.added); // re-import replaces, never duplicates
    const compiled = compileFromDir(dir);
    expect(compiled.problems).toEqual([]);
    expect(compiled.files['skills.json']).toContain('"source": "imported/esco.yaml"');
  });

  it('slugs names into ids', () => {
    expect(slug('C++ Builder')).toBe('cpp-builder');
    expect(slug('Café Système')).toBe('cafe-systeme');
  });
});
