// Taxonomy source and compiled-model types, and the validation the build applies to sources.

export const CATEGORIES = [
  'programming-language', 'markup-language', 'query-language', 'framework', 'library', 'runtime',
  'database', 'data-engineering', 'data-science', 'machine-learning', 'ai', 'analytics', 'bi', 'cloud',
  'devops', 'infrastructure', 'observability', 'networking', 'operating-system', 'security', 'mobile',
  'testing', 'embedded', 'hardware', 'game-development', 'web', 'api', 'architecture', 'methodology',
  'practice', 'tool', 'version-control', 'ide', 'build-tool', 'design-tool', 'office-software',
  'enterprise-software', 'crm', 'erp', 'cms', 'ecommerce', 'blockchain', 'concept', 'sales', 'marketing',
  'advertising', 'finance', 'accounting', 'project-management', 'product-management', 'operations',
  'supply-chain', 'hr', 'legal', 'compliance', 'ux-design', 'design', 'customer-support', 'manufacturing',
  'engineering', 'healthcare', 'science', 'education', 'domain', 'field', 'transversal',
] as const;

export type Category = (typeof CATEGORIES)[number];

/** Categories whose mentions count as technical context for an ambiguous name such as "Go". */
export const TECH_CATEGORIES: ReadonlySet<string> = new Set([
  'programming-language', 'markup-language', 'query-language', 'framework', 'library', 'runtime',
  'database', 'data-engineering', 'data-science', 'machine-learning', 'ai', 'cloud', 'devops',
  'infrastructure', 'observability', 'networking', 'operating-system', 'security', 'mobile', 'testing',
  'embedded', 'game-development', 'web', 'api', 'architecture', 'tool', 'version-control', 'ide',
  'build-tool', 'blockchain', 'bi', 'analytics', 'cms', 'office-software', 'design-tool', 'enterprise-software',
  'crm', 'erp', 'ecommerce', 'hardware',
]);

export interface SkillSource {
  id: string;
  name: string;
  category: string;
  aliases?: string[];
  parents?: string[];
  related?: string[];
  transversal?: boolean;
  cased?: string[];
  ambiguous?: string[];
  notIn?: string[];
}

export interface SkillFile {
  section?: string;
  skills: SkillSource[];
}

/** A skill as stored in models/skills.json (sorted by id; empty lists omitted), with its source file. */
export type CompiledSkill = Omit<SkillSource, 'transversal'> & { transversal?: true; source: string };

export interface LanguageSource {
  code: string;
  name: string;
  aliases?: string[];
}

export interface LanguagesFile {
  languages: LanguageSource[];
  levels: Array<{ level: string; words: string[] }>;
  ambiguous?: string[];
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const KNOWN_FIELDS = new Set(['id', 'name', 'category', 'aliases', 'parents', 'related', 'transversal', 'cased', 'ambiguous', 'notIn']);

function isStringList(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string' && x.trim() !== '');
}

/** Problems in one parsed skill file, each a readable sentence naming the file and id. */
export function validateSkillFile(file: string, data: unknown): string[] {
  const problems: string[] = [];
  if (typeof data !== 'object' || data === null || !Array.isArray((data as SkillFile).skills)) {
    return [`${file}: expected {section, skills: [...]}`];
  }
  for (const [i, s] of (data as SkillFile).skills.entries()) {
    const where = `${file}: skill #${i + 1}${typeof s?.id === 'string' ? ` (${s.id})` : ''}`;
    if (typeof s !== 'object' || s === null) { problems.push(`${where}: not a mapping`); continue; }
    if (typeof s.id !== 'string' || !ID.test(s.id)) problems.push(`${where}: id must be kebab-case`);
    if (typeof s.name !== 'string' || s.name.trim() === '') problems.push(`${where}: name is required`);
    if (!(CATEGORIES as readonly string[]).includes(s.category)) problems.push(`${where}: unknown category ${String(s.category)}`);
    for (const k of ['aliases', 'parents', 'related', 'cased', 'ambiguous', 'notIn'] as const) {
      if (s[k] !== undefined && !isStringList(s[k])) problems.push(`${where}: ${k} must be a list of strings`);
    }
    for (const k of Object.keys(s)) if (!KNOWN_FIELDS.has(k)) problems.push(`${where}: unknown field ${k}`);
  }
  return problems;
}
