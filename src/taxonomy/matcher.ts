// The phrase matcher: every taxonomy name and alias compiled once into a token trie; matching
// walks the trie from each token, longest match wins, and returns the concept and its span.
// Case-restricted forms ("SAS"), everyday-word names that need technical context ("Go",
// "Swift"), and veto phrases ("go to market", "excel at") are checked on the way.

import { tokenize, type Tokens } from '../text/tokenize.ts';

/** 0: any case. 1: exact case. 2: exact case and technical context nearby. */
export type FormMode = 0 | 1 | 2;

export interface MatcherConcept {
  /** Forms: surface text and how strictly it must match. */
  forms: Array<{ text: string; mode: FormMode }>;
  /** Phrases in which none of this concept's forms count. */
  notIn: string[];
  /** Whether a mention of this concept is technical context for an ambiguous neighbour. */
  technical: boolean;
}

export interface RawMatch {
  concept: number;
  /** Offsets into the text given to match(). */
  start: number;
  end: number;
}

interface Entry {
  concept: number;
  mode: FormMode;
  /** Form tokens as written, for exact-case comparison. */
  tokens: string[];
}

/** A candidate match over tokens i..j; pending/loose ones still need context. */
interface Found {
  concept: number;
  i: number;
  j: number;
  pending: boolean;
  loose: boolean;
}

interface TrieNode {
  next: Map<string, TrieNode> | null;
  entries: Entry[] | null;
}

interface Veto {
  keys: string[];
}

// Words that mark nearby text as technical, so "Go" or "Rust" there is the language.
const CUES = new Set([
  'programming', 'language', 'languages', 'lang', 'developer', 'developers', 'development', 'engineer',
  'engineers', 'engineering', 'code', 'coding', 'coder', 'scripting', 'scripts', 'framework', 'frameworks',
  'library', 'libraries', 'stack', 'sdk', 'api', 'apis', 'compiler', 'runtime', 'backend', 'frontend',
  'software', 'microservices', 'services', 'server', 'web', 'app', 'apps', 'application', 'applications',
  'database', 'databases', 'technologies', 'tech', 'technical', 'tools', 'tooling', 'proficiency',
  'proficient', 'experience', 'skills', 'knowledge', 'expertise', 'using', 'written', 'platform', 'cloud',
  'spreadsheets', 'spreadsheet', 'suite',
  // for spoken-language names that are also other words
  'fluent', 'fluency', 'native', 'speaker', 'speaking', 'spoken', 'bilingual', 'verbal',
]);

const BREAK_TOKENS = new Set(['.', '!', '?', ';', ':']);
const CONTEXT_WINDOW = 8;
/**
 * How many matches away a match's context check looks: its list neighbours (one away) and
 * confirmed technical names at most CONTEXT_WINDOW tokens away (each match is at least a token).
 */
const DEPENDS = CONTEXT_WINDOW + 1;

function keysOf(form: string): { keys: string[]; tokens: string[] } {
  const t = tokenize(form);
  const tokens = [...t.text];
  while (tokens.length > 1 && tokens[tokens.length - 1] === '.') tokens.pop(); // "B.S." = "B.S"
  return { keys: tokens.map((x) => x.toLowerCase()), tokens };
}

function pluralOf(word: string): string | null {
  if (!/^[a-z]{3,}$/.test(word) || word.endsWith('s')) return null;
  if (/(?:x|ch|sh)$/.test(word)) return `${word}es`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

export class PhraseMatcher {
  private readonly root: TrieNode = { next: null, entries: null };
  private readonly vetoes: Veto[][] = [];
  private readonly technical: Uint8Array;
  readonly formCount: number;

  constructor(concepts: MatcherConcept[]) {
    this.technical = new Uint8Array(concepts.length);
    const taken = new Map<string, number>(); // surface key -> mode-agnostic owner, first wins
    let count = 0;
    const plurals: Array<{ keys: string[]; entry: Entry }> = [];
    concepts.forEach((c, idx) => {
      this.technical[idx] = c.technical ? 1 : 0;
      this.vetoes[idx] = c.notIn.map((p) => ({ keys: keysOf(p).keys }));
      for (const f of c.forms) {
        const { keys, tokens } = keysOf(f.text);
        if (keys.length === 0) continue;
        const id = `${f.mode === 0 ? '' : tokens.join(' ')}|${keys.join(' ')}`;
        const owner = taken.get(id);
        if (owner !== undefined && owner !== idx) continue;
        if (owner === idx) continue;
        taken.set(id, idx);
        this.insert(keys, { concept: idx, mode: f.mode, tokens });
        count++;
        const last = keys[keys.length - 1]!;
        const plural = f.mode === 0 ? pluralOf(last) : null;
        if (plural) plurals.push({ keys: [...keys.slice(0, -1), plural], entry: { concept: idx, mode: 0, tokens } });
      }
    });
    // Plural variants only where no real form already lives.
    for (const p of plurals) {
      const id = `|${p.keys.join(' ')}`;
      if (taken.has(id)) continue;
      taken.set(id, p.entry.concept);
      this.insert(p.keys, p.entry);
    }
    for (const node of this.walk(this.root)) {
      node.entries?.sort((a, b) => a.mode - b.mode);
    }
    this.formCount = count;
  }

  private *walk(node: TrieNode): Generator<TrieNode> {
    yield node;
    if (node.next) for (const child of node.next.values()) yield* this.walk(child);
  }

  private insert(keys: string[], entry: Entry): void {
    let node = this.root;
    for (const k of keys) {
      node.next ??= new Map();
      let child = node.next.get(k);
      if (!child) { child = { next: null, entries: null }; node.next.set(k, child); }
      node = child;
    }
    (node.entries ??= []).push(entry);
  }

  /** All matches in `text`, left to right, non-overlapping, longest first. */
  match(text: string, tokens?: Tokens): RawMatch[] {
    const t = tokens ?? tokenize(text);
    const found: Found[] = [];
    let i = 0;
    while (i < t.length) {
      let node: TrieNode | undefined = this.root;
      let best: Found | null = null;
      for (let j = i; j < t.length; j++) {
        node = node.next?.get(t.key[j]!);
        if (!node) break;
        if (j > i && hasNewline(text, t.end[j - 1]!, t.start[j]!) && !wrapped(text, t, i, j)) break;
        if (node.entries) {
          const p = this.pick(node.entries, t, i, j);
          if (p) best = { concept: p.e.concept, i, j, pending: p.e.mode === 2, loose: p.loose };
        }
      }
      if (best) { found.push(best); i = best.j + 1; } else i++;
    }
    // Resolve context-dependent matches until nothing changes: "Rust or Go" confirm each other
    // once one of them has a cue ("for systems programming").
    const segment = found.some((f) => f.pending) ? segments(text, t) : new Int32Array(0);
    this.resolve(found, text, t, segment);
    // What still needs context found none.
    const out: RawMatch[] = [];
    for (const f of found) if (!f.pending && !f.loose) out.push({ concept: f.concept, start: t.start[f.i]!, end: t.end[f.j]! });
    return out;
  }

  /**
   * Confirms pending and loose matches that have context, in passes over the matches from left to
   * right until a pass confirms none: each pass sees the confirmations made before it in that pass.
   * A match's answer depends only on matches at most DEPENDS matches away, so instead of a full
   * rescan per pass (quadratic on a long chain that confirms one match per pass), a pass re-reads
   * only matches near one confirmed since they were last read: the ones to its right later in the
   * same pass, the ones to its left in the next pass. The result is that of full passes.
   */
  private resolve(found: Found[], text: string, t: Tokens, segment: Int32Array): void {
    const open = (k: number): boolean => found[k]!.pending || found[k]!.loose;
    let pass: number[] = [];
    for (let k = 0; k < found.length; k++) if (open(k)) pass.push(k); // sorted: a valid min-heap
    const inPass = new Uint8Array(found.length);
    const inNext = new Uint8Array(found.length);
    for (const k of pass) inPass[k] = 1;
    while (pass.length) {
      const next: number[] = [];
      while (pass.length) {
        const k = heapPop(pass);
        inPass[k] = 0;
        if (!open(k)) continue;
        const f = found[k]!;
        if (!(f.loose ? this.inTechList(found, k, text, t) : this.hasContext(found, k, text, t, segment))) continue;
        f.pending = false;
        f.loose = false;
        for (let d = Math.max(0, k - DEPENDS); d <= Math.min(found.length - 1, k + DEPENDS); d++) {
          if (d === k || !open(d)) continue;
          if (d > k) { if (!inPass[d]) { inPass[d] = 1; heapPush(pass, d); } }
          else if (!inNext[d]) { inNext[d] = 1; next.push(d); }
        }
      }
      next.sort((a, b) => a - b);
      for (const d of next) { inNext[d] = 0; inPass[d] = 1; }
      pass = next;
    }
  }

  /** The entry that matches tokens i..j; `loose` marks an ambiguous form written in another case. */
  private pick(entries: Entry[], t: Tokens, i: number, j: number): { e: Entry; loose: boolean } | null {
    for (const e of entries) {
      let loose = false;
      if (e.mode !== 0) {
        if (e.tokens.length !== j - i + 1) continue;
        let same = true;
        for (let k = 0; k < e.tokens.length; k++) if (t.text[i + k] !== e.tokens[k]) { same = false; break; }
        // "angular/react", "java, go": an everyday-word name in lower case still counts inside a
        // list of technical names (checked once all matches are known).
        if (!same) {
          if (e.mode !== 2) continue;
          loose = true;
        }
      }
      if (this.vetoed(e.concept, t, i, j)) continue;
      return { e, loose };
    }
    return null;
  }

  private vetoed(concept: number, t: Tokens, i: number, j: number): boolean {
    for (const v of this.vetoes[concept]!) {
      const P = v.keys;
      for (let p = 0; p < P.length; p++) {
        if (P[p] !== t.key[i]) continue;
        const from = i - p;
        if (from < 0 || from + P.length > t.length || from + P.length - 1 < j) continue;
        let ok = true;
        for (let k = 0; k < P.length; k++) if (t.key[from + k] !== P[k]) { ok = false; break; }
        if (ok) return true;
      }
    }
    return false;
  }

  /** A neighbour on either side, accepted by `ok`, is a technical name joined to this one by list punctuation only. */
  private listedWithTechnical(found: Found[], k: number, text: string, t: Tokens, ok: (o: Found) => boolean): boolean {
    const f = found[k]!;
    if (!this.technical[f.concept]) return false;
    for (const m of [k - 1, k + 1]) {
      const o = found[m];
      if (o && ok(o) && this.technical[o.concept] && listed(text, t, m < k ? o : f, m < k ? f : o)) return true;
    }
    return false;
  }

  /** A loose form counts inside a list of confirmed technical names. */
  private inTechList(found: Found[], k: number, text: string, t: Tokens): boolean {
    return this.listedWithTechnical(found, k, text, t, (o) => !o.pending && !o.loose);
  }

  private hasContext(found: Found[], k: number, text: string, t: Tokens, segment: Int32Array): boolean {
    const f = found[k]!;
    const seg = segment[f.i]!;
    // "Spring and Hibernate", "Chef or Puppet": two everyday-word names listed together vouch for each other.
    if (this.listedWithTechnical(found, k, text, t, (o) => o.pending)) return true;
    // A technical mention nearby in the same sentence.
    for (const dir of [-1, 1]) {
      for (let m = k + dir; m >= 0 && m < found.length; m += dir) {
        const o = found[m]!;
        if (segment[o.i] !== seg) break;
        const gap = dir < 0 ? f.i - o.j : o.i - f.j;
        if (gap > CONTEXT_WINDOW) break;
        if (!o.pending && this.technical[o.concept]) return true;
      }
    }
    // A cue word nearby ("Go programming", "experience in Rust").
    const lo = Math.max(0, f.i - 4);
    const hi = Math.min(t.length - 1, f.j + 4);
    for (let m = lo; m <= hi; m++) {
      if (m >= f.i && m <= f.j) continue;
      if (segment[m] === seg && CUES.has(t.key[m]!)) return true;
    }
    return false;
  }
}

/** Whether two matches (a before b) are items of one list: only ",", "/", "&", "and", "or" between. */
function listed(text: string, t: Tokens, a: Found, b: Found): boolean {
  const gap = text.slice(t.end[a.j]!, t.start[b.i]!);
  return gap.length <= 6 && /^[\s,/|&+;]*$/.test(gap.replace(/\b(?:and|or)\b/i, ''));
}

/**
 * Whether the line break between tokens j-1 and j (inside a match that began at token i) is a
 * wrap of running text ("machine\nlearning", "Google Cloud\nPlatform" in PDF text) rather than a
 * boundary: exactly one line break with only spaces around it (or a hyphen just before it), the
 * match starts after other text on its line (a line that is only the start of a name is a list
 * item or a heading), that line is not an all-caps heading, and the next line does not begin with
 * a capital after a lower-case word (a new item or sentence).
 */
function wrapped(text: string, t: Tokens, i: number, j: number): boolean {
  const from = t.end[j - 1]!;
  const to = t.start[j]!;
  let newlines = 0;
  for (let c = from; c < to; c++) {
    const code = text.charCodeAt(c);
    if (code === 10) newlines++;
    else if (code === 0x2d) { if (newlines > 0) return false; } // "- Script": a bullet after the break
    else if (code !== 0x20 && code !== 0x09 && code !== 0x0d && code !== 0xa0) return false;
  }
  if (newlines !== 1) return false;
  // The match's first line: its start, and text before the match on it.
  let lineStart = t.start[i]!;
  while (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10) lineStart--;
  const before = text.slice(lineStart, t.start[i]!);
  if (!/[\p{L}\p{N}]/u.test(before)) return false;
  // "TECHNICAL SKILLS\nManagement": an all-caps line is a heading.
  if (!/\p{Ll}/u.test(text.slice(lineStart, from))) return false;
  return !(isLower(t.text[j - 1]!.charCodeAt(0)) && isUpper(t.text[j]!.charCodeAt(0)));
}

function isLower(c: number): boolean {
  return c >= 0x61 && c <= 0x7a;
}

function isUpper(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}

function hasNewline(text: string, from: number, to: number): boolean {
  for (let c = from; c < to; c++) if (text.charCodeAt(c) === 10) return true;
  return false;
}

/** Sentence-ish segment number per token: a new one after . ! ? ; : and at line breaks. */
function segments(text: string, t: Tokens): Int32Array {
  const seg = new Int32Array(t.length);
  let s = 0;
  for (let k = 0; k < t.length; k++) {
    if (k > 0 && (BREAK_TOKENS.has(t.text[k - 1]!) || hasNewline(text, t.end[k - 1]!, t.start[k]!))) s++;
    seg[k] = s;
  }
  return seg;
}

function heapPush(heap: number[], x: number): void {
  let i = heap.length;
  heap.push(x);
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (heap[parent]! <= x) break;
    heap[i] = heap[parent]!;
    i = parent;
  }
  heap[i] = x;
}

function heapPop(heap: number[]): number {
  const top = heap[0]!;
  const last = heap.pop()!;
  if (heap.length) {
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= heap.length) break;
      const c = l + 1 < heap.length && heap[l + 1]! < heap[l]! ? l + 1 : l;
      if (heap[c]! >= last) break;
      heap[i] = heap[c]!;
      i = c;
    }
    heap[i] = last;
  }
  return top;
}
