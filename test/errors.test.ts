import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createError, ERRORS, formatMessage, toErrorBody } from '../src/errors.ts';

describe('error catalogue', () => {
  it('the README error table lists exactly the catalogue, with the same HTTP statuses', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const rows = [...readme.matchAll(/^\|\s*`([A-Z_]+)`\s*\|\s*(\d{3})\s*\|/gm)].map((m) => [m[1], Number(m[2])]);
    const catalogue = Object.entries(ERRORS).map(([code, e]) => [code, e.status]);
    expect(rows.sort()).toEqual(catalogue.sort());
  });

  it('fills message templates', () => {
    expect(formatMessage('INPUT_TOO_LARGE', { what: 'cv.pdf', size: 20, limit: 10 })).toBe('cv.pdf is too large (20 bytes); the limit is 10 bytes.');
    const e = createError('INPUT_EMPTY', { what: 'posting.txt' });
    expect(e.toJSON()).toEqual({ code: 'INPUT_EMPTY', message: 'The input is empty: posting.txt has no text to read.' });
    expect(e.status).toBe(400);
  });

  it('turns unknown failures into INTERNAL without a stack trace', () => {
    const body = toErrorBody(new TypeError('boom'));
    expect(body).toEqual({ code: 'INTERNAL', message: 'Internal error: boom' });
  });
});
