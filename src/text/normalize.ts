// Text normalization that remembers, for every output character, where it came from, so
// spans found in normalized text map back to the caller's original string.

import type { Span } from '../domain/types.ts';

export interface NormalizedText {
  /** The normalized text the extractors read. */
  text: string;
  /** origStart[i] / origEnd[i]: the original range that produced normalized char i. */
  origStart: Int32Array;
  origEnd: Int32Array;
  /** Length of the original text. */
  originalLength: number;
}

// Windows-1252 bytes that arrive as C1 control characters when text was mis-decoded.
const CP1252: Record<number, string> = {
  0x80: '€', 0x82: ',', 0x83: 'f', 0x84: '"', 0x85: '...', 0x86: '+', 0x87: '+', 0x88: '^',
  0x89: '%', 0x8a: 'S', 0x8b: '<', 0x8c: 'OE', 0x8e: 'Z', 0x91: "'", 0x92: "'", 0x93: '"',
  0x94: '"', 0x95: '•', 0x96: '-', 0x97: '-', 0x98: '~', 0x99: '(TM)', 0x9a: 's', 0x9b: '>',
  0x9c: 'oe', 0x9e: 'z', 0x9f: 'Y',
};

// Characters rewritten before NFKC: quotes, dashes and bullets in their many shapes.
const SIMPLE: Record<number, string> = {
  0x2018: "'", 0x2019: "'", 0x201a: "'", 0x201b: "'", 0x2032: "'", 0x00b4: "'", 0x0060: "'",
  0x201c: '"', 0x201d: '"', 0x201e: '"', 0x201f: '"', 0x2033: '"', 0x00ab: '"', 0x00bb: '"',
  0x2010: '-', 0x2011: '-', 0x2012: '-', 0x2013: '-', 0x2014: '-', 0x2015: '-', 0x2212: '-', 0xfe58: '-', 0xfe63: '-', 0xff0d: '-',
  0x2022: '•', 0x2023: '•', 0x2043: '•', 0x2219: '•', 0x25aa: '•', 0x25ab: '•', 0x25cf: '•', 0x25cb: '•',
  0x25e6: '•', 0x25a0: '•', 0x25a1: '•', 0x25ba: '•', 0x25b8: '•', 0x25b6: '•', 0x27a2: '•', 0x2794: '•',
  0x2713: '•', 0x2714: '•', 0x2756: '•', 0x2666: '•', 0x25c6: '•', 0x25c7: '•', 0xf0b7: '•', 0xf0a7: '•', 0xf076: '•', 0xf0d8: '•',
  0x00b7: '•', 0x2026: '...',
};

// UTF-8 read as Windows-1252 ("mojibake"): "â€“" was "–", "ï¼" + a lost byte was "－". The
// Windows-1252 characters that stand for the bytes 0x80-0x9F (the rest stand for themselves).
const CP1252_BYTE: Record<number, number> = {
  0x20ac: 0x80, 0x201a: 0x82, 0x0192: 0x83, 0x201e: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
  0x02c6: 0x88, 0x2030: 0x89, 0x0160: 0x8a, 0x2039: 0x8b, 0x0152: 0x8c, 0x017d: 0x8e, 0x2018: 0x91,
  0x2019: 0x92, 0x201c: 0x93, 0x201d: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02dc: 0x98,
  0x2122: 0x99, 0x0161: 0x9a, 0x203a: 0x9b, 0x0153: 0x9c, 0x017e: 0x9e, 0x0178: 0x9f,
};
// Three-byte sequences whose last byte has no Windows-1252 character and was dropped on the way:
// the two bytes left, and what they most often were (a full-width hyphen, a closing quote, a bullet).
const MOJIBAKE_CUT: Record<string, string> = { '\u00ef\u00bc': '-', '\u00e2\u20ac': '"', '\u00e2\u2014': '•' };

/** The byte a character stands for when UTF-8 was read as Windows-1252 (or Latin-1), if it is a continuation byte. */
function continuationByte(cp: number | undefined): number {
  if (cp === undefined) return -1;
  const b = cp <= 0xff ? cp : (CP1252_BYTE[cp] ?? -1);
  return b >= 0x80 && b <= 0xbf ? b : -1;
}

/**
 * A mojibake sequence at `i`: the character it was and how many characters it takes. Only the
 * shapes résumé text carries: two bytes for Latin letters and spaces (U+00A0-U+02FF), three for
 * punctuation and bullets (lead byte E2) and full-width or private-use forms (lead byte EF).
 */
function readMojibake(input: string, i: number): { ch: string; len: number } | null {
  const lead = input.charCodeAt(i);
  if (lead >= 0xc2 && lead <= 0xcb) {
    const b1 = continuationByte(input.charCodeAt(i + 1));
    return b1 < 0 ? null : { ch: String.fromCharCode(((lead & 0x1f) << 6) | (b1 & 0x3f)), len: 2 };
  }
  if (lead !== 0xe2 && lead !== 0xef) return null;
  const b1 = continuationByte(input.charCodeAt(i + 1));
  if (b1 < 0) return null;
  const b2 = continuationByte(input.charCodeAt(i + 2));
  if (b2 < 0) {
    const cut = MOJIBAKE_CUT[input.slice(i, i + 2)];
    return cut ? { ch: cut, len: 2 } : null;
  }
  return { ch: String.fromCharCode(((lead & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f)), len: 3 };
}

const ZERO_WIDTH = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad, 0x180e]);

function isSpace(cp: number): boolean {
  return cp === 0x20 || cp === 0x09 || cp === 0x0b || cp === 0x0c || cp === 0xa0 || cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200a) || cp === 0x202f || cp === 0x205f || cp === 0x3000;
}

function isNewline(cp: number): boolean {
  return cp === 0x0a || cp === 0x0d || cp === 0x2028 || cp === 0x2029;
}

const COMBINING = /\p{M}/u;

/**
 * NFKC, stray Windows-1252 bytes, unified quotes/dashes/bullets, no zero-width characters,
 * single spaces (a tab where a run of three or more spaces or a tab marked a column gap), `\n`
 * line ends (at most one blank line), no trailing spaces on a line.
 */
export interface NormalizeOptions {
  /**
   * Text whose line breaks were flattened into runs of spaces (copied from a PDF, or exported
   * as one line): read each run of two or more spaces as a line break.
   */
  gapsAsLines?: boolean;
}

/** Few line breaks but many double-space runs: the text's lines were flattened. */
export function looksFlattened(input: string): boolean {
  const newlines = (input.match(/\n/g) ?? []).length;
  const gaps = (input.match(/ {2}\S/g) ?? []).length;
  return input.length > 400 && newlines < input.length / 400 && gaps > input.length / 200;
}

export function normalizeText(input: string, opts: NormalizeOptions = {}): NormalizedText {
  const n = input.length;
  const chunks: string[] = [];
  let starts = new Int32Array(n + 16);
  let ends = new Int32Array(n + 16);
  let len = 0; // normalized characters written
  let lastChar = ''; // the last character written (to drop trailing newlines)
  let pendingSpace = -1; // original index of a space not yet written
  let pendingWide = false; // the pending run is a column gap (a tab, or three spaces or more)
  let pendingRun = 0; // length of the pending space run
  let newlines = 0; // consecutive newlines written
  let lineHasText = false;

  const reserve = (k: number): void => {
    if (len + k <= starts.length) return;
    const size = Math.max(starts.length * 2, len + k);
    const s2 = new Int32Array(size);
    const e2 = new Int32Array(size);
    s2.set(starts.subarray(0, len));
    e2.set(ends.subarray(0, len));
    starts = s2;
    ends = e2;
  };
  const emit = (str: string, from: number, to: number): void => {
    reserve(str.length);
    for (let k = 0; k < str.length; k++) { starts[len] = from; ends[len] = to; len++; }
    chunks.push(str);
    lastChar = str[str.length - 1]!;
  };
  const flushSpace = (): void => {
    if (pendingSpace >= 0 && lineHasText && opts.gapsAsLines && (pendingWide || pendingRun >= 2)) {
      emit('\n', pendingSpace, pendingSpace + 1);
      lineHasText = false;
    } else if (pendingSpace >= 0 && lineHasText) emit(pendingWide ? '\t' : ' ', pendingSpace, pendingSpace + 1);
    pendingSpace = -1;
    pendingWide = false;
  };
  const emitText = (str: string, from: number, to: number): void => {
    flushSpace();
    emit(str, from, to);
    lineHasText = true;
    newlines = 0;
  };

  let i = 0;
  while (i < n) {
    const cp = input.codePointAt(i)!;
    if (cp > 0x20 && cp < 0x7f && cp !== 0x60) {
      // A run of plain printable ASCII is copied as it is, one map entry per character.
      let j = i + 1;
      while (j < n) {
        const c = input.charCodeAt(j);
        if (c <= 0x20 || c >= 0x7f || c === 0x60) break;
        j++;
      }
      // A combining mark after the run belongs to its last character: leave that one to the slow path.
      if (j < n && input.charCodeAt(j) >= 0x300 && COMBINING.test(input[j]!)) j--;
      if (j > i) {
        flushSpace();
        reserve(j - i);
        for (let k = i; k < j; k++) { starts[len] = k; ends[len] = k + 1; len++; }
        chunks.push(input.slice(i, j));
        lastChar = input[j - 1]!;
        lineHasText = true;
        newlines = 0;
        i = j;
        continue;
      }
    }
    const width = cp > 0xffff ? 2 : 1;
    if (isNewline(cp)) {
      const end = cp === 0x0d && input.charCodeAt(i + 1) === 0x0a ? i + 2 : i + 1;
      pendingSpace = -1;
      if (newlines < 2 && len > 0) emit('\n', i, end);
      newlines += 1;
      lineHasText = false;
      i = end;
      continue;
    }
    if (isSpace(cp)) {
      if (pendingSpace < 0) { pendingSpace = i; pendingRun = 0; }
      pendingRun++;
      // Column gaps ("Senior Engineer      Jan 2019 – Present") survive as one tab.
      if (cp === 0x09 || i - pendingSpace >= 2) pendingWide = true;
      i += width;
      continue;
    }
    if (ZERO_WIDTH.has(cp) || cp < 0x20) { i += width; continue; }
    const moji = cp >= 0xc2 && cp <= 0xef ? readMojibake(input, i) : null;
    if (moji) {
      const c = moji.ch.charCodeAt(0);
      const mapped = SIMPLE[c] ?? (isSpace(c) ? ' ' : moji.ch.normalize('NFKC'));
      if (ZERO_WIDTH.has(c) || mapped.trim() === '') { if (!ZERO_WIDTH.has(c) && pendingSpace < 0) { pendingSpace = i; pendingRun = 1; } }
      else emitText(mapped, i, i + moji.len);
      i += moji.len;
      continue;
    }
    const c1 = CP1252[cp];
    if (c1 !== undefined) { emitText(c1, i, i + 1); i += 1; continue; }
    const simple = SIMPLE[cp];
    if (simple !== undefined) { emitText(simple, i, i + width); i += width; continue; }
    // A base character and the combining marks after it normalize together.
    let j = i + width;
    while (j < n) {
      const next = input.codePointAt(j)!;
      if (!COMBINING.test(String.fromCodePoint(next))) break;
      j += next > 0xffff ? 2 : 1;
    }
    const piece = input.slice(i, j).normalize('NFKC');
    let mapped = '';
    for (const ch of piece) {
      const c = ch.codePointAt(0)!;
      mapped += SIMPLE[c] ?? (isSpace(c) ? ' ' : ch);
    }
    if (mapped.trim() === '') { if (mapped.length && pendingSpace < 0) pendingSpace = i; }
    else emitText(mapped, i, j);
    i = j;
  }
  let text = chunks.join('');
  // Drop trailing newlines.
  if (lastChar === '\n') {
    let cut = text.length;
    while (cut > 0 && text[cut - 1] === '\n') cut--;
    text = text.slice(0, cut);
    len = cut;
  }
  return { text, origStart: starts.slice(0, len), origEnd: ends.slice(0, len), originalLength: n };
}

/** Maps a span of normalized text back to the original text. */
export function toOriginalSpan(norm: NormalizedText, span: Span): Span {
  if (span.end <= span.start) {
    const at = span.start < norm.origStart.length ? norm.origStart[span.start]! : norm.originalLength;
    return { start: at, end: at };
  }
  return { start: norm.origStart[span.start]!, end: norm.origEnd[span.end - 1]! };
}
