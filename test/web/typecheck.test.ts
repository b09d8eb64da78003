// The page's scripts are plain ES modules (no build step), written with // @ts-check and JSDoc:
// this holds them to strict TypeScript against the DOM library, as the editor does.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const WEB = new URL('../../src/web/', import.meta.url).pathname;
const scripts = readdirSync(WEB).filter((f) => f.endsWith('.js')).map((f) => `${WEB}${f}`);

describe('src/web scripts', () => {
  it('each one opts in to checking', () => {
    expect(scripts.length).toBeGreaterThanOrEqual(3);
    for (const f of scripts) expect(readFileSync(f, 'utf8').startsWith('// @ts-check\n'), f).toBe(true);
  });

  it('type-check under strict TypeScript with the DOM library', () => {
    const tsc = new URL('../../node_modules/typescript/bin/tsc', import.meta.url).pathname;
    const r = spawnSync(process.execPath, [tsc, '--noEmit', '--allowJs', '--checkJs', '--strict', '--lib', 'ES2023,DOM,DOM.Iterable', '--target', 'ES2022', '--module', 'ES2022', '--moduleResolution', 'bundler', '--skipLibCheck', '--types', 'node', ...scripts], { encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 60_000);
});
