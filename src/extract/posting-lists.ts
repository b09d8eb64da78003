// A bare list of skills under a label ("Must-have skills: html5, ajax, oop, REST;") is read item
// by item: each item its own requirement, never one requirement asking for all of them at once.
// A list worded as alternatives ("Java, C++, or C#", "one of: ...") stays whole (an OR-group),
// and so does a sentence with a list inside it ("Excellent written, verbal and interpersonal
// skills", "Experience with AWS, GCP and Azure": read by the requirement reader).

import type { Span } from '../domain/types.ts';
import type { ItemOpeners } from '../taxonomy/lexicons.ts';
import { trimChars } from '../text/trim.ts';
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

/** At least this many words in each piece of a run-together list. */
const MIN_RUN_ON_WORDS = 2;

/**
 * A requirement list run together without separators ("Must be a qualified RN Registered Nurse
 * Complete satisfactory POVA checks Able to demonstrate a proven track record"): its items, split
 * where a capitalised item opener (sections.yaml `itemOpeners`, or a word `opens` accepts: a duty
 * verb) follows a word with no punctuation after it that is not a joining word (sections.yaml `itemJoiners`: "and", "have"); each
 * item has at least two words. `[span]` when there is nothing to split.
 */
export function runOnItems(text: string, span: Span, openers: ItemOpeners, opens: (word: string) => boolean = () => false): Span[] {
  const s = text.slice(span.start, span.end);
  const ws = [...s.matchAll(/\S+/g)];
  if (ws.length < 2 * MIN_RUN_ON_WORDS) return [span];
  const cuts: number[] = [];
  let last = 0;
  for (let i = MIN_RUN_ON_WORDS; i <= ws.length - MIN_RUN_ON_WORDS; i++) {
    const prev = ws[i - 1]![0];
    const w = ws[i]![0];
    if (i - last < MIN_RUN_ON_WORDS || !/^\p{Lu}\p{Ll}/u.test(w) || !/[\p{L}\d)%]$/u.test(prev) || openers.joiners.has(trimChars(prev.toLowerCase(), '.'))) continue;
    const lower = ws.slice(i, i + openers.longest).map((m) => trimChars(m[0].toLowerCase(), ',.;:!?)'));
    let hit = opens(lower[0]!);
    for (let n = 1; !hit && n <= lower.length; n++) hit = openers.phrases.has(lower.slice(0, n).join(' '));
    if (!hit) continue;
    cuts.push(ws[i]!.index!);
    last = i;
  }
  if (!cuts.length) return [span];
  const bounds = [0, ...cuts, s.length];
  const out: Span[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const piece = s.slice(bounds[k], bounds[k + 1]);
    const a = span.start + bounds[k]! + (piece.length - piece.trimStart().length);
    const b = span.start + bounds[k]! + piece.trimEnd().length;
    if (b > a) out.push({ start: a, end: b });
  }
  return out;
}
