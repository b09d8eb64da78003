// The Fastify app as a plugin-style factory: routes, schemas, OpenAPI, auth, limits and errors.
// It never listens; start.ts (or a test's app.inject) drives it.

import { randomUUID, createHash, timingSafeEqual } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { Config } from '../config/defaults.ts';
import { createError } from '../errors.ts';
import type { Catalog } from '../app/catalog.ts';
import { toCoded } from './http-errors.ts';
import { createValidation, jsonTooDeep, MAX_BODY_DEPTH } from './validation.ts';
import { candidateRoutes } from './routes/candidates.ts';
import { batchRoutes } from './routes/batches.ts';
import { createUploads } from './uploads.ts';
import { BatchJobs } from '../batch/jobs.ts';
import { threadScorer } from '../batch/scorer.ts';
import { matchingRoutes } from './routes/matching.ts';
import { parseJsonl, postingRoutes } from './routes/postings.ts';
import { WEB_PATTERNS, webRoutes } from './routes/web.ts';
import { corsHooks, PREFLIGHT } from './cors.ts';

export interface AppOptions {
  catalog: Catalog;
  config: Config;
  /** Fastify's logger option: false in tests, pino options in the service. */
  logger?: FastifyServerOptions['logger'];
  version: string;
  /** The service's batch jobs; default: jobs scored in this process's threads. */
  batches?: BatchJobs;
}

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set for every route from its pattern when it is registered: true for routes anyone may call. */
    public?: boolean;
  }
}

/**
 * Routes anyone may call (liveness, readiness, the API document, the page's static files, and the
 * CORS preflight, which browsers send without a key), by the pattern the route was
 * registered with. Everything else needs a key when keys are set: protection follows the route that
 * matched, so no spelling of a URL (percent-encoding, case, slashes) can reach a route unprotected.
 */
export function isPublicRoute(pattern: string, method?: string | string[]): boolean {
  if (pattern === PREFLIGHT.pattern) return method === PREFLIGHT.method;
  return pattern === '/health' || pattern === '/ready' || pattern === '/docs' || pattern.startsWith('/docs/') || (WEB_PATTERNS as readonly string[]).includes(pattern);
}

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
    // A request Node cannot read (malformed HTTP, or not sent within requestTimeout) is answered
    // on the socket, before Fastify has a request: still in the catalogue shape.
    clientErrorHandler: (err: Error & { code?: string }, socket) => {
      if (!socket.writable || err.code === 'ECONNRESET') {
        socket.destroy();
        return;
      }
      const error = err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? createError('REQUEST_TIMEOUT', { limit: config.requestTimeoutMs })
        : createError('REQUEST_INVALID', { reason: 'the HTTP request is malformed' });
      const body = JSON.stringify({ error: error.toJSON(), requestId: randomUUID() });
      socket.end(`HTTP/1.1 ${error.status} ${STATUS_CODES[error.status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
    },
    // Errors the router raises before any route runs (a malformed URL) get the catalogue shape.
    frameworkErrors: (err, req, reply) => {
      const long = (err as { code?: string }).code === 'FST_ERR_MAX_PARAM_LENGTH';
      const error = createError('REQUEST_INVALID', { reason: long ? 'a URL parameter is longer than 512 characters' : 'the URL is not validly percent-encoded' });
      void (reply as FastifyReply).code(error.status).send({ error: error.toJSON(), requestId: req.id });
    },
  });
  const validation = createValidation();
  app.setValidatorCompiler(validation.compiler);

  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  app.setErrorHandler((err, req, reply) => {
    const { error, expected } = toCoded(err, config, req.headers['content-type']);
    if (!expected) req.log.error({ err }, 'request failed');
    else req.log.info({ code: error.code }, 'request refused');
    void reply.code(error.status).send({ error: error.toJSON(), requestId: req.id });
  });

  // Bodies: JSON (Fastify's parser, after a depth check), multipart files, JSONL for bulk uploads;
  // nothing else. Nesting is checked on the text, before anything recurses into it.
  app.removeContentTypeParser(['text/plain', 'application/json']);
  const jsonParser = app.getDefaultJsonParser('error', 'ignore');
  const tooDeep = () => createError('BODY_TOO_DEEP', { limit: MAX_BODY_DEPTH });
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    if (jsonTooDeep(body as string)) done(tooDeep(), undefined);
    else jsonParser(req, body as string, done);
  });
  app.addContentTypeParser(['application/x-ndjson', 'application/jsonl'], { parseAs: 'string', bodyLimit: config.maxBulkBytes }, (_req, body, done) => {
    try {
      if (jsonTooDeep(body as string)) throw tooDeep();
      done(null, parseJsonl(body as string));
    } catch (e) {
      done(e as Error, undefined);
    }
  });
  const uploads = createUploads();
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    // One file a request, unless a route says otherwise (a batch's résumés).
    limits: { fileSize: config.maxInputBytes, files: 1, fields: 30, fieldSize: 1024 * 1024, parts: 32 },
    onFile(part) {
      return uploads.onFile(this, part);
    },
  });
  // A form becomes the route's body; its fields are text on the wire: their numbers and booleans are read from it.
  app.addHook('preValidation', async (req) => {
    if (!req.isMultipart()) return;
    req.body = uploads.body(req);
    validation.markForm(req);
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
      allowList: (req) => req.routeOptions.config.public === true,
      errorResponseBuilder: (_req, ctx) => createError('RATE_LIMITED', { max: ctx.max, window: 'minute', retry: ctx.after }),
    });
  }
  // Registered after the rate limit's own onRoute hook, so on every route the limit runs first.
  const requireKey = async (req: FastifyRequest): Promise<void> => {
    if (!presentedKey(req)) throw createError('UNAUTHORIZED');
  };
  app.addHook('onRoute', (route) => {
    const open = isPublicRoute(route.url ?? route.path, route.method);
    route.config = { ...(route.config ?? {}), public: open };
    if (!open && keys.length) route.onRequest = [...[route.onRequest ?? []].flat(), requireKey];
  });
  // No route matched: without a key, that is not even said (which routes exist is not public).
  const notFound = (req: FastifyRequest) => (keys.length && !presentedKey(req) ? createError('UNAUTHORIZED') : createError('ROUTE_NOT_FOUND', { method: req.method, url: req.url.split('?')[0]!.slice(0, 200) }));
  app.setNotFoundHandler((req, reply) => {
    const error = notFound(req);
    void reply.code(error.status).send({ error: error.toJSON(), requestId: req.id });
  });
  corsHooks(app, config.corsOrigins, notFound);

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
      return { status: 'ready', store: catalog.store.kind, postings: stored, indexed: catalog.index.size, candidates: catalog.candidateCount, parsers: catalog.parser.stats, modelsVersion: catalog.engine.modelsVersion, scoringVersion: catalog.engine.scoring.scoringVersion };
    } catch (e) {
      const { error } = toCoded(e, config);
      return reply.code(503).send({ status: 'store unavailable', error: error.toJSON(), requestId: req.id });
    }
  });

  postingRoutes(app, catalog, config);
  matchingRoutes(app, catalog);
  candidateRoutes(app, catalog);
  const jobs = opts.batches ?? new BatchJobs(catalog, config, threadScorer, config.parseWorkers);
  app.addHook('onClose', async () => jobs.close());
  batchRoutes(app, jobs, config);
  webRoutes(app, notFound);
  return app;
}
