// The one error catalogue: every coded error rolefit raises, its message template and HTTP status.
// The README's error table is kept in sync with this list by a test.

export const ERRORS = {
  INPUT_EMPTY: { status: 400, message: 'The input is empty: {what} has no text to read.' },
  INPUT_NOT_FOUND: { status: 404, message: 'Cannot read {path}: no such file or directory.' },
  INPUT_NOT_TEXT: { status: 415, message: '{what} is not a readable document (it looks like binary data).' },
  INPUT_TOO_LARGE: { status: 413, message: '{what} is too large ({size} bytes); the limit is {limit} bytes.' },
  INPUT_UNSUPPORTED_TYPE: { status: 415, message: 'Unsupported document type {type}: use text, HTML, PDF, DOCX or JSON.' },
  INPUT_ENCRYPTED: { status: 422, message: '{what} is an encrypted (password-protected) PDF: save it without a password and try again.' },
  INPUT_NO_TEXT_LAYER: { status: 422, message: '{what} has no text layer (a scanned or image-only PDF): it needs OCR, which rolefit does not do.' },
  INPUT_CORRUPT: { status: 422, message: '{what} is not a readable {type} file ({reason}).' },
  INPUT_ARCHIVE_BOMB: { status: 413, message: '{what} expands to more than {limit} bytes when unpacked ({reason}): it is refused as a decompression bomb.' },
  INPUT_TOO_MANY_PAGES: { status: 413, message: '{what} has {pages} pages; the limit is {limit} pages.' },
  INPUT_TOO_COMPLEX: { status: 422, message: '{what} could not be read within the parsing budget ({reason}).' },
  INPUT_BAD_JSONL: { status: 400, message: 'Line {line} of {path} is not a JSON object with "id" and "text" or "path": {reason}.' },
  USAGE: { status: 400, message: '{reason}' },
  MODELS_MISSING: { status: 500, message: 'No compiled models in {dir}: run `rolefit models build`.' },
  MODELS_CORRUPT: { status: 500, message: 'Model file {file} does not match MANIFEST.json ({reason}): run `rolefit models build`.' },
  TAXONOMY_INVALID: { status: 400, message: 'The taxonomy sources have {count} problem(s): {first}' },
  IMPORT_BAD_FILE: { status: 400, message: 'Cannot import {path}: {reason}.' },
  NOT_FOUND: { status: 404, message: 'No {what} with id {id}.' },
  REQUEST_INVALID: { status: 400, message: 'The request is not valid: {reason}.' },
  REQUEST_TIMEOUT: { status: 408, message: 'The request was not received in time: the whole request must arrive within {limit} ms.' },
  BULK_REJECTED: { status: 422, message: 'Item {index} (id {id}) cannot be read, so nothing was stored: {reason}' },
  BODY_MALFORMED_JSON: { status: 400, message: 'The request body is not valid JSON: {reason}.' },
  BODY_TOO_DEEP: { status: 400, message: 'The request body nests deeper than {limit} levels.' },
  BODY_EMPTY: { status: 400, message: 'The request has no body: send {what}.' },
  CONTENT_TYPE_UNSUPPORTED: { status: 415, message: 'Content-Type {type} is not accepted here: send {accepted}.' },
  UNAUTHORIZED: { status: 401, message: 'A valid API key is needed: send it as `Authorization: Bearer <key>` or `x-api-key`.' },
  RATE_LIMITED: { status: 429, message: 'Too many requests: the limit is {max} per {window}; retry in {retry}.' },
  ROUTE_NOT_FOUND: { status: 404, message: 'No route {method} {url}: see /docs for the API.' },
  BATCH_RESUME_MISMATCH: { status: 409, message: 'Cannot resume {out}: {reason}. Run without --resume to start over, or give the inputs and options of the first run.' },
  SERVER_BUSY: { status: 503, message: 'The service is busy ({reason}): retry in a moment.' },
  STORE_UNAVAILABLE: { status: 503, message: 'The store cannot be reached: {reason}.' },
  INTERNAL: { status: 500, message: 'Internal error: {reason}' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** A coded, user-facing error. `params` fill the message template. */
export class RolefitError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly params: Readonly<Record<string, string | number>>;

  constructor(code: ErrorCode, params: Record<string, string | number> = {}) {
    super(formatMessage(code, params));
    this.name = 'RolefitError';
    this.code = code;
    this.status = ERRORS[code].status;
    this.params = params;
  }

  toJSON(): { code: ErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }
}

export function formatMessage(code: ErrorCode, params: Record<string, string | number>): string {
  return ERRORS[code].message.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}

export function createError(code: ErrorCode, params: Record<string, string | number> = {}): RolefitError {
  return new RolefitError(code, params);
}

export function isRolefitError(e: unknown): e is RolefitError {
  return e instanceof RolefitError;
}

/** Any thrown value as a coded error body; unknown failures become INTERNAL without a stack. */
export function toErrorBody(e: unknown): { code: ErrorCode; message: string } {
  if (isRolefitError(e)) return e.toJSON();
  const reason = e instanceof Error ? e.message : String(e);
  return createError('INTERNAL', { reason }).toJSON();
}
