// Degree requirements and résumé degrees: level (the lowest one a line accepts), fields of
// study, "or equivalent (practical) experience", "or a related field".

import type { DegreeLevel } from '../domain/posting.ts';
import type { Span } from '../domain/types.ts';
import type { Lexicons } from '../taxonomy/lexicons.ts';
import { tokenize, type Tokens } from '../text/tokenize.ts';

export const DEGREE_ORDER: DegreeLevel[] = ['secondary', 'associate', 'bachelor', 'master', 'doctorate'];

export interface DegreeRead {
  degree: { level: DegreeLevel; fields: string[]; orEquivalent: boolean; relatedFields: boolean };
  levelSpan: Span;
  fieldSpans: Span[];
}

// "MS Excel", "MS Office": the abbreviation is Microsoft, not a master's degree.
const NOT_DEGREE_AFTER = /^\s*(?:office|excel|word|access|project|teams|sql|visio|outlook|powerpoint|dynamics|azure|windows|exchange|sharepoint|paint|dos)\b/i;

export function readDegree(lex: Lexicons, line: string, tokens: Tokens = tokenize(line)): DegreeRead | null {
  const levels = lex.degreeLevels.find(line, tokens).filter((m) => !NOT_DEGREE_AFTER.test(line.slice(m.end)) && DEGREE_ORDER.includes(m.value.level as DegreeLevel));
  const fields = lex.fields.find(line, tokens);
  const hasDegreeWord = /\bdegree\b|\bdiploma\b|\bgraduate of\b/i.test(line);
  if (levels.length === 0 && !(hasDegreeWord && fields.length)) return null;
  // A bare abbreviation ("LLM", "MS", "BA") is a degree only beside a field or a degree word.
  const onlyAbbreviations = levels.every((m) => /^[A-Z][A-Za-z.]{0,4}$/.test(line.slice(m.start, m.end)) && !/^(?:PhD|Ph\.D\.?|MBA)$/.test(line.slice(m.start, m.end)));
  if (levels.length && onlyAbbreviations && !hasDegreeWord && fields.length === 0 && !/\b(?:university|college|education|qualification|graduat)/i.test(line)) return null;
  const level = levels.length
    ? levels.map((m) => m.value.level as DegreeLevel).sort((a, b) => DEGREE_ORDER.indexOf(a) - DEGREE_ORDER.indexOf(b))[0]!
    : 'bachelor';
  const first = levels[0] ?? fields[0]!;
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
