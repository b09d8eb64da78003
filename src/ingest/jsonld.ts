// schema.org JobPosting (JSON-LD, alone or embedded in a page) -> posting text with the
// headings the parser reads, so structured fields and free text go through one path.

import { htmlToText, looksLikeHtml } from './html.ts';

type Json = Record<string, unknown>;

function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
}

function typeOf(o: Json): string[] {
  return asArray(o['@type']).map(String);
}

/** The first JobPosting in JSON-LD data (top level, arrays, or @graph). */
export function findJobPosting(data: unknown): Json | null {
  for (const item of asArray(data)) {
    if (typeof item !== 'object' || item === null) continue;
    const o = item as Json;
    if (typeOf(o).includes('JobPosting')) return o;
    const inGraph = findJobPosting(o['@graph']);
    if (inGraph) return inGraph;
  }
  return null;
}

function str(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'object' && v !== null && 'name' in v) return str((v as Json).name);
  return '';
}

function block(v: unknown): string {
  const parts = asArray(v).map((x) => (typeof x === 'object' && x !== null ? str((x as Json).description ?? (x as Json).name ?? '') : str(x)));
  const s = parts.filter(Boolean).join('\n');
  return looksLikeHtml(s) ? htmlToText(s).text : s;
}

function place(loc: unknown): string {
  const l = loc as Json | undefined;
  const a = (l?.address ?? l) as Json | string | undefined;
  if (typeof a === 'string') return a;
  if (!a) return '';
  return [a.addressLocality, a.addressRegion, a.addressCountry].map(str).filter(Boolean).join(', ');
}

const EMPLOYMENT: Record<string, string> = {
  FULL_TIME: 'Full-time', PART_TIME: 'Part-time', CONTRACTOR: 'Contract', TEMPORARY: 'Temporary',
  INTERN: 'Internship', VOLUNTEER: 'Volunteer', PER_DIEM: 'Per diem', OTHER: '',
};

export function jobPostingToText(p: Json): string {
  const lines: string[] = [];
  const title = str(p.title);
  if (title) lines.push(title);
  const org = str(p.hiringOrganization);
  if (org) lines.push(`Company: ${org}`);
  const locations = asArray(p.jobLocation).map(place).filter(Boolean);
  const remote = /telecommute/i.test(str(p.jobLocationType));
  if (locations.length || remote) lines.push(`Location: ${[...locations, ...(remote ? ['Remote'] : [])].join('; ')}`);
  const types = asArray(p.employmentType).map((t) => EMPLOYMENT[str(t).toUpperCase()] ?? str(t)).filter(Boolean);
  if (types.length) lines.push(`Employment type: ${types.join(', ')}`);
  lines.push('');
  const description = block(p.description);
  if (description) lines.push('Description', description, '');
  const sections: Array<[string, unknown]> = [
    ['Responsibilities', p.responsibilities],
    ['Qualifications', p.qualifications],
    ['Skills', p.skills],
    ['Education requirements', p.educationRequirements],
    ['Experience requirements', p.experienceRequirements],
  ];
  for (const [heading, v] of sections) {
    const body = block(v);
    if (body) lines.push(heading, body, '');
  }
  return lines.join('\n').trim();
}
