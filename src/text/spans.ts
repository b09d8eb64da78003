// Span arithmetic shared by the document readers.

import type { Span } from '../domain/types.ts';

/** Whether `s` lies wholly inside one of `spans`. */
export function insideAny(s: Span, spans: readonly Span[]): boolean {
  return spans.some((x) => s.start >= x.start && s.end <= x.end);
}
