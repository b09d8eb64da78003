// The Fastify app as a plugin-style factory: routes, schemas, OpenAPI, auth, limits and errors.
// It never listens; start.ts (or a test's app.inject) drives it.

import { randomUUID, createHash, timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { Config } from '../config/defaults.ts';
import { createError } from '../errors.ts';
import type { Catalog } from './catalog.ts';
import { toCoded } from './http-errors.ts';
import { candidateRoutes } from './routes/candidates.ts';
import { matchingRoutes } from './routes/matching.ts';
import { parseJsonl, postingRoutes } from './routes/postings.ts';

export interface AppOptions {
  catalog: Catalog;
  config: Config;
  /** Fastify's logger option: false in tests, pino options in the service. */
  logger?: FastifyServerOptions['logger'];
  version: string;
}

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const { catalog, config } = opts;
  const app = Fastify({
    logger: opts.logger ?? false,
    // JSON bodies carry escaped text: room for a document at the size limit.
    bodyLimit: config.maxInputBytes * 2,
    requestTimeout: config.requestTimeoutMs,
    // Ids may be 128 characters; longer URL parameters reach the schema and get a coded error.
    routerOptions: { maxParamLength: 512 },
    // A caller's x-request-id is kept when it is a sane token; anything else gets a fresh id.
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
    },
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
  });

  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  app.setErrorHandler((err, req, reply) => {
    const { error, expected } = toCoded(err, config, req.headers['content-type']);
    if (!expected) req.log.error({ err }, 'request failed');
    else req.log.info({ code: error.code }, 'request refused');
    void reply.code(error.status).send({ error: error.toJSON(), requestId: req.id });
  });
  app.setNotFoundHandler((req, reply) => {
    const error = createError('ROUTE_NOT_FOUND', { method: req.method, url: req.url.split('?')[0]! });
    void reply.code(error.status).send({ error: error.toJSON(), requestId: req.id });
  });

  // Bodies: JSON (Fastify's), multipart files, JSONL for bulk uploads; nothing else.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser(['application/x-ndjson', 'application/jsonl'], { parseAs: 'string', bodyLimit: config.maxBulkBytes }, (_req, body, done) => {
    try {
      done(null, parseJsonl(body as string));
    } catch (e) {
      done(e as Error, undefined);
    }
  });
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fileSize: config.maxInputBytes, files: 1, fields: 30, fieldSize: 1024 * 1024, parts: 32 },
  });

  // The limit comes first, so guessing keys is limited too: per valid key, else per address.
  const keys = config.apiKeys.map(digest);
  const presentedKey = (req: FastifyRequest): Buffer | null => {
    const header = req.headers.authorization;
    const given = header?.startsWith('Bearer ') ? header.slice(7) : req.headers['x-api-key'];
    const d = typeof given === 'string' ? digest(given) : null;
    return d && keys.some((k) => timingSafeEqual(k, d)) ? d : null;
  };
  if (config.rateLimitPerMinute > 0) {
    await app.register(rateLimit, {
      max: config.rateLimitPerMinute,
      timeWindow: '1 minute',
      keyGenerator: (req) => {
        const key = keys.length ? presentedKey(req) : null;
        return key ? `key:${key.toString('hex').slice(0, 16)}` : req.ip;
      },
      allowList: (req) => !req.url.startsWith('/v1/'),
      errorResponseBuilder: (_req, ctx) => createError('RATE_LIMITED', { max: ctx.max, window: 'minute', retry: ctx.after }),
    });
  }
  if (keys.length) {
    app.addHook('onRequest', async (req) => {
      if (req.url.startsWith('/v1/') && !presentedKey(req)) throw createError('UNAUTHORIZED');
    });
  }

  await app.register(swagger, {
    openapi: {
      info: { title: 'rolefit', version: opts.version, description: 'Explainable candidate–job matching. Errors are {error: {code, message}, requestId}; codes are listed in the README.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' } } },
      ...(config.apiKeys.length ? { security: [{ bearer: [] }, { apiKey: [] }] } : {}),
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  app.get('/health', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/ready', { schema: { hide: true } }, async (req, reply) => {
    if (!catalog.ready) return reply.code(503).send({ status: 'loading' });
    try {
      const stored = await catalog.store.countPostings();
      return { status: 'ready', store: catalog.store.kind, postings: stored, indexed: catalog.index.size, candidates: catalog.candidateCount, modelsVersion: catalog.engine.modelsVersion, scoringVersion: catalog.engine.scoring.scoringVersion };
    } catch (e) {
      const { error } = toCoded(e, config);
      return reply.code(503).send({ status: 'store unavailable', error: error.toJSON(), requestId: req.id });
    }
  });

  postingRoutes(app, catalog, config);
  matchingRoutes(app, catalog, config.maxInputBytes);
  candidateRoutes(app, catalog, config.maxInputBytes);
  return app;
}
