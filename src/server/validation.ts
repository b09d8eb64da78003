// Request validation: JSON bodies are taken as typed (`{"text": 12345}` is refused, never
// converted), while querystrings, URL parameters and multipart form fields, which are text on the
// wire, have their numbers and booleans read from text. Fastify's default would coerce them all.

import { Ajv, type ValidateFunction } from 'ajv';
import type { FastifyRequest } from 'fastify';

/** How deep a JSON body may nest: JSON Resume and JSON-LD need under ten levels. */
export const MAX_BODY_DEPTH = 64;

type HttpPart = 'body' | 'querystring' | 'params' | 'headers';

export interface Validation {
  /** Fastify's validatorCompiler. */
  compiler: (route: { schema: object; httpPart?: string }) => ValidateFunction | ((data: unknown) => boolean);
  /** Marks a request's body as form fields (text on the wire), so it is read with coercion. */
  markForm(req: FastifyRequest): void;
}

export function createValidation(): Validation {
  const common = { removeAdditional: false, useDefaults: true, allErrors: false, strict: false } as const;
  const typed = new Ajv({ ...common, coerceTypes: false });
  const textual = new Ajv({ ...common, coerceTypes: 'array' });
  // Bodies that came as multipart form fields; a WeakSet, so nothing outlives its request.
  const forms = new WeakSet<object>();

  return {
    markForm(req) {
      if (req.body && typeof req.body === 'object') forms.add(req.body);
    },
    compiler({ schema, httpPart }) {
      if ((httpPart as HttpPart | undefined) !== 'body') return textual.compile(schema);
      const strict = typed.compile(schema);
      const loose = textual.compile(schema);
      const validate = (data: unknown): boolean => {
        const v = data && typeof data === 'object' && forms.has(data) ? loose : strict;
        const ok = v(data);
        validate.errors = v.errors;
        return ok;
      };
      validate.errors = null as ValidateFunction['errors'];
      return validate;
    },
  };
}

/**
 * True when JSON text nests objects or arrays deeper than `limit`: one pass over the text, before
 * any parser or validator recurses into it (string contents and escapes are skipped).
 */
export function jsonTooDeep(text: string, limit = MAX_BODY_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}
