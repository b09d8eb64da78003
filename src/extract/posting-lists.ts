// A bare list of skills under a label ("Must-have skills: html5, ajax, oop, REST;") is read item
// by item: each item its own requirement, never one requirement asking for all of them at once.
// A list worded as alternatives ("Java, C++, or C#", "one of: ...") stays whole (an OR-group),
// and so does a sentence with a list inside it ("Excellent written, verbal and interpersonal
// skills", "Experience with AWS, GCP and Azure": read by the requirement reader).

import type { Span } from '../domain/types.ts';
import { looksLikeQualification } from './requirement.ts';

const ALTERNATIVES = /\b(?:or|either|one of|any of|such as|e\.g|for example|like|and\/or|including|incl|especially|particularly|namely|etc)\b/i;
/** Words that make an item a clause, not a list entry. */
const CLAUSE = /\b(?:is|are|be|have|has|must|should|will|can|able|who|which|that|you|we|our|your|years?|experience|knowledge|understanding|ability)\b/i;
const MAX_ITEM_WORDS = 3;

/** The items of `span` when it is a bare list of two or more short entries, else `[span]`. */
export function listItems(text: string, span: Span): Span[] {
  const s = text.slice(span.start, span.end);
  if (s.length > 600 || looksLikeQualification(s) || ALTERNATIVES.test(s)) return [span];
  const items: Span[] = [];
  let depth = 0;
  let start = span.start;
  const push = (end: number): boolean => {
    let a = start;
    let b = end;
    while (a < b && /[\s,;|•·-]/.test(text[a]!)) a++;
    while (b > a && /[\s,;|•·.]/.test(text[b - 1]!)) b--;
    if (b <= a) return true;
    const item = text.slice(a, b).replace(/^and\s+/i, '');
    const words = item.split(/\s+/).length;
    if (words > MAX_ITEM_WORDS || CLAUSE.test(item)) return false;
    items.push({ start: b - item.length, end: b });
    return true;
  };
  for (let i = span.start; i < span.end; i++) {
    const c = text[i]!;
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (c === ',' || c === ';' || c === '|' || c === '•')) {
      if (!push(i)) return [span];
      start = i + 1;
    }
  }
  if (!push(span.end)) return [span];
  return items.length >= 2 ? items : [span];
}
