// Leadership cues: mentoring, tech lead, people management, leading design/architecture,
// project leadership; team size when stated ("led a team of 8", "managed 12 engineers").
// "LED lighting", "lead generation", "lead times" are not leadership (the lexicon's veto list).

import type { Span } from '../domain/types.ts';
import type { Lexicons } from '../taxonomy/lexicons.ts';
import { toNumber } from './years.ts';

export interface LeadershipRead {
  kinds: string[];
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

export function readLeadership(lex: Lexicons, line: string): LeadershipRead | null {
  const hits = lex.leadership.find(line).filter((m) => m.value !== null);
  if (hits.length === 0) return null;
  const kinds = [...new Set(hits.map((h) => h.value!.kind))];
  const teamSize = readTeamSize(lex, line);
  return { kinds, spans: hits.map((h) => ({ start: h.start, end: h.end })), ...(teamSize ? { minTeamSize: teamSize } : {}) };
}
