// The recruiter page (/) and the embeddable component (/embed/rolefit-match.js): the few static
// files of src/web/, read once when the app is built and served from memory with their content
// types and an ETag. No file name from the URL ever reaches the file system: a request names one
// of the files read at start-up or gets the same answer as any unknown route.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const WEB_DIR = new URL('../../web/', import.meta.url).pathname;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Route patterns anyone may fetch (the API itself still needs a key when keys are set). */
export const WEB_PATTERNS = ['/', '/web/:file', '/embed/rolefit-match.js'] as const;

// The page talks only to its own origin and loads nothing from elsewhere (it must work offline).
const PAGE_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

interface Asset {
  body: Buffer;
  type: string;
  etag: string;
}

function readAssets(dir: string): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  for (const name of readdirSync(dir)) {
    const type = TYPES[extname(name)];
    if (!type) continue;
    const body = readFileSync(join(dir, name));
    assets.set(name, { body, type, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` });
  }
  return assets;
}

export function webRoutes(app: FastifyInstance, notFound: (req: FastifyRequest) => Error, dir = WEB_DIR): void {
  const assets = readAssets(dir);
  for (const needed of ['index.html', 'rolefit-match.js']) if (!assets.has(needed)) throw new Error(`${dir}${needed} is missing`);
  const send = (req: FastifyRequest, reply: FastifyReply, asset: Asset, cache: string) => {
    reply.header('content-type', asset.type).header('etag', asset.etag).header('cache-control', cache).header('x-content-type-options', 'nosniff');
    if (req.headers['if-none-match'] === asset.etag) return reply.code(304).send();
    return reply.send(asset.body);
  };
  const hide = { schema: { hide: true } };

  // Not fingerprinted, so revalidated on every load (a 304 when unchanged): a new release shows at once.
  app.get('/', hide, async (req, reply) => {
    reply.header('content-security-policy', PAGE_CSP).header('referrer-policy', 'no-referrer');
    return send(req, reply, assets.get('index.html')!, 'no-cache');
  });
  app.get('/web/:file', hide, async (req, reply) => {
    const { file } = req.params as { file: string };
    const asset = file === 'index.html' ? undefined : assets.get(file);
    if (!asset) throw notFound(req);
    return send(req, reply, asset, 'no-cache');
  });
  // Loaded by other sites' pages with one script tag: cacheable for a few minutes, and readable
  // cross-origin (a public file) so it also loads as a module or with crossorigin set.
  app.get('/embed/rolefit-match.js', hide, async (req, reply) => {
    reply.header('access-control-allow-origin', '*').header('cross-origin-resource-policy', 'cross-origin');
    return send(req, reply, assets.get('rolefit-match.js')!, 'public, max-age=300');
  });
}
