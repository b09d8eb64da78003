// Leadership cues: mentoring, tech lead, people management, leading design/architecture,
// project leadership; team size when stated ("led a team of 8", "managed 12 engineers").
// "LED lighting", "lead generation", "lead times" are not leadership (the lexicon's veto list).
// Leading a team ("team lead", "led a team of 8") is technical leadership only in a technical
// context: a sales team lead or a shift lead manages people.

import type { Span } from '../domain/types.ts';
import type { Lexicons } from '../taxonomy/lexicons.ts';
import type { Tokens } from '../text/tokenize.ts';
import { toNumber } from './years.ts';

export interface LeadershipRead {
  kinds: string[];
  /** Spans of the leadership phrases themselves (skills inside them are part of the phrase). */
  spans: Span[];
  minTeamSize?: number;
}

const TEAM_SIZE = /\b(?:team|group|organi[sz]ation|staff|department) of (?:up to |over |more than |about |around |approximately )?(\d{1,4}|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)\+?/gi;
const COUNT_NOUN = /\b(\d{1,4}|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)\+? (?:\w+ ){0,2}?(\w+)/gi;

export function readTeamSize(lex: Lexicons, line: string): number | undefined {
  let best: number | undefined;
  for (const m of line.matchAll(TEAM_SIZE)) {
    const n = toNumber(m[1]!);
    if (n !== null) best = Math.max(best ?? 0, n);
  }
  for (const m of line.matchAll(COUNT_NOUN)) {
    if (!lex.teamNouns.has(m[2]!.toLowerCase())) continue;
    const n = toNumber(m[1]!);
    if (n !== null) best = Math.max(best ?? 0, n);
  }
  return best;
}

// "leading large-scale ML infrastructure projects", "led the design of": the verb and its
// object are apart, so a phrase list alone misses them.
const LEAD_PROJECT = /\b(?:lead|leads|leading|led|drive|drove|driving|own|owned|owning) (?:[\w,/&-]+ ){0,8}?(?:projects?|initiatives?|programs?|programmes?|efforts?|workstreams?|launch(?:es)?)\b/i;
// "leading or managing a small team of DBAs", "managing managers", "scaling a team".
const LEAD_TEAM = /\b(?:lead|leads|leading|led|manage|manages|managing|managed|supervise|supervising|supervised|scale|scaling|scaled|grow|growing|grew)(?: or [a-z]{3,12})?(?: (?:a|an|the|\d{1,4}\+?)(?: [a-z][a-z-]{0,14}){0,2}|(?: (?:small|large|high-performing|cross-functional|multidisciplinary|distributed|global|remote|new|[a-z]{3,12}-person)){0,2}) (?:teams?|group|groups|organi[sz]ations?|managers|departments?)\b/i;
const LEAD_DESIGN = /\b(?:lead|leads|leading|led)(?: the)? (?:design|architecture|technical direction|technical design)\b/i;

// Words that put a team in a technical context: "led a team of 5 engineers", "team lead for the
// software platform", "technical team leader". (Abbreviations are matched as written: "IT", "QA".)
const TECHNICAL = /\b(?:engineer(?:s|ing)?|developers?|development team|software|technical|technology|tech|devops|programm(?:er|ers|ing)|coders?|coding|architects?|infrastructure|platform|back-?end|front-?end|full[- ]?stack|mobile app\w*|cloud|machine learning|data (?:science|scientists?|engineering|engineers?|platform)|scrum|agile|sprints?|code reviews?|codebase)\b/i;
const TECHNICAL_ABBREVIATION = /\b(?:IT|QA|SRE|ML|AI|R&D)\b/;

/** Whether a line about leading a team names a technical context. */
export function technicalContext(line: string): boolean {
  return TECHNICAL.test(line) || TECHNICAL_ABBREVIATION.test(line);
}

export function readLeadership(lex: Lexicons, line: string, tokens?: Tokens): LeadershipRead | null {
  const found = lex.leadership.find(line, tokens);
  const hits: Array<Span & { value: { kind: string } | null }> = found.filter((m) => m.value !== null);
  if (!found.some((m) => m.value === null)) {
    for (const [re, kind] of [[LEAD_TEAM, 'people-management'], [LEAD_PROJECT, 'project-leadership'], [LEAD_DESIGN, 'architecture']] as const) {
      const m = re.exec(line);
      // The verb alone is the phrase: "ML" in "leading ML projects" stays a skill.
      if (m) hits.push({ start: m.index, end: m.index + m[0].indexOf(' '), value: { kind } });
    }
  }
  if (hits.length === 0) return null;
  // "team lead", "led a team of": a technical lead in a technical context, people management otherwise.
  let technical: boolean | null = null;
  const kindOf = (kind: string): string => {
    if (kind !== 'team-lead') return kind;
    technical ??= technicalContext(line);
    return technical ? 'tech-lead' : 'people-management';
  };
  const kinds = [...new Set(hits.map((h) => kindOf(h.value!.kind)))];
  const teamSize = readTeamSize(lex, line);
  return { kinds, spans: hits.map((h) => ({ start: h.start, end: h.end })), ...(teamSize ? { minTeamSize: teamSize } : {}) };
}
