// Importers that extend the taxonomy from official files a user downloads: ESCO skill
// collections (CSV) and O*NET "Technology Skills.txt" (tab-separated). Pure: text in, YAML out.
// Only forms the taxonomy does not already know are added; one-word names that are also
// ordinary words are marked ambiguous so they need technical context to match.

import { parse as parseCsv } from 'csv-parse/sync';
import { createError } from '../errors.ts';
import { trimChars } from '../text/trim.ts';
import type { SkillSource } from './schema.ts';

export interface ImportResult {
  yaml: string;
  added: number;
  skipped: number;
}

export interface Known {
  ids: Set<string>;
  forms: Set<string>;
}

export function slug(s: string): string {
  const dashed = s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\+\+/g, 'pp')
    .replace(/#/g, 'sharp')
    .replace(/[^a-z0-9]+/g, '-');
  return trimChars(dashed, '-');
}

function toYaml(section: string, note: string, skills: SkillSource[]): string {
  // JSON is valid YAML flow syntax: one skill per line, like the hand-written files.
  const lines = [`# ${note}`, `section: ${JSON.stringify(section)}`, 'skills:'];
  for (const s of skills) lines.push(`  - ${JSON.stringify(s)}`);
  return `${lines.join('\n')}\n`;
}

function uniqueId(base: string, suffix: string, known: Known): string {
  let id = base || suffix;
  if (known.ids.has(id)) id = `${base}-${suffix}`;
  let k = 2;
  while (known.ids.has(id)) id = `${base}-${suffix}-${k++}`;
  known.ids.add(id);
  return id;
}

/** A one-word form written in lower case is probably an everyday word ("absorb", "debugging"). */
function isPlainWord(form: string): boolean {
  return /^[a-z]+$/.test(form);
}

function cleanForm(form: string): string {
  return form.replace(/\([^()]*\)/g, ' ').split(/\s+/).filter(Boolean).join(' ');
}

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

export function importEsco(text: string, path: string, known: Known): ImportResult {
  let rows: Array<Record<string, string>>;
  try {
    rows = parseCsv(text, { columns: true, skip_empty_lines: true, relax_quotes: true, bom: true }) as Array<Record<string, string>>;
  } catch (e) {
    throw createError('IMPORT_BAD_FILE', { path, reason: `not a CSV file (${(e as Error).message})` });
  }
  if (rows.length === 0 || !('preferredLabel' in rows[0]!) || !('altLabels' in rows[0]!)) {
    throw createError('IMPORT_BAD_FILE', { path, reason: 'expected ESCO columns preferredLabel and altLabels' });
  }
  const skills: SkillSource[] = [];
  let skipped = 0;
  for (const r of rows) {
    if (r.status && r.status !== 'released') { skipped++; continue; }
    const name = cleanForm(r.preferredLabel ?? '');
    if (!name || wordCount(name) > 6 || known.forms.has(name.toLowerCase())) { skipped++; continue; }
    const alts = (r.altLabels ?? '').split(/\n| \| /).map(cleanForm)
      .filter((a) => a && wordCount(a) <= 6 && !known.forms.has(a.toLowerCase()) && a.toLowerCase() !== name.toLowerCase());
    const forms = [name, ...new Set(alts)];
    for (const f of forms) known.forms.add(f.toLowerCase());
    const transversal = r.reuseLevel === 'transversal';
    const s: SkillSource = {
      id: uniqueId(slug(name), 'esco', known),
      name,
      category: transversal ? 'transversal' : r.skillType === 'knowledge' ? 'concept' : 'practice',
    };
    const aliases = forms.slice(1);
    if (aliases.length) s.aliases = aliases;
    if (transversal) s.transversal = true;
    // "Absorb (learning management systems)": a qualifier in brackets says the bare word is ambiguous.
    const qualified = /\(/.test(r.preferredLabel ?? '') && wordCount(name) === 1 ? [name] : [];
    const ambiguous = [...new Set([...qualified, ...forms.filter(isPlainWord)])];
    if (ambiguous.length) s.ambiguous = ambiguous;
    skills.push(s);
  }
  return {
    yaml: toYaml('Imported from ESCO', `Imported by \`rolefit models import --esco\` from ${path.split('/').pop()} (ESCO, CC BY 4.0). Regenerate rather than edit.`, skills),
    added: skills.length,
    skipped,
  };
}

const ONET_CATEGORIES: Array<[RegExp, string]> = [
  [/data ?base/i, 'database'],
  [/operating system/i, 'operating-system'],
  [/development environment|compiler|program testing/i, 'tool'],
  [/web platform|object or component oriented/i, 'framework'],
  [/enterprise resource planning/i, 'erp'],
  [/customer relationship/i, 'crm'],
  [/graphics|photo|video|computer aided design|map creation/i, 'design-tool'],
  [/office suite|spreadsheet|word processing|presentation|electronic mail|calendar/i, 'office-software'],
  [/network|security|virus|firewall/i, 'security'],
  [/analytical|statistical|business intelligence/i, 'analytics'],
];

const VENDOR = /^(?:Microsoft|Oracle|Apache|Adobe|IBM|SAP|Google|Amazon|Apple|Atlassian|Autodesk|Cisco|Intuit|Red Hat|The MathWorks|Dassault Systemes|Bentley|Trimble|ESRI|Epic Systems)\s+/;

export function importOnet(text: string, path: string, known: Known): ImportResult {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = (lines[0] ?? '').split('\t');
  const col = (name: string): number => header.indexOf(name);
  const iName = col('Example');
  const iTitle = col('Commodity Title');
  if (iName < 0 || iTitle < 0) throw createError('IMPORT_BAD_FILE', { path, reason: 'expected O*NET columns Example and Commodity Title' });
  const skills: SkillSource[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  for (const line of lines.slice(1)) {
    const cells = line.split('\t');
    const name = (cells[iName] ?? '').trim();
    if (!name || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    const bare = name.replace(VENDOR, '');
    const short = (/ software$/i.test(bare) ? bare.slice(0, -' software'.length) : bare).trim();
    if ([name, short].some((f) => known.forms.has(f.toLowerCase())) || wordCount(name) > 8) { skipped++; continue; }
    const title = cells[iTitle] ?? '';
    const category = ONET_CATEGORIES.find(([re]) => re.test(title))?.[1] ?? 'tool';
    const aliases = short !== name && short.length > 2 ? [short] : [];
    const forms = [name, ...aliases];
    for (const f of forms) known.forms.add(f.toLowerCase());
    const s: SkillSource = { id: uniqueId(slug(name), 'onet', known), name, category };
    if (aliases.length) s.aliases = aliases;
    const single = forms.filter((f) => wordCount(f) === 1 && /^\p{Lu}\p{Ll}+$/u.test(f));
    if (single.length) s.ambiguous = single;
    skills.push(s);
  }
  return {
    yaml: toYaml('Imported from O*NET', `Imported by \`rolefit models import --onet\` from ${path.split('/').pop()} (O*NET, CC BY 4.0). Regenerate rather than edit.`, skills),
    added: skills.length,
    skipped,
  };
}
