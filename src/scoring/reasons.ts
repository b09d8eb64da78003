// The few lines a ranked list shows per result: must-haves first, then what weighs most.

import type { Match } from '../domain/match.ts';

export function topReasons(m: Match, n = 3): string[] {
  return m.requirements
    .filter((r) => r.status !== 'unknown' && r.detail)
    .sort((a, b) => (b.required ? 1 : 0) - (a.required ? 1 : 0) || b.weight * b.credit - a.weight * a.credit)
    .slice(0, n)
    .map((r) => `${r.status === 'met' ? '+' : r.status === 'partial' ? '~' : '-'} ${r.detail}`);
}
