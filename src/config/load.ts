// The only place that reads process.env.

import { DEFAULTS, type Config } from './defaults.ts';

export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<Config> = {}): Config {
  const fromEnv: Partial<Config> = {};
  if (env.ROLEFIT_MODELS_DIR) fromEnv.modelsDir = env.ROLEFIT_MODELS_DIR;
  if (env.ROLEFIT_MAX_INPUT_BYTES && /^\d+$/.test(env.ROLEFIT_MAX_INPUT_BYTES)) fromEnv.maxInputBytes = Number(env.ROLEFIT_MAX_INPUT_BYTES);
  return Object.freeze({ ...DEFAULTS, ...fromEnv, ...overrides });
}
