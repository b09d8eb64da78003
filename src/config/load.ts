// The only place that reads process.env.

import { DEFAULTS, type Config } from './defaults.ts';

const int = (v: string | undefined): number | undefined => (v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined);

/**
 * ROLEFIT_CORS_ORIGINS: comma-separated origins, compared exactly with a browser's Origin header,
 * so each is reduced to scheme://host[:port]. Anything else (a path, "*", a bare host) is refused
 * at start-up rather than quietly never matching.
 */
export function corsOrigins(list: string): string[] {
  return list.split(',').map((o) => o.trim()).filter(Boolean).map((o) => {
    let url: URL | null = null;
    try {
      url = new URL(o);
    } catch {
      url = null;
    }
    if (!url || !/^https?:$/.test(url.protocol) || url.origin !== o.replace(/\/$/, '').toLowerCase()) {
      throw new Error(`ROLEFIT_CORS_ORIGINS: "${o}" is not an origin such as https://ats.example.com (scheme, host and port only)`);
    }
    return url.origin;
  });
}

export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<Config> = {}): Config {
  const fromEnv: Partial<Config> = {};
  const set = <K extends keyof Config>(k: K, v: Config[K] | undefined): void => {
    if (v !== undefined && v !== '') fromEnv[k] = v;
  };
  set('modelsDir', env.ROLEFIT_MODELS_DIR);
  set('maxInputBytes', int(env.ROLEFIT_MAX_INPUT_BYTES));
  set('maxBulkBytes', int(env.ROLEFIT_MAX_BULK_BYTES));
  set('port', int(env.ROLEFIT_PORT ?? env.PORT));
  set('host', env.ROLEFIT_HOST);
  set('db', env.ROLEFIT_DB);
  set('pg', env.ROLEFIT_PG_URL);
  if (env.ROLEFIT_API_KEYS) fromEnv.apiKeys = env.ROLEFIT_API_KEYS.split(',').map((k) => k.trim()).filter(Boolean);
  set('rateLimitPerMinute', int(env.ROLEFIT_RATE_LIMIT));
  set('requestTimeoutMs', int(env.ROLEFIT_REQUEST_TIMEOUT_MS));
  set('logLevel', env.ROLEFIT_LOG_LEVEL);
  set('workers', int(env.ROLEFIT_WORKERS));
  set('maxPdfPages', int(env.ROLEFIT_MAX_PDF_PAGES));
  set('maxUnpackedBytes', int(env.ROLEFIT_MAX_UNPACKED_BYTES));
  set('parseWorkers', int(env.ROLEFIT_PARSE_WORKERS));
  set('parseTimeoutMs', int(env.ROLEFIT_PARSE_TIMEOUT_MS));
  set('parseMemoryMb', int(env.ROLEFIT_PARSE_MEMORY_MB));
  set('parseQueue', int(env.ROLEFIT_PARSE_QUEUE));
  if (env.ROLEFIT_CORS_ORIGINS) fromEnv.corsOrigins = corsOrigins(env.ROLEFIT_CORS_ORIGINS);
  set('redisUrl', env.ROLEFIT_REDIS_URL);
  return Object.freeze({ ...DEFAULTS, ...fromEnv, ...overrides });
}
