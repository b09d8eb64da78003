// The phrase matcher: every taxonomy name and alias compiled once into a token trie; matching
// walks the trie from each token, longest match wins, and returns the concept and its span.
// Case-restricted forms ("SAS"), everyday-word names that need technical context ("Go",
// "Swift"), and veto phrases ("go to market", "excel at") are checked on the way.

import { deletions, jaroWinkler } from '../text/fuzzy.ts';
import { isVerbAt } from '../text/nlp.ts';
import { keyHash, tokenize, type Tokens } from '../text/tokenize.ts';

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
  /** Matched through an everyday-word form ("Go", "make", "Harness"). */
  everyday: boolean;
  /** A misspelt name ("Kubernates"): counts only as an item of a punctuated list of technical names. */
  fuzzy?: boolean;
}

/** A product name a misspelling may stand for. */
interface FuzzyForm {
  concept: number;
  key: string;
}

interface TrieNode {
  next: Map<string, TrieNode> | null;
  entries: Entry[] | null;
}

/** The first slot to probe for edge (node, key hash) in a table of 2^(32 - shift) slots: the top bits of a multiplicative hash. */
function slotOf(node: number, hash: number, shift: number): number {
  return Math.imul(Math.imul(node, 0x9e3779b1) ^ hash, 0x85ebca77) >>> shift;
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
  // labels of résumé skill lists ("Operating Systems: Windows", "IDE: Eclipse", "ORM tool: Hibernate")
  'operating', 'os', 'platforms', 'ide', 'ides', 'orm', 'tool',
  // for spoken-language names that are also other words
  'fluent', 'fluency', 'native', 'speaker', 'speaking', 'spoken', 'bilingual', 'verbal',
]);

const BREAK_TOKENS = new Set(['.', '!', '?', ';', ':']);
/** A version number: dotted ("3.0", "v2.0.9") or a number with a release letter ("9i", "11g", "2K"); not a bare number or a year. */
const VERSION = /^v?\d+(?:\.\d+)+$|^\d{1,2}[a-z]$/;
/** Most tokens a label before a colon may have and still be a label ("Operating Systems: Windows"). */
const LABEL_TOKENS = 4;
/** Tokens that join the items of a list: a misspelt name is looked for only next to one. */
const LIST_JOINS = new Set([',', '/', '|', ';', '(', ')', '&', '+', 'and', 'or']);
/** Shortest name (and token) a misspelling is looked for: "Goa" is not "Go", "Jav" not "Java". */
const FUZZY_MIN = 6;
/** Shortest name a misspelling with one changed letter is looked for. */
const FUZZY_SUBSTITUTION_MIN = 10;
/** How many looked-up tokens the matcher remembers before starting over. */
const FUZZY_CACHE = 50_000;
/** Jaro–Winkler similarity a misspelling needs (on top of being one edit away). */
const FUZZY_SIMILARITY = 0.93;
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
  /** The trie while it is built; compiled into the arrays below, then dropped. */
  private root: TrieNode | null = { next: null, entries: null };
  /**
   * Open-addressing table of trie edges, three ints a slot: parent node, key hash (keyHash of the
   * token key), child node (-1: empty). Typed arrays, not a Map per node: a token costs a probe or
   * two in one compact table instead of string-keyed lookups spread over the heap.
   */
  private edges: Int32Array = new Int32Array(0);
  private edgeMask = 0;
  private edgeShift = 32;
  /** Entries ending at each node (by node number; the root is 0). */
  private nodeEntries: Array<Entry[] | null> = [];
  /** The token key on the edge into each node, to confirm a hash hit. */
  private nodeKey: string[] = [];
  /**
   * One bit per value of a key hash's top 16 bits, set for the root's edges: most words start
   * no name, and this 8 KB filter (which stays in cache) rules out most of them without a probe.
   */
  private rootFilter = new Uint8Array(8192);
  private readonly vetoes: Veto[][] = [];
  private readonly technical: Uint8Array;
  /** Product names (and their one-deletion variants) of technical concepts, for misspellings. */
  private readonly fuzzyIndex = new Map<string, FuzzyForm[]>();
  /** Token key -> the concept it misspells (-1: none), for tokens already looked up. */
  private readonly fuzzySeen = new Map<string, number>();
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
        if (c.technical && f.mode === 0 && keys.length === 1 && /[A-Z]/.test(f.text)) this.indexFuzzy(idx, keys[0]!);
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
    for (const node of this.walk(this.root!)) {
      node.entries?.sort((a, b) => a.mode - b.mode);
    }
    this.compile(this.root!);
    this.root = null;
    this.formCount = count;
  }

  /** The built trie as integer nodes and one flat edge table. */
  private compile(root: TrieNode): void {
    const nodes: TrieNode[] = [root];
    const keys: string[] = [''];
    const edges: Array<[number, number, number]> = [];
    for (let n = 0; n < nodes.length; n++) {
      const node = nodes[n]!;
      if (node.next) {
        for (const [key, child] of node.next) {
          edges.push([n, keyHash(key), nodes.length]);
          nodes.push(child);
          keys.push(key);
        }
      }
    }
    let bits = 4;
    while (1 << bits < edges.length * 2) bits++;
    const table = new Int32Array((1 << bits) * 3).fill(-1);
    const mask = (1 << bits) - 1;
    this.edgeShift = 32 - bits;
    for (const [parent, hash, child] of edges) {
      if (parent === 0) this.rootFilter[hash >>> 19]! |= 1 << ((hash >>> 16) & 7);
      let slot = slotOf(parent, hash, this.edgeShift);
      while (table[slot * 3] !== -1) slot = (slot + 1) & mask;
      table[slot * 3] = parent;
      table[slot * 3 + 1] = hash;
      table[slot * 3 + 2] = child;
    }
    this.edges = table;
    this.edgeMask = mask;
    this.nodeEntries = nodes.map((x) => x.entries);
    this.nodeKey = keys;
  }

  /** The child of `node` along token k of `t`, or -1. */
  private child(node: number, t: Tokens, k: number): number {
    const table = this.edges;
    const mask = this.edgeMask;
    const hash = t.hash[k]!;
    if (node === 0 && !(this.rootFilter[hash >>> 19]! & (1 << ((hash >>> 16) & 7)))) return -1;
    for (let slot = slotOf(node, hash, this.edgeShift); ; slot = (slot + 1) & mask) {
      const p = table[slot * 3]!;
      if (p === -1) return -1;
      if (p === node && table[slot * 3 + 1] === hash) {
        const c = table[slot * 3 + 2]!;
        if (this.nodeKey[c] === t.key[k]) return c;
      }
    }
  }

  private indexFuzzy(concept: number, key: string): void {
    if (key.length < FUZZY_MIN || !/^[a-z][a-z0-9]*$/.test(key)) return;
    const form = { concept, key };
    for (const k of [key, ...deletions(key)]) {
      const list = this.fuzzyIndex.get(k);
      if (!list) this.fuzzyIndex.set(k, [form]);
      else if (!list.some((x) => x.key === key)) list.push(form);
    }
  }

  /**
   * The concept a misspelt token stands for, when confident: the token is no name itself, sits
   * next to list punctuation, is one edit from exactly one product name of at least FUZZY_MIN
   * letters with the same first letter (not its plural), and Jaro–Winkler agrees.
   */
  private misspelt(t: Tokens, i: number): number {
    const w = t.key[i]!;
    if (w.length < FUZZY_MIN || !t.isWord[i]) return -1;
    const node = this.child(0, t, i);
    if (node >= 0 && this.nodeEntries[node]) return -1;
    const prev = i > 0 ? t.key[i - 1]! : '';
    const next = i + 1 < t.length ? t.key[i + 1]! : '';
    if (!LIST_JOINS.has(prev) && !LIST_JOINS.has(next)) return -1;
    const known = this.fuzzySeen.get(w);
    if (known !== undefined) return known;
    const found = this.lookupMisspelt(w);
    // Words recur across documents (Zipf): remember answers, up to a bound.
    if (this.fuzzySeen.size >= FUZZY_CACHE) this.fuzzySeen.clear();
    this.fuzzySeen.set(w, found);
    return found;
  }

  private lookupMisspelt(w: string): number {
    if (!/^[a-z][a-z0-9]*$/.test(w)) return -1;
    let best = -1;
    let bestScore = 0;
    let tie = false;
    for (const k of [w, ...deletions(w)]) {
      for (const f of this.fuzzyIndex.get(k) ?? []) {
        if (f.key === w || f.key[0] !== w[0] || Math.abs(f.key.length - w.length) > 1) continue;
        if (!typo(w, f.key)) continue;
        const score = jaroWinkler(w, f.key);
        if (score < FUZZY_SIMILARITY) continue;
        if (score > bestScore) { best = f.concept; bestScore = score; tie = false; }
        else if (score === bestScore && f.concept !== best) tie = true;
      }
    }
    return tie ? -1 : best;
  }

  private *walk(node: TrieNode): Generator<TrieNode> {
    yield node;
    if (node.next) for (const child of node.next.values()) yield* this.walk(child);
  }

  private insert(keys: string[], entry: Entry): void {
    let node = this.root!;
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
      let node = 0;
      let best: Found | null = null;
      for (let j = i; j < t.length; j++) {
        node = this.child(node, t, j);
        if (node < 0) break;
        if (j > i && hasNewline(text, t.end[j - 1]!, t.start[j]!) && !wrapped(text, t, i, j)) break;
        const entries = this.nodeEntries[node];
        if (entries) {
          const p = this.pick(entries, t, i, j);
          if (p) best = { concept: p.e.concept, i, j, pending: p.e.mode === 2, loose: p.loose, everyday: p.e.mode === 2 };
        }
      }
      if (best) { found.push(best); i = best.j + 1; continue; }
      if (this.fuzzyIndex.size) {
        const concept = this.misspelt(t, i);
        if (concept >= 0) found.push({ concept, i, j: i, pending: false, loose: true, everyday: false, fuzzy: true });
      }
      i++;
    }
    // Resolve context-dependent matches until nothing changes: "Rust or Go" confirm each other
    // once one of them has a cue ("for systems programming").
    const segment = found.some((f) => f.pending) ? segments(text, t) : new Int32Array(0);
    this.resolve(found, text, t, segment);
    // What still needs context found none; an everyday-word name confirmed by context alone, not
    // as an item of a punctuated list, is dropped where it reads as a verb ("make AI useful").
    const out: RawMatch[] = [];
    for (let k = 0; k < found.length; k++) {
      const f = found[k]!;
      if (f.pending || f.loose) continue;
      if (f.everyday && this.verbNotItem(found, k, text, t)) continue;
      out.push({ concept: f.concept, start: t.start[f.i]!, end: t.end[f.j]! });
    }
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
          // "ORACLE (3 years), JAVA (3 years)": a name in capitals says nothing about its case,
          // so it needs context like the name as written, not a list of names.
          loose = !shouted(t, i, e.tokens);
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

  /**
   * Whether a confirmed everyday-word name is used as a verb: not an item of a punctuated list,
   * not next to a bracket or a cue word ("Go (Golang)", "Swift language"), written in lower case
   * or followed by a lower-case word, and tagged a verb by the part-of-speech tagger in its line.
   * Only these few candidates are tagged.
   */
  private verbNotItem(found: Found[], k: number, text: string, t: Tokens): boolean {
    const f = found[k]!;
    if (f.j !== f.i) return false;
    for (const m of [k - 1, k + 1]) {
      const o = found[m];
      if (o && !o.pending && !o.loose && punctuatedList(text, t, m < k ? o : f, m < k ? f : o)) return false;
    }
    const prev = f.i > 0 ? t.text[f.i - 1]! : '';
    const next = f.j + 1 < t.length ? t.text[f.j + 1]! : '';
    if (/^[()[\]/&+|,]$/.test(prev) || /^[()[\]/&+|,:]$/.test(next)) return false;
    if (CUES.has(next.toLowerCase())) return false;
    // "Java Python Go Rust", "typescript javascript react go": a name between other names (or
    // line ends) is an item; a capitalised one followed by no lower-case word too ("React or
    // Vue"). "make AI useful", "Go beyond the code", "Spring into action" read on as a clause.
    const before = found[k - 1];
    const after = found[k + 1];
    const prevIsName = before !== undefined && before.j === f.i - 1 && !before.pending && !before.loose;
    const nextIsName = after !== undefined && after.i === f.j + 1 && !after.pending && !after.loose;
    const prevEdge = f.i === 0 || hasNewline(text, t.end[f.i - 1]!, t.start[f.i]!) || !t.isWord[f.i - 1];
    const nextEdge = f.j + 1 >= t.length || hasNewline(text, t.end[f.j]!, t.start[f.j + 1]!) || !t.isWord[f.j + 1];
    if ((prevIsName || prevEdge) && (nextIsName || nextEdge)) return false;
    const lowerWord = next !== '' && isLower(next.charCodeAt(0)) && next !== 'or' && next !== 'and';
    // A capitalised name inside a sentence reads as a name (the tagger says so too); one that
    // opens a line or sentence and runs on into lower-case words may be an imperative ("Go beyond").
    if (!isLower(t.text[f.i]!.charCodeAt(0)) && (nextIsName || !lowerWord || !prevEdge)) return false;
    // The line (or sentence) around the name.
    let a = t.start[f.i]!;
    while (a > 0 && text.charCodeAt(a - 1) !== 10) a--;
    let b = t.end[f.j]!;
    while (b < text.length && text.charCodeAt(b) !== 10) b++;
    if (b - a > 400) {
      a = Math.max(a, t.start[f.i]! - 200);
      b = Math.min(b, t.end[f.j]! + 200);
    }
    return isVerbAt(text.slice(a, b), t.start[f.i]! - a);
  }

  /** A neighbour on either side, accepted by `ok`, is a technical name joined to this one by list punctuation only. */
  private listedWithTechnical(found: Found[], k: number, text: string, t: Tokens, ok: (o: Found) => boolean): boolean {
    const f = found[k]!;
    if (!this.technical[f.concept]) return false;
    const joined = f.fuzzy ? punctuatedList : listed;
    for (const m of [k - 1, k + 1]) {
      const o = found[m];
      if (o && ok(o) && !o.fuzzy && this.technical[o.concept] && joined(text, t, m < k ? o : f, m < k ? f : o)) return true;
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
    // A version right after the name ("Oracle 9i", "Flex 3.0", "Maven 2.0.9").
    if (f.j + 1 < t.length && VERSION.test(t.key[f.j + 1]!) && !hasNewline(text, t.end[f.j]!, t.start[f.j + 1]!)) return true;
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
  let gap = text.slice(t.end[a.j]!, t.start[b.i]!);
  // "ORACLE (3 years), JAVA": a short bracketed note on the first item (years, a level) is no break.
  if (gap.length > 6 && gap.length <= 30) gap = gap.replace(/^\s*\([^()\n]{1,22}\)/, '');
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

/** Whether tokens from i spell `tokens` (a capitalised name) in capital letters: "ORACLE" for "Oracle". */
function shouted(t: Tokens, i: number, tokens: string[]): boolean {
  for (let k = 0; k < tokens.length; k++) {
    const w = t.text[i + k]!;
    if (w.length < 3 || w !== tokens[k]!.toUpperCase() || w === tokens[k]) return false;
  }
  return true;
}

function isLower(c: number): boolean {
  return c >= 0x61 && c <= 0x7a;
}

function isUpper(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}

/** Whether two matches (a before b) are items of a list joined by punctuation or "and"/"or", not by a space alone. */
function punctuatedList(text: string, t: Tokens, a: Found, b: Found): boolean {
  const gap = text.slice(t.end[a.j]!, t.start[b.i]!);
  return gap.trim().length > 0 && listed(text, t, a, b);
}

const VOWEL = /^[aeiou]$/;

/**
 * Whether `w` reads as a typing slip for the name `key` rather than another word: exactly one
 * edit, of a kind people make. Two neighbouring letters swapped ("Pyhton"); a letter doubled
 * ("Postgress", "Matplottlib") or an extra vowel ("Nagious"); a letter dropped before the last
 * two ("Javascipt", "Sevlets"); a letter changed before the last two in a long name ("Kubernates";
 * in a short one it is often another word: "clarity" is not "Claroty", "talent" not "Talend"). Edits at the end are how names are made from words, so those are
 * not slips: "system" is not "SystemC", "network" not "NetworkX", "charts" not "Chart.js",
 * "informatics" not "Informatica"; nor is a plain plural ("Dockers").
 */
function typo(w: string, key: string): boolean {
  let p = 0;
  while (p < w.length && p < key.length && w[p] === key[p]) p++;
  if (w.length === key.length + 1) {
    if (w.slice(p + 1) !== key.slice(p)) return false;
    const extra = w[p]!;
    if (extra === w[p - 1] || extra === w[p + 1]) return !(p === key.length && extra === 's' && !key.endsWith('s'));
    return VOWEL.test(extra) && p < key.length - 1;
  }
  if (w.length + 1 === key.length) return w.slice(p) === key.slice(p + 1) && p < key.length - 2;
  if (w.length !== key.length || p >= key.length) return false;
  if (w[p] === key[p + 1] && w[p + 1] === key[p] && w.slice(p + 2) === key.slice(p + 2)) return true;
  if (w.slice(p + 1) !== key.slice(p + 1) || p >= key.length - 2) return false;
  return key.length >= FUZZY_SUBSTITUTION_MIN;
}

function hasNewline(text: string, from: number, to: number): boolean {
  for (let c = from; c < to; c++) if (text.charCodeAt(c) === 10) return true;
  return false;
}

/** Sentence-ish segment number per token: a new one after . ! ? ; : and at line breaks. */
function segments(text: string, t: Tokens): Int32Array {
  const seg = new Int32Array(t.length);
  let s = 0;
  let lineStart = 0; // first token of the current line
  for (let k = 0; k < t.length; k++) {
    if (k > 0) {
      const newline = hasNewline(text, t.end[k - 1]!, t.start[k]!);
      if (newline) lineStart = k;
      // A colon after a short label that opens its line ("Operating Systems: Windows", "IDE :
      // Eclipse") joins the label to its items: the label is their context.
      const label = !newline && t.text[k - 1] === ':' && k - 1 - lineStart <= LABEL_TOKENS && k - 1 > lineStart;
      if (newline || (BREAK_TOKENS.has(t.text[k - 1]!) && !label)) s++;
    }
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
