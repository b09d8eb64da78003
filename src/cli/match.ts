// Helpers for `rolefit score` and `rolefit rank`: weight overrides,
// ranked rows (best first, ties by id), and the readable --format table output.

import type { Match, ScoringWeights } from '../domain/match.ts';
import { createError, type ErrorCode } from '../errors.ts';
import { topReasons } from '../scoring/reasons.ts';
import { weightProblem } from '../scoring/weights.ts';

export type RankRow =
  | { id: string; score: number; title?: string | null; summary: string; gates: Match['gates']; ceiling: number; reasons: string[] }
  | { id: string; error: { code: ErrorCode; message: string } };


/** Weight overrides from JSON (known keys, numbers in range). */
export function parseWeights(json: string): Partial<ScoringWeights> {
  let o: unknown;
  try {
    o = JSON.parse(json);
  } catch {
    throw createError('USAGE', { reason: '--weights must be a JSON object' });
  }
  const problem = weightProblem(o);
  if (problem) throw createError('USAGE', { reason: problem.replace('weights must', '--weights must') });
  return o as Partial<ScoringWeights>;
}

export function rankRow(id: string, m: Match, title: string | null): RankRow {
  const reasons = topReasons(m);
  return { id, score: m.score, ...(title !== null ? { title } : {}), summary: m.summary, gates: m.gates, ceiling: m.ceiling, reasons };
}

export function sortRows(rows: RankRow[]): RankRow[] {
  const score = (r: RankRow): number => ('score' in r ? r.score : -1);
  return [...rows].sort((a, b) => score(b) - score(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

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
