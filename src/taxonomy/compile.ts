// Compiles the human-edited taxonomy sources (already parsed from YAML) into the versioned
// model files under models/, with a MANIFEST of sha256 checksums. Pure: no file I/O here.

import { createHash } from 'node:crypto';
import { validateSkillFile, type CompiledSkill, type SkillFile, type SkillSource } from './schema.ts';

export interface TaxonomySources {
  /** Skill files in a stable order (file name, parsed content). */
  skillFiles: Array<{ file: string; data: unknown }>;
  /** Other sources by model name: titles, degrees, languages, leadership, certifications. */
  tables: Record<string, unknown>;
  version: string;
}

export interface CompileResult {
  /** Model file name -> file content (JSON text, newline-terminated). */
  files: Record<string, string>;
  problems: string[];
  warnings: string[];
}

function sortedUnique(xs: string[] | undefined): string[] | undefined {
  if (!xs || xs.length === 0) return undefined;
  return [...new Set(xs.map((x) => x.trim()))];
}

function compact(s: SkillSource, source: string): CompiledSkill {
  const out: CompiledSkill = { id: s.id, name: s.name.trim(), category: s.category, source };
  const lists = ['aliases', 'parents', 'related', 'cased', 'ambiguous', 'notIn'] as const;
  for (const k of lists) {
    const v = sortedUnique(s[k]);
    if (v) out[k] = v;
  }
  if (s.transversal) out.transversal = true;
  return out;
}

function findCycle(byId: Map<string, CompiledSkill>): string | null {
  const state = new Map<string, 1 | 2>();
  const visit = (id: string, path: string[]): string | null => {
    if (state.get(id) === 2) return null;
    if (state.get(id) === 1) return [...path, id].join(' -> ');
    state.set(id, 1);
    for (const p of byId.get(id)?.parents ?? []) {
      if (!byId.has(p)) continue;
      const c = visit(p, [...path, id]);
      if (c) return c;
    }
    state.set(id, 2);
    return null;
  };
  for (const id of byId.keys()) {
    const c = visit(id, []);
    if (c) return c;
  }
  return null;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function stableJson(value: unknown): string {
  return `${JSON.stringify(value, null, 1)}\n`;
}

export function compileTaxonomy(src: TaxonomySources): CompileResult {
  const problems: string[] = [];
  const warnings: string[] = [];
  const byId = new Map<string, CompiledSkill>();
  for (const { file, data } of src.skillFiles) {
    const p = validateSkillFile(file, data);
    problems.push(...p);
    if (p.length) continue;
    for (const s of (data as SkillFile).skills) {
      const prev = byId.get(s.id);
      if (prev) { problems.push(`${file}: id ${s.id} is already defined in ${prev.source}`); continue; }
      byId.set(s.id, compact(s, file));
    }
  }
  for (const s of byId.values()) {
    for (const k of ['parents', 'related'] as const) {
      for (const ref of s[k] ?? []) {
        if (!byId.has(ref)) problems.push(`${s.source}: ${s.id} names unknown ${k === 'parents' ? 'parent' : 'related skill'} ${ref}`);
        if (ref === s.id) problems.push(`${s.source}: ${s.id} names itself in ${k}`);
      }
    }
  }
  const cycle = findCycle(byId);
  if (cycle) problems.push(`parent cycle: ${cycle}`);

  // The same surface form on two skills: the first (by id order) keeps it, and the build says so.
  const owner = new Map<string, string>();
  const skills = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const s of skills) {
    for (const form of [s.name, ...(s.aliases ?? [])]) {
      const key = form.toLowerCase().replace(/[\s-]+/g, ' ');
      const other = owner.get(key);
      if (other && other !== s.id) warnings.push(`"${form}" is a form of both ${other} and ${s.id}; ${other} keeps it`);
      else owner.set(key, s.id);
    }
  }

  const files: Record<string, string> = {};
  files['skills.json'] = stableJson({ version: src.version, skills });
  for (const [name, table] of Object.entries(src.tables).sort(([a], [b]) => (a < b ? -1 : 1))) {
    files[`${name}.json`] = stableJson({ version: src.version, ...(table as object) });
  }
  const manifest = {
    version: src.version,
    counts: { skills: skills.length },
    files: Object.fromEntries(Object.entries(files).map(([f, text]) => [f, sha256(text)])),
  };
  files['MANIFEST.json'] = stableJson(manifest);
  return { files, problems, warnings };
}
