// Options every face reads from its callers (a flag, a body field, a form field), checked and
// parsed once, here: what "present" means, and per-request weight overrides.

import type { ScoringWeights } from '../domain/match.ts';
import { createError, type ErrorCode } from '../errors.ts';
import { resolveAsOf } from '../engine.ts';
import { parseAsOf } from '../text/dates.ts';
import { weightProblem } from '../scoring/weights.ts';
import type { AsOf } from '../workers/parse-document.ts';

export type { AsOf } from '../workers/parse-document.ts';

/** Who is asking: a command line (USAGE, exit 2) or a request (REQUEST_INVALID, 400). */
export type Asker = { code: Extract<ErrorCode, 'USAGE' | 'REQUEST_INVALID'>; name: string };
export const CLI: Asker = { code: 'USAGE', name: '--' };
export const REQUEST: Asker = { code: 'REQUEST_INVALID', name: '' };

/**
 * "Present" for the résumés of one command or request, parsed once: a date (YYYY-MM or
 * YYYY-MM-DD), "document" for the date a PDF or DOCX file carries, or today when absent (read
 * here, at the edge).
 */
export function asOfOption(s: string | undefined, by: Asker): AsOf {
  if (s === 'document') return 'document';
  if (s === undefined) return resolveAsOf();
  const ym = parseAsOf(s);
  if (!ym) throw createError(by.code, { reason: `${by.name}asOf must be YYYY-MM-DD, YYYY-MM or "document", not "${s.slice(0, 40)}"`.replace('--asOf', '--as-of') });
  return ym;
}

/** Weight overrides: an object, or its JSON (a flag, a multipart field); known keys, numbers in range. */
export function weightsOption(v: unknown, by: Asker): Partial<ScoringWeights> | undefined {
  if (v === undefined) return undefined;
  let o = v;
  if (typeof v === 'string') {
    try {
      o = JSON.parse(v);
    } catch {
      throw createError(by.code, { reason: `${by.name}weights must be a JSON object` });
    }
  }
  const problem = weightProblem(o);
  if (problem) throw createError(by.code, { reason: problem.replace('weights must', `${by.name}weights must`) });
  return o as Partial<ScoringWeights>;
}
