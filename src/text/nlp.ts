// The one wrapper around compromise (part-of-speech tagging, number words). Nothing else imports
// compromise. It is loaded on first use, synchronously, through its CommonJS build: loading takes
// about a second, so callers use it only on the few spans their own rules cannot settle (an
// everyday-word skill name used like a verb, a number written in words beyond the common ones).

import { createRequire } from 'node:module';

/** The slice of compromise's API used here (`document` is its parsed form: sentences of terms). */
interface Term {
  text: string;
  pre: string;
  post: string;
  tags: Set<string>;
}
interface View {
  document: Term[][];
  numbers(): { get(): unknown[] };
}
type Nlp = (text: string) => View;

let nlp: Nlp | null = null;
let loadMs = 0;
let calls = 0;

function load(): Nlp {
  if (!nlp) {
    const t0 = performance.now();
    nlp = createRequire(import.meta.url)('compromise') as Nlp;
    loadMs = performance.now() - t0;
  }
  return nlp;
}

/** Loads compromise now, so a long-lived process (a parser thread) does not pay for it inside a document's budget. */
export function preloadNlp(): void {
  load();
}

/** Whether compromise has been loaded in this process, how long that took, and how often it ran. */
export function nlpStats(): { loaded: boolean; loadMs: number; calls: number } {
  return { loaded: nlp !== null, loadMs, calls };
}

/**
 * The part-of-speech tags compromise gives the word at [start, end) of `text`, read in its
 * sentence (`text` should be one sentence or line: compromise parses all of it). Empty when no
 * term starts there.
 */
export function tagsAt(text: string, start: number): string[] {
  calls++;
  // Terms keep the text around them (pre, post), so offsets add up; a term whose text is not
  // where the sum says (compromise normalised something) is looked for a little further on.
  let pos = 0;
  for (const sentence of load()(text).document) {
    for (const term of sentence) {
      pos += term.pre.length;
      if (!text.startsWith(term.text, pos)) {
        const found = text.indexOf(term.text, pos);
        if (found >= 0 && found - pos < 8) pos = found;
      }
      const end = pos + term.text.length;
      if (start >= pos && start < end) return [...term.tags];
      if (pos > start) return [];
      pos = end + term.post.length;
    }
  }
  return [];
}

/** Whether the word at `start` reads as a verb in its sentence ("make AI useful", "harness data"). */
export function isVerbAt(text: string, start: number): boolean {
  const tags = tagsAt(text, start);
  return tags.includes('Verb') && !tags.includes('Noun') && !tags.includes('ProperNoun');
}

const SMALL: Record<string, number> = {
  zero: 0, a: 1, an: 1, one: 1, single: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50 };
const NUMBER_WORD = /\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen|half|couple)\b/i;

/**
 * The first number written in `text`, in digits or words: "five years" -> 5, "two or more" -> 2,
 * "twenty-five" -> 25, "a dozen" -> 12, "one and a half" -> 1.5, "7" -> 7; null when there is none
 * ("several years"). Common words are read here; anything else with a number word goes to
 * compromise (loaded on first such call).
 */
export function numberFromWords(text: string): number | null {
  const s = text.trim().toLowerCase();
  const digits = /^\d+(?:\.\d+)?/.exec(s);
  if (digits) return Number(digits[0]);
  if (/^a\s+couple\b/.test(s)) return 2;
  // Fast path: "five", "twenty-five", "twenty five" at the start, not followed by more number words.
  const m = /^([a-z]+)(?:[\s-]+([a-z]+))?/.exec(s);
  if (m) {
    const first = m[1]!;
    const second = m[2];
    if (first in TENS && second && second in SMALL && SMALL[second]! < 10 && SMALL[second]! > 0 && !/^an?$/.test(second)) {
      return TENS[first]! + SMALL[second]!;
    }
    if (first in SMALL && !/^an?$/.test(first) && !(second && /^(?:and|hundred|thousand|dozen|half|point)$/.test(second))) return SMALL[first]!;
  }
  if (!NUMBER_WORD.test(s)) return null;
  calls++;
  const values = load()(text).numbers().get();
  for (const v of values) if (typeof v === 'number' && Number.isFinite(v)) return v;
  return null;
}
