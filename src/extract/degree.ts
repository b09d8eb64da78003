// Degree requirements and résumé degrees: level (the lowest one a line accepts), fields of
// study, "or equivalent (practical) experience", "or a related field".

import { DEGREE_ORDER, type DegreeLevel } from '../domain/posting.ts';
import type { Span } from '../domain/types.ts';
import type { Lexicons } from '../taxonomy/lexicons.ts';
import { tokenize, type Tokens } from '../text/tokenize.ts';

export { DEGREE_ORDER };

export interface DegreeRead {
  degree: { level: DegreeLevel; fields: string[]; orEquivalent: boolean; relatedFields: boolean };
  levelSpan: Span;
  fieldSpans: Span[];
}

// "MS Excel", "MS Office": the abbreviation is Microsoft, not a master's degree.
const NOT_DEGREE_AFTER = /^\s*(?:office|excel|word|access|project|teams|sql|visio|outlook|powerpoint|dynamics|azure|windows|exchange|sharepoint|paint|dos)\b/i;

/**
 * Words that name a degree only on a line of an education section ("Graduate (Commerce)",
 * "Associate in Applied Science"): elsewhere they are a job ("Sales Associate in retail") or a
 * requirement's adjective ("graduate role"). Matched at the start of the line.
 */
const EDUCATION_LINE_WORDS: Array<{ level: DegreeLevel; words: string[] }> = [
  { level: 'bachelor', words: ['graduate', 'graduation', 'graduated', 'under graduate', 'under-graduate'] },
  { level: 'associate', words: ["associate's in", 'associates in', 'associate in', 'associates of', 'associate'] },
];

/** "Carlisle, MA", "Boston, MA 02116": a two-letter code after a comma that ends the line is a state, not a degree. */
function isStateCode(line: string, m: Span): boolean {
  return m.end - m.start === 2 && /,\s*$/.test(line.slice(Math.max(0, m.start - 3), m.start)) && /^(?:\d{5})?$/.test(line.slice(m.end).trim());
}

/** Level words that name no particular degree: beside a named one, the named one counts. */
const GENERIC_LEVEL_WORDS = new Set(['diploma', 'degree', 'undergraduate', 'postgraduate', 'graduate degree']);

export interface DegreeOptions {
  /** A résumé's line names degrees held: the highest counts ("BCA, MBA"); a requirement's accepts the lowest ("BS or MS"). */
  highest?: boolean;
  /** The line is in an education section: a bare abbreviation ("MCA", "B.Com", "BA (Hons)") is a degree there. */
  inEducation?: boolean;
}

/** "MCA" alone, "BA (Hons)", "B.Tech - Computer Science", "Degree: MBA": the abbreviation leads the line (after a label), or the line is short. */
function abbreviationLeads(line: string, m: Span): boolean {
  const before = line.slice(0, m.start).trim().replace(/^[-•*·>\d.)\s]+/, '');
  if (before === '' || /^[\p{L} ]{2,30}:$/u.test(before)) return true;
  return line.split(/\s+/).filter(Boolean).length <= 3 && !/,\s*$/.test(line.slice(0, m.start));
}

/** A degree named by a word that counts only in an education section, at the start of the line. */
function educationLineLevel(line: string): { level: DegreeLevel; span: Span } | null {
  const lead = /^[\s\-•*·>]*/.exec(line)![0].length;
  const head = line.slice(lead).toLowerCase();
  for (const { level, words } of EDUCATION_LINE_WORDS) {
    for (const w of words) {
      if (head.startsWith(w) && !/[\p{L}]/u.test(head[w.length] ?? '')) return { level, span: { start: lead, end: lead + w.length } };
    }
  }
  return null;
}

export function readDegree(lex: Lexicons, line: string, tokens: Tokens = tokenize(line), opts: DegreeOptions = {}): DegreeRead | null {
  const levels = lex.degreeLevels.find(line, tokens).filter((m) => !NOT_DEGREE_AFTER.test(line.slice(m.end)) && !isStateCode(line, m) && DEGREE_ORDER.includes(m.value.level as DegreeLevel));
  const fields = lex.fields.find(line, tokens);
  const hasDegreeWord = /\bdegree\b|\bdiploma\b|\bgraduate of\b/i.test(line);
  const eduWord = opts.inEducation && levels.length === 0 ? educationLineLevel(line) : null;
  if (levels.length === 0 && !eduWord && !(hasDegreeWord && fields.length)) return null;
  // A bare abbreviation ("LLM", "MS", "BA") is a degree only beside a field or a degree word, or
  // leading a line of an education section.
  const onlyAbbreviations = levels.every((m) => /^[A-Z][A-Za-z.]{0,4}$/.test(line.slice(m.start, m.end)) && !/^(?:PhD|Ph\.D\.?|MBA)$/.test(line.slice(m.start, m.end)));
  const educationAbbreviation = opts.inEducation === true && levels.some((m) => abbreviationLeads(line, m));
  if (levels.length && onlyAbbreviations && !educationAbbreviation && !hasDegreeWord && fields.length === 0 && !/\b(?:university|college|education|qualification|graduat)/i.test(line)) return null;
  // "High School — Diploma, 2022": a generic word only qualifies the level named beside it.
  const named = levels.filter((m) => !GENERIC_LEVEL_WORDS.has(line.slice(m.start, m.end).toLowerCase()));
  const level = levels.length
    ? (opts.highest && named.length ? named : levels).map((m) => m.value.level as DegreeLevel).sort((a, b) => (DEGREE_ORDER.indexOf(a) - DEGREE_ORDER.indexOf(b)) * (opts.highest ? -1 : 1))[0]!
    : eduWord?.level ?? 'bachelor';
  const first = levels[0] ?? (eduWord ? eduWord.span : fields[0]!);
  return {
    degree: {
      level,
      fields: [...new Set(fields.map((f) => f.value.name))],
      orEquivalent: lex.equivalence.find(line, tokens).length > 0 || /\bor (?:the )?equivalent\b|\bequivalent (?:practical |professional |work )?experience\b/i.test(line),
      relatedFields: lex.relatedField.find(line, tokens).length > 0 || /\brelated (?:technical )?(?:field|discipline|area|subject)/i.test(line),
    },
    levelSpan: { start: first.start, end: first.end },
    fieldSpans: fields.map((f) => ({ start: f.start, end: f.end })),
  };
}
