// CORS for the origins named in ROLEFIT_CORS_ORIGINS (off when none are named): a recruiter tool
// on another origin may call the API from the browser with its API key in a header. No cookies are
// involved, so credentials are never allowed; the key check stays on every /v1 route.

import type { FastifyInstance, FastifyRequest } from 'fastify';

const METHODS = 'GET, POST, PUT, DELETE';
const HEADERS = 'authorization, x-api-key, content-type, x-request-id';
// What a browser page may read of a response besides the simple headers.
const EXPOSED = 'x-request-id, retry-after, x-ratelimit-limit, x-ratelimit-remaining, x-ratelimit-reset, content-disposition';

/** The pattern and method of the preflight route, which is public: a browser sends no key on a preflight. */
export const PREFLIGHT = { method: 'OPTIONS', pattern: '*' } as const;

/**
 * Adds the CORS headers to every response for an allowed Origin (errors included, so a page can
 * read a 401's coded body), and answers preflights. A preflight only says which methods and
 * headers an allowed origin may send; whether the request itself is allowed is decided by the
 * route it then matches, key check included.
 */
export function corsHooks(app: FastifyInstance, origins: readonly string[], notFound: (req: FastifyRequest) => Error): void {
  if (!origins.length) return;
  const allowed = new Set(origins);
  app.addHook('onSend', async (req, reply) => {
    reply.header('vary', 'Origin');
    const origin = req.headers.origin;
    if (typeof origin === 'string' && allowed.has(origin)) {
      reply.header('access-control-allow-origin', origin);
      reply.header('access-control-expose-headers', EXPOSED);
    }
  });
  app.options(PREFLIGHT.pattern, { schema: { hide: true } }, async (req, reply) => {
    const origin = req.headers.origin;
    const method = req.headers['access-control-request-method'];
    // A plain OPTIONS request (not a preflight) is answered as any unknown route is.
    if (typeof origin !== 'string' || typeof method !== 'string') throw notFound(req);
    // A refused origin gets no CORS headers: the browser then refuses the request itself.
    if (allowed.has(origin)) {
      reply.header('access-control-allow-methods', METHODS);
      reply.header('access-control-allow-headers', HEADERS);
      reply.header('access-control-max-age', '600');
    }
    return reply.code(204).send();
  });
}
