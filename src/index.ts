// Public library API. No logic here.
export { createEngine, type Engine } from './engine.ts';
export type { Mention, Span, Warning } from './domain/types.ts';
export { RolefitError, ERRORS, type ErrorCode } from './errors.ts';
