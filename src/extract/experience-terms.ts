// The word stems text relevance reads: from each position of a résumé (its own text, with lines
// naming a personal attribute left out, so age, gender or nationality never count), and from a
// posting's requirements, responsibilities and title.

import type { Position } from '../domain/resume.ts';
import type { Span } from '../domain/types.ts';
import type { Taxonomy } from '../taxonomy/taxonomy.ts';
import { contentTerms } from '../text/terms.ts';

/** At most this many terms per position (a pasted essay adds nothing a recruiter reads). */
const MAX_TERMS = 400;
/**
 * At most this many per posting, in reading order: title and requirements first, then
 * responsibilities (every pair probes each posting term, so this bounds the cost of a pair).
 */
const MAX_POSTING_TERMS = 150;

function capped(terms: string[], max = MAX_TERMS): string[] {
  return terms.slice(0, max).sort();
}

/** Sets each position's `terms` from its text (`input` is the text the spans point into). */
export function addPositionTerms(tax: Taxonomy, input: string, positions: Position[]): void {
  for (const p of positions) {
    const lines = input.slice(p.span.start, p.span.end).split('\n').filter((l) => tax.terms.personal.find(l).length === 0);
    p.terms = capped(contentTerms(lines.join('\n')));
  }
}

/**
 * The posting's terms: its title, requirement lines and responsibility sections; a posting with
 * none of these (one flattened paragraph) gives its body.
 */
export function postingTerms(text: string, title: string | null, requirements: Array<{ text: string }>, responsibilities: Span[], body: Span): string[] {
  const parts = [title ?? '', ...requirements.map((r) => r.text), ...responsibilities.map((s) => text.slice(s.start, s.end))];
  if (requirements.length === 0 && responsibilities.length === 0) parts.push(text.slice(body.start, body.end));
  return capped(contentTerms(parts.join('\n')), MAX_POSTING_TERMS);
}
