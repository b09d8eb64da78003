// The body of a parser thread: one document per message, answered with its profile or a coded
// error. The pool ends this thread when a document runs over its time budget; the thread's heap
// limit ends it when a document needs too much memory.

import { parseDocument, readLimits, type ParseJob } from './parse-document.ts';
import { serveJobs } from './thread-host.ts';

await serveJobs((engine) => readLimits(engine.config), (engine, limits, job) => parseDocument(engine, job as ParseJob, limits));
