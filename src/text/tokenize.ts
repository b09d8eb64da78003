// A tokenizer for résumé and posting text that keeps technology names whole (C++, C#, F#,
// .NET, Node.js, ASP.NET, and the slash compounds CI/CD, TCP/IP, A/B, 24/7, PL/SQL) and reports
// offsets. Other slash- and ampersand-joined words ("HTML5/CSS3", "R&D") come out as word,
// punct, word, so "HTML5/CSS3" still yields both names and a phrase matcher sees "R & D".

export interface Tokens {
  /** Token text as written. */
  text: string[];
  /** Lower-cased text: the key phrase matching uses. */
  key: string[];
  /** keyHash of each key: lets a matcher find a key in its tables without hashing strings. */
  hash: Int32Array;
  start: Int32Array;
  end: Int32Array;
  /** 1 for word tokens (letters/digits), 0 for punctuation. */
  isWord: Uint8Array;
  length: number;
}

const NON_ASCII_WORD = /[\p{L}\p{N}\p{M}]/u;

function isWordCode(c: number, s: string, i: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  return NON_ASCII_WORD.test(s[i]!);
}

function isSpaceCode(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0xa0;
}

function isUpper(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}

/** Hyphens and underscores separate tokens without becoming tokens ("front-end" = "front end"). */
function isSeparator(c: number): boolean {
  return c === 0x2d || c === 0x5f;
}

/** A dot inside a word continues it for "node.js", "ASP.NET", "v2.0", not for "end.Next". */
function dotContinues(s: string, dot: number, wordStart: number): boolean {
  let j = dot + 1;
  while (j < s.length && isWordCode(s.charCodeAt(j), s, j)) j++;
  const seg = s.slice(dot + 1, j);
  if (seg.length === 0) return false;
  if (seg.length <= 4) return true;
  if (seg === seg.toLowerCase() || seg === seg.toUpperCase()) return true;
  // "Experience.Strong": a capitalised word after a dot begins a new sentence.
  return !isUpper(seg.charCodeAt(0)) && dot - wordStart < 2;
}

/** Slash compounds that are one name, not two alternatives. */
const SLASH_WHOLE = new Set(['ci/cd', 'tcp/ip', 'udp/ip', 'a/b', '24/7', '24x7', 'i/o', 'pl/sql', 't/sql', 'ui/ux', 'ux/ui', 'b2b/b2c', 'p/e', 'r/3', 'os/2', 'as/400', 'n/a', 'w/o']);

export function tokenize(s: string): Tokens {
  const text: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const words: number[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (isSpaceCode(c) || isSeparator(c)) { i++; continue; }
    const leadingDot = c === 0x2e && i + 1 < n && isWordCode(s.charCodeAt(i + 1), s, i + 1) &&
      (i === 0 || !isWordCode(s.charCodeAt(i - 1), s, i - 1)) && !isDigit(s.charCodeAt(i + 1));
    if (isWordCode(c, s, i) || leadingDot) {
      const start = i;
      i += leadingDot ? 2 : 1;
      for (;;) {
        while (i < n && isWordCode(s.charCodeAt(i), s, i)) i++;
        if (i + 1 < n && s.charCodeAt(i) === 0x2e && isWordCode(s.charCodeAt(i + 1), s, i + 1) && dotContinues(s, i, start)) { i++; continue; }
        break;
      }
      // C++, G++, Notepad++ ; C#, F#, J# (one letter before #)
      if (s.charCodeAt(i) === 0x2b && s.charCodeAt(i + 1) === 0x2b) i += 2;
      else if (s.charCodeAt(i) === 0x23 && i - start === 1 && (i + 1 >= n || !isWordCode(s.charCodeAt(i + 1), s, i + 1))) i += 1;
      // CI/CD, TCP/IP, 24/7: join "word/word" when the pair is a known single name.
      if (s.charCodeAt(i) === 0x2f && i + 1 < n && isWordCode(s.charCodeAt(i + 1), s, i + 1)) {
        let j = i + 1;
        while (j < n && isWordCode(s.charCodeAt(j), s, j)) j++;
        if (SLASH_WHOLE.has(s.slice(start, j).toLowerCase())) i = j;
      }
      text.push(s.slice(start, i)); starts.push(start); ends.push(i); words.push(1);
      continue;
    }
    const w = c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    text.push(s.slice(i, i + w)); starts.push(i); ends.push(i + w); words.push(0);
    i += w;
  }
  // new Int32Array(array) copies directly; Int32Array.from walks the array's iterator.
  const key = new Array<string>(text.length);
  const hash = new Int32Array(text.length);
  for (let k = 0; k < text.length; k++) {
    key[k] = text[k]!.toLowerCase();
    hash[k] = keyHash(key[k]!);
  }
  return {
    text,
    key,
    hash,
    start: new Int32Array(starts),
    end: new Int32Array(ends),
    isWord: new Uint8Array(words),
    length: text.length,
  };
}

/** A 32-bit FNV-1a hash of a string's UTF-16 code units. */
export function keyHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
