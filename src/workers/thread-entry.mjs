// A pool thread's first module: plain JavaScript, so it loads whatever ran the parent (tsx,
// vitest, a build), registers tsx in this thread and loads the TypeScript thread body it was
// started with (the parser's, or a batch run's).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
