// Frozen defaults. Everything configurable starts here; load.ts layers the environment on top.

export interface Config {
  /** Folder of compiled models (MANIFEST.json, skills.json, ...). */
  modelsDir: string;
  /** Largest document accepted, in bytes. */
  maxInputBytes: number;
}

export const DEFAULTS: Readonly<Config> = Object.freeze({
  modelsDir: new URL('../../models/', import.meta.url).pathname,
  maxInputBytes: 10 * 1024 * 1024,
});
