// Every failure leaves the server as a catalogue code and a message a developer can act on;
// Fastify's own errors (schema, content type, body size, multipart) are mapped here, and
// anything unexpected becomes INTERNAL without a stack trace.

import { createError, isRolefitError, type RolefitError } from '../errors.ts';

interface FastifyLikeError {
  code?: string;
  statusCode?: number;
  message: string;
  validation?: unknown;
}

const STORE_DOWN = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'ECONNRESET', '57P01', '57P03', '08000', '08003', '08006', 'SQLITE_BUSY', 'SQLITE_CANTOPEN']);

/** The coded error for anything a route or Fastify threw; `expected` is false for bugs. */
export function toCoded(e: unknown, limits: { maxInputBytes: number }, contentType = ''): { error: RolefitError; expected: boolean } {
  // USAGE is the command line's word for a bad argument; over HTTP the request is at fault.
  if (isRolefitError(e)) return e.code === 'USAGE' ? { error: createError('REQUEST_INVALID', { reason: e.message.replace(/\.$/, '') }), expected: true } : { error: e, expected: e.status < 500 };
  const f = (e ?? {}) as FastifyLikeError;
  if (f.validation) return { error: createError('REQUEST_INVALID', { reason: f.message }), expected: true };
  switch (f.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { error: createError('CONTENT_TYPE_UNSUPPORTED', { type: contentType.split(';')[0]!.trim() || '(none)', accepted: 'application/json or multipart/form-data (a file field)' }), expected: true };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { error: createError('BODY_EMPTY', { what: 'a JSON object' }), expected: true };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { error: createError('BODY_MALFORMED_JSON', { reason: f.message }), expected: true };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_PARTS_LIMIT':
    case 'FST_FILES_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return { error: createError('INPUT_TOO_LARGE', { what: 'the request body', size: `over ${limits.maxInputBytes}`, limit: limits.maxInputBytes }), expected: true };
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return { error: createError('CONTENT_TYPE_UNSUPPORTED', { type: 'that is not multipart', accepted: 'multipart/form-data' }), expected: true };
    default:
      break;
  }
  // The multipart parser's own complaints (no boundary, a truncated body) are the client's.
  if (/^(?:Multipart: |Unexpected end of|Malformed part header)/.test(f.message ?? '')) return { error: createError('REQUEST_INVALID', { reason: `the multipart body cannot be read (${f.message})` }), expected: true };
  if (e instanceof SyntaxError) return { error: createError('BODY_MALFORMED_JSON', { reason: e.message }), expected: true };
  if ((f.code && STORE_DOWN.has(f.code)) || /database connection is not open|Cannot use a pool after calling end/.test(f.message ?? '')) return { error: createError('STORE_UNAVAILABLE', { reason: f.code ?? f.message }), expected: false };
  if (f.statusCode && f.statusCode >= 400 && f.statusCode < 500) return { error: createError('REQUEST_INVALID', { reason: f.message }), expected: true };
  return { error: createError('INTERNAL', { reason: 'an unexpected error; it is logged with the request id' }), expected: false };
}
