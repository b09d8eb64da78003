// The readable --format table output of `rolefit score` and `rolefit rank`.

import type { Match } from '../domain/match.ts';
import type { ErrorCode } from '../errors.ts';

export type RankRow =
  | { id: string; score: number; title?: string | null; summary: string; gates: Match['gates']; ceiling: number; reasons: string[] }
  | { id: string; error: { code: ErrorCode; message: string } };


const pad = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s.padEnd(n));

export function rankTable(rows: RankRow[]): string {
  const out = [`${pad('#', 4)}${pad('score', 7)}${pad('gates', 7)}${pad('id', 28)}top reasons`];
  rows.forEach((r, i) => {
    if (!('score' in r)) { out.push(`${pad(String(i + 1), 4)}${pad('-', 7)}${pad('-', 7)}${pad(r.id, 28)}error ${r.error.code}`); return; }
    out.push(`${pad(String(i + 1), 4)}${pad(r.score.toFixed(1), 7)}${pad(r.gates.passed ? 'pass' : `fail ${r.gates.failed.length}`, 7)}${pad(r.title ? `${r.id} (${r.title})` : r.id, 28)}${r.reasons[0] ?? ''}`);
    for (const reason of r.reasons.slice(1)) out.push(`${' '.repeat(46)}${reason}`);
  });
  return out.join('\n');
}

export function matchTable(m: Match): string {
  const out = [m.summary, `score ${m.score} / ceiling ${m.ceiling}; gates ${m.gates.passed ? 'passed' : `failed: ${m.gates.failed.join(', ')}`}`, ''];
  for (const r of m.requirements) out.push(`${pad(r.id, 5)}${pad(r.required ? 'must' : 'nice', 6)}${pad(r.status, 9)}${pad(r.credit.toFixed(2), 6)}${r.detail || r.text}`);
  if (m.gaps.length) out.push('', `gaps: ${m.gaps.map((g) => `${g.requirementId} +${g.gain}`).join(', ')}`);
  return out.join('\n');
}
