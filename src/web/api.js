// @ts-check
/* global sessionStorage, location, fetch, URL */
// The page's only way to the service: same-origin fetch with the API key of this browser tab.
// A 401 asks for a key (once per tab: kept in sessionStorage) and retries the request.

const KEY = 'rolefit.apiKey';

export class ApiError extends Error {
  /** @param {number} status @param {string} code @param {string} message @param {string | null} requestId */
  constructor(status, code, message, requestId) {
    super(message);
    this.status = status;
    this.code = code;
    this.requestId = requestId;
  }
}

export function getKey() {
  return sessionStorage.getItem(KEY) ?? '';
}

/** @param {string} key */
export function setKey(key) {
  if (key) sessionStorage.setItem(KEY, key);
  else sessionStorage.removeItem(KEY);
}

/** @type {(why: string) => Promise<boolean>} */
let askForKey = async () => false;
/** Sets how the page asks for a key; it resolves true when a key was entered. @param {(why: string) => Promise<boolean>} fn */
export function onKeyNeeded(fn) {
  askForKey = fn;
}

/**
 * @param {string} method
 * @param {string} path
 * @param {{ json?: unknown, form?: FormData, query?: Record<string, string | number | boolean | undefined>, raw?: boolean }} [opts]
 * @returns {Promise<any>}
 */
export async function api(method, path, opts = {}) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(opts.query ?? {})) if (v !== undefined && v !== '') url.searchParams.set(k, String(v));
  for (let attempt = 0; ; attempt++) {
    /** @type {Record<string, string>} */
    const headers = {};
    const key = getKey();
    if (key) headers.authorization = `Bearer ${key}`;
    /** @type {BodyInit | undefined} */
    let body;
    if (opts.form) body = opts.form;
    else if (opts.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(opts.json);
    }
    const res = await fetch(url, { method, headers, body });
    if (res.status === 401 && attempt < 2) {
      const why = key ? 'The key was refused. Enter a valid API key.' : 'This service needs an API key. It is kept for this browser tab only (session storage).';
      if (await askForKey(why)) continue;
    }
    if (!res.ok) {
      const text = await res.text();
      let code = 'UNEXPECTED_RESPONSE';
      let message = `HTTP ${res.status}`;
      try {
        const b = JSON.parse(text);
        if (b?.error?.code) ({ code, message } = b.error);
      } catch {
        // not the service's error body
      }
      throw new ApiError(res.status, code, message, res.headers.get('x-request-id'));
    }
    if (opts.raw) return res;
    return res.status === 204 ? null : res.json();
  }
}

/** Every stored posting (page after page). @returns {Promise<Array<{id: string, title: string | null, company: string | null, location: string | null}>>} */
export async function allPostings() {
  const out = [];
  /** @type {string | null} */
  let cursor = null;
  do {
    const page = await api('GET', '/v1/postings', { query: { limit: 1000, cursor: cursor ?? undefined } });
    out.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return out;
}
