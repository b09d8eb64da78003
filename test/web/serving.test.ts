// The page's static files and CORS, through app.inject: content types and caching, no path from
// the URL reaching the file system, the key check untouched by the public static routes, and
// CORS only for named origins (preflight and actual request, allowed and refused).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corsOrigins, loadConfig } from '../../src/config/load.ts';
import { createEngine } from '../../src/engine.ts';
import { expectError, makeApp, type TestApp } from '../server/helpers.ts';

const engine = createEngine();
const KEY = 'web-test-key';
const TOOL = 'https://ats.example.com';

describe('the page and the component are served as static files', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeApp(engine, { apiKeys: [KEY] });
  });
  afterAll(async () => t.close());

  it('serves / as HTML with a strict CSP, and its assets with their content types, without a key', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.body).toMatch(/<html lang="en">/);
    for (const [file, type] of [['app.js', 'text/javascript; charset=utf-8'], ['style.css', 'text/css; charset=utf-8']] as const) {
      const res = await t.app.inject({ method: 'GET', url: `/web/${file}` });
      expect(res.statusCode, file).toBe(200);
      expect(res.headers['content-type']).toBe(type);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
    // Every script and stylesheet the page names is served, and none comes from elsewhere.
    const refs = [...page.body.matchAll(/<(?:script|link)\s[^>]*?\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(1);
    for (const ref of refs) {
      expect(ref, 'offline: no other origin').toMatch(/^\/(?!\/)/);
      expect((await t.app.inject({ method: 'GET', url: ref })).statusCode, ref).toBe(200);
    }
  });

  it('answers a revalidation with 304 when the file is unchanged', async () => {
    const first = await t.app.inject({ method: 'GET', url: '/web/app.js' });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await t.app.inject({ method: 'GET', url: '/web/app.js', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('serves the component script for other sites, cacheable and readable cross-origin', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/embed/rolefit-match.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.body).toMatch(/customElements\.define\('rolefit-match'/);
  });

  it('never reads a path from the URL: unknown and traversal names get the unknown-route answer', async () => {
    for (const url of ['/web/nope.js', '/web/..%2Fserver%2Fapp.ts', '/web/%2e%2e%2fpackage.json', '/web/index.html', '/web/../../package.json', '/embed/other.js']) {
      const res = await t.app.inject({ method: 'GET', url });
      // Without a key an unknown route is a 401 (which routes exist is not said) ...
      expect(res.statusCode, url).toBe(401);
      // ... and with one, a 404: never the file.
      const keyed = await t.app.inject({ method: 'GET', url, headers: { 'x-api-key': KEY } });
      expect([404, 401], url).toContain(keyed.statusCode);
      expect(keyed.body).not.toMatch(/"name": "rolefit"|import /);
    }
  });

  it('the public static routes open nothing else: /v1 routes still need the key, whatever the spelling', async () => {
    for (const url of ['/v1/postings', '/v1//postings', '/%76%31/postings', '/web/../v1/postings', '/./v1/postings', '/v1/postings/', '/?/v1/postings']) {
      const res = await t.app.inject({ method: 'GET', url });
      if (url === '/?/v1/postings') {
        // That is the page with a query string, not the API.
        expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
        continue;
      }
      expectError(res, 401, 'UNAUTHORIZED');
    }
    const keyed = await t.app.inject({ method: 'GET', url: '/v1/postings', headers: { authorization: `Bearer ${KEY}` } });
    expect(keyed.statusCode).toBe(200);
  });
});

describe('CORS', () => {
  it('is off by default: no CORS headers, and a preflight is an unknown route', async () => {
    const t = await makeApp(engine);
    try {
      const res = await t.app.inject({ method: 'GET', url: '/v1/postings', headers: { origin: TOOL } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      const pre = await t.app.inject({ method: 'OPTIONS', url: '/v1/match', headers: { origin: TOOL, 'access-control-request-method': 'POST' } });
      expect(pre.statusCode).toBe(404);
      expect(pre.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await t.close();
    }
  });

  describe('with named origins and API keys', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await makeApp(engine, { apiKeys: [KEY], corsOrigins: [TOOL, 'http://localhost:8080'] });
    });
    afterAll(async () => t.close());

    it('answers an allowed origin\'s preflight without a key, naming the key headers', async () => {
      const pre = await t.app.inject({ method: 'OPTIONS', url: '/v1/match', headers: { origin: TOOL, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' } });
      expect(pre.statusCode).toBe(204);
      expect(pre.headers['access-control-allow-origin']).toBe(TOOL);
      expect(pre.headers['access-control-allow-methods']).toMatch(/POST/);
      expect(pre.headers['access-control-allow-headers']).toMatch(/authorization/);
      expect(pre.headers['access-control-allow-headers']).toMatch(/x-api-key/);
      expect(pre.headers['access-control-allow-credentials']).toBeUndefined();
      expect(String(pre.headers.vary)).toMatch(/Origin/);
    });

    it('refuses another origin\'s preflight: no CORS headers, so the browser refuses the request', async () => {
      for (const origin of ['https://evil.example.com', 'https://ats.example.com.evil.net', 'http://ats.example.com', 'null']) {
        const pre = await t.app.inject({ method: 'OPTIONS', url: '/v1/match', headers: { origin, 'access-control-request-method': 'POST' } });
        expect(pre.headers['access-control-allow-origin'], origin).toBeUndefined();
        expect(pre.headers['access-control-allow-methods'], origin).toBeUndefined();
      }
    });

    it('the actual request from an allowed origin still needs the key; its answers (errors too) are readable', async () => {
      const without = await t.app.inject({ method: 'GET', url: '/v1/postings', headers: { origin: TOOL } });
      expectError(without, 401, 'UNAUTHORIZED');
      expect(without.headers['access-control-allow-origin']).toBe(TOOL);
      expect(without.headers['access-control-expose-headers']).toMatch(/x-request-id/);
      const keyed = await t.app.inject({ method: 'GET', url: '/v1/postings', headers: { origin: TOOL, 'x-api-key': KEY } });
      expect(keyed.statusCode).toBe(200);
      expect(keyed.headers['access-control-allow-origin']).toBe(TOOL);
    });

    it('a refused origin\'s actual request gets no CORS header (the server still answers a keyed caller)', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/v1/postings', headers: { origin: 'https://evil.example.com', 'x-api-key': KEY } });
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('a plain OPTIONS request (no preflight headers) is an unknown route, keyed or not', async () => {
      expectError(await t.app.inject({ method: 'OPTIONS', url: '/v1/postings' }), 401, 'UNAUTHORIZED');
      expectError(await t.app.inject({ method: 'OPTIONS', url: '/v1/postings', headers: { 'x-api-key': KEY } }), 404, 'ROUTE_NOT_FOUND');
    });
  });

  it('ROLEFIT_CORS_ORIGINS names origins exactly; anything else is refused at start-up', () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(loadConfig({ ROLEFIT_CORS_ORIGINS: ' https://ats.example.com, http://localhost:8080/ ' }).corsOrigins).toEqual(['https://ats.example.com', 'http://localhost:8080']);
    for (const bad of ['*', 'ats.example.com', 'https://ats.example.com/path', 'ftp://x.example.com']) {
      expect(() => corsOrigins(bad), bad).toThrow(/ROLEFIT_CORS_ORIGINS/);
    }
  });
});
