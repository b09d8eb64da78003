// A parser thread's first module: plain JavaScript, so it loads whatever ran the parent (tsx,
// vitest, a build), registers tsx in this thread and loads the TypeScript thread body.
import { register } from 'tsx/esm/api';

register();
await import('./parse-thread.ts');
