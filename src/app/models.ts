// `rolefit models build|check|import`: the file I/O around the pure taxonomy compiler/importers.

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { createError } from '../errors.ts';
import { compileTaxonomy, sha256, type CompileResult } from '../taxonomy/compile.ts';
import { importEsco, importOnet, type ImportResult } from '../taxonomy/importers.ts';
import type { SkillFile } from '../taxonomy/schema.ts';

export const DEFAULT_TAXONOMY_DIR = new URL('../../data/taxonomy/', import.meta.url).pathname;
const TABLES = ['titles', 'degrees', 'languages', 'leadership', 'certifications', 'places', 'scoring', 'sections', 'occupations', 'terms'];
export const PACKAGE_VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

function yamlFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort() : [];
}

export function compileFromDir(taxonomyDir: string): CompileResult {
  const texts: string[] = [];
  const skillFiles: Array<{ file: string; data: unknown }> = [];
  for (const sub of ['skills', 'imported']) {
    for (const f of yamlFiles(join(taxonomyDir, sub))) {
      const text = readFileSync(join(taxonomyDir, sub, f), 'utf8');
      texts.push(text);
      skillFiles.push({ file: `${sub}/${f}`, data: parseYaml(text) });
    }
  }
  const tables: Record<string, unknown> = {};
  for (const t of TABLES) {
    const path = join(taxonomyDir, `${t}.yaml`);
    if (!existsSync(path)) continue;
    const text = readFileSync(path, 'utf8');
    texts.push(text);
    tables[t] = parseYaml(text);
  }
  const version = `${PACKAGE_VERSION}+${sha256(texts.join('\0')).slice(0, 12)}`;
  return compileTaxonomy({ skillFiles, tables, version });
}

export function buildModels(taxonomyDir: string, modelsDir: string): CompileResult {
  const result = compileFromDir(taxonomyDir);
  if (result.problems.length) {
    throw createError('TAXONOMY_INVALID', { count: result.problems.length, first: result.problems.slice(0, 5).join('; ') });
  }
  mkdirSync(modelsDir, { recursive: true });
  for (const [file, text] of Object.entries(result.files)) writeFileSync(join(modelsDir, file), text);
  return result;
}

/** Files whose compiled content differs from what is in modelsDir (empty: no drift). */
export function modelDrift(taxonomyDir: string, modelsDir: string): string[] {
  const result = compileFromDir(taxonomyDir);
  const drift = result.problems.map((p) => `source problem: ${p}`);
  for (const [file, text] of Object.entries(result.files)) {
    const path = join(modelsDir, file);
    if (!existsSync(path) || readFileSync(path, 'utf8') !== text) drift.push(file);
  }
  return drift;
}

/** Existing names/aliases (lower-cased) so importers add only what is new. */
function knownForms(taxonomyDir: string): { ids: Set<string>; forms: Set<string> } {
  const ids = new Set<string>();
  const forms = new Set<string>();
  for (const sub of ['skills', 'imported']) {
    for (const f of yamlFiles(join(taxonomyDir, sub))) {
      const data = parseYaml(readFileSync(join(taxonomyDir, sub, f), 'utf8')) as SkillFile;
      for (const s of data?.skills ?? []) {
        ids.add(s.id);
        for (const form of [s.name, ...(s.aliases ?? [])]) forms.add(form.toLowerCase());
      }
    }
  }
  return { ids, forms };
}

export function importInto(taxonomyDir: string, kind: 'esco' | 'onet', path: string): ImportResult & { out: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw createError('IMPORT_BAD_FILE', { path, reason: 'cannot read the file' });
  }
  const known = knownForms(taxonomyDir);
  // Re-importing replaces the earlier import of the same kind.
  const outPath = join(taxonomyDir, 'imported', `${kind}.yaml`);
  if (existsSync(outPath)) {
    const prev = parseYaml(readFileSync(outPath, 'utf8')) as SkillFile;
    for (const s of prev?.skills ?? []) {
      known.ids.delete(s.id);
      for (const form of [s.name, ...(s.aliases ?? [])]) known.forms.delete(form.toLowerCase());
    }
  }
  const result = kind === 'esco' ? importEsco(text, path, known) : importOnet(text, path, known);
  mkdirSync(join(taxonomyDir, 'imported'), { recursive: true });
  writeFileSync(outPath, result.yaml);
  return { ...result, out: outPath };
}

/**
 * The versions a batch run is fingerprinted with and its workers must share, read from the built
 * models (MANIFEST.json, scoring.json) without building an engine: a run's main process scores
 * nothing, and building one cost it 0.7 s of a core its threads were using.
 */
export function modelVersions(modelsDir: string): { modelsVersion: string; scoringVersion: string } {
  const read = (file: string, key: string): string => {
    try {
      return String((JSON.parse(readFileSync(join(modelsDir, file), 'utf8')) as Record<string, unknown>)[key] ?? 'unknown');
    } catch {
      return 'unknown';
    }
  };
  return { modelsVersion: read('MANIFEST.json', 'version'), scoringVersion: read('scoring.json', 'scoringVersion') };
}
