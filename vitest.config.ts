import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // Real servers start parser threads (each loads the models) before they listen.
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
