// How a batch writes its results: NDJSON (one line per résumé with its ranked roles, or one per
// pair with --all) or CSV (one row per pair). A document that cannot be read is an error line or
// row with the catalogue's code; the run goes on.

import { stringify } from 'csv-stringify/sync';
import type { ResumeResult } from '../app/index.ts';

/** ndjson and csv are what people read; json is the structured result, one line per résumé, as the service stores it. */
export type BatchFormat = 'ndjson' | 'csv' | 'json';

export const CSV_COLUMNS = ['resume_id', 'posting_id', 'score', 'passed', 'failed_gates', 'summary', 'error'] as const;

/** What a file starts with: the CSV header, nothing for NDJSON. */
export function header(format: BatchFormat): string {
  return format === 'csv' ? stringify([[...CSV_COLUMNS]]) : '';
}

/** One résumé's results as text: whole lines, each ending in a newline (a batch thread writes all pairs with pair-lines.ts). */
export function formatResult(r: ResumeResult, format: BatchFormat): string {
  if (format === 'json') return `${JSON.stringify(r)}\n`;
  if (format === 'ndjson') {
    if ('error' in r) return `${JSON.stringify({ resumeId: r.resumeId, error: r.error })}\n`;
    if (r.mode === 'top') return `${JSON.stringify({ resumeId: r.resumeId, results: r.rows.map(({ id, match: _m, ...row }) => ({ postingId: id, ...row })) })}\n`;
    let out = '';
    for (const p of r.pairs) out += `{"resumeId":${JSON.stringify(r.resumeId)},"postingId":${JSON.stringify(p.id)},"score":${p.score},"passed":${p.passed}}\n`;
    return out;
  }
  if ('error' in r) return stringify([[r.resumeId, '', '', '', '', '', `${r.error.code}: ${r.error.message}`]]);
  if (r.mode === 'top') return stringify(r.rows.map((row) => [r.resumeId, row.id, row.score, String(row.gates.passed), row.gates.failed.join(' '), row.summary, '']));
  if (r.pairs.length === 0) return '';
  return stringify(r.pairs.map((p) => [r.resumeId, p.id, p.score, String(p.passed), (p.failed ?? []).join(' '), '', '']));
}
