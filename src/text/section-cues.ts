// Section headings read by their cue words (data/taxonomy/sections.yaml): "Would be a plus",
// "What would make you stand out" and "Assets" are preferred sections because of "plus",
// "stand out" and "assets", not because the wording is on a list. A heading is read only when
// every word is a cue or a filler word, so "Python is a plus" (a requirement) is not a heading.
// Also the boilerplate test for sentences (benefits, equal opportunity, application steps).

/** What a section of a posting or a résumé is about. */
export type SectionKind =
  | 'summary' | 'experience' | 'education' | 'skills' | 'projects' | 'certifications' | 'languages'
  | 'publications' | 'volunteering' | 'awards' | 'interests' | 'references' | 'contact'
  | 'description' | 'responsibilities' | 'requirements' | 'preferred' | 'benefits' | 'company'
  | 'eeo' | 'apply' | 'other';

export interface SectionCueSource {
  precedence?: string[];
  kinds?: Record<string, string[]>;
  filler?: string[];
  auxiliaries?: string[];
  boilerplate?: string[];
}

export interface SectionCues {
  /** Cue phrase (words joined by one space) -> kind; a key ending in "*" is a word prefix. */
  phrases: Map<string, SectionKind>;
  prefixes: Array<[string, SectionKind]>;
  longest: number;
  filler: Set<string>;
  auxiliaries: Set<string>;
  /** Kind -> rank (lower wins). */
  rank: Map<SectionKind, number>;
  boilerplate: RegExp | null;
  /** Boilerplate phrases by first word (a "*" key: phrases whose first word is a stem in boilerStems). */
  boilerFirst: Map<string, string[][]>;
  boilerStems: string[];
  /** Every word a heading may consist of (cue words, fillers, auxiliaries): a quick first test. */
  vocabulary: Set<string>;
  /** Stems of "*" cues, for the quick test. */
  stems: string[];
}

/** The words of a heading, lower case, without apostrophe endings: "You'll bring" -> ["you", "bring"]. */
export function cueWords(line: string): string[] {
  return line
    .toLowerCase()
    .replace(/[’']\s?(?:ll|re|ve|d|s|m)\b/g, '')
    .split(/[^\p{L}\d+#]+/u)
    .filter(Boolean);
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function createSectionCues(src: SectionCueSource = {}): SectionCues {
  const phrases = new Map<string, SectionKind>();
  const prefixes: Array<[string, SectionKind]> = [];
  let longest = 1;
  for (const [kind, cues] of Object.entries(src.kinds ?? {})) {
    for (const cue of cues) {
      if (cue.endsWith('*') && !cue.includes(' ')) { prefixes.push([cue.slice(0, -1).toLowerCase(), kind as SectionKind]); continue; }
      const words = cueWords(cue.replace(/\*$/, ''));
      if (!words.length) continue;
      longest = Math.max(longest, words.length);
      const key = words.join(' ');
      if (!phrases.has(key)) phrases.set(key, kind as SectionKind);
      // "equal opportunit*": the last word is a prefix; keep the stem as a phrase of its own.
      if (cue.endsWith('*')) prefixes.push([key, kind as SectionKind]);
    }
  }
  const rank = new Map<SectionKind, number>((src.precedence ?? []).map((k, i) => [k as SectionKind, i]));
  const words = (src.boilerplate ?? []).map((p) => {
    const stem = p.endsWith('*');
    const body = escape(stem ? p.slice(0, -1) : p).replace(/\\ |\s+|-/g, '[\\s-]+');
    return `${body}${stem ? '\\w*' : ''}`;
  });
  const filler = new Set((src.filler ?? []).flatMap(cueWords));
  const auxiliaries = new Set((src.auxiliaries ?? []).flatMap(cueWords));
  const vocabulary = new Set([...filler, ...auxiliaries, ...[...phrases.keys()].flatMap((k) => k.split(' ')), ...prefixes.flatMap(([p]) => p.split(' ').slice(0, -1))]);
  const boilerFirst = new Map<string, string[][]>();
  const boilerStems: string[] = [];
  for (const p of src.boilerplate ?? []) {
    const ws = p.toLowerCase().split(/[^\p{L}\d*]+/u).filter(Boolean);
    if (!ws.length) continue;
    const first = ws[0]!.endsWith('*') ? '*' : ws[0]!;
    if (first === '*') boilerStems.push(ws[0]!.slice(0, -1));
    boilerFirst.set(first, [...(boilerFirst.get(first) ?? []), ws]);
  }
  return {
    boilerFirst,
    boilerStems,
    phrases,
    prefixes,
    longest,
    filler,
    auxiliaries,
    vocabulary,
    stems: prefixes.map(([p]) => p.split(' ').pop()!),
    rank,
    boilerplate: words.length ? new RegExp(`(?<![\\p{L}\\d])(?:${words.join('|')})(?![\\p{L}\\d])`, 'iu') : null,
  };
}

/**
 * The kind a heading's cue words name, or null when a word is neither a cue nor a filler (the
 * line says something of its own) or no cue is present. `line` is the heading without decoration.
 */
export function classifyByCues(cues: SectionCues, line: string): SectionKind | null {
  const words = cueWords(line).filter((w) => !cues.auxiliaries.has(w));
  if (words.length === 0 || words.length > 9) return null;
  let best: SectionKind | null = null;
  let bestRank = Infinity;
  const found = (kind: SectionKind): void => {
    const r = cues.rank.get(kind) ?? 100;
    if (r < bestRank) { bestRank = r; best = kind; }
  };
  let i = 0;
  outer: while (i < words.length) {
    for (let n = Math.min(cues.longest, words.length - i); n >= 1; n--) {
      const kind = cues.phrases.get(words.slice(i, i + n).join(' '));
      if (kind) { found(kind); i += n; continue outer; }
    }
    const w = words[i]!;
    const prefix = cues.prefixes.find(([p]) => !p.includes(' ') && w.startsWith(p));
    if (prefix) { found(prefix[1]); i++; continue; }
    // A multi-word stem ("equal opportunit*"): its words so far, then a prefix match of the last.
    const multi = cues.prefixes.find(([p]) => {
      const ws = p.split(' ');
      return ws.length > 1 && i + ws.length <= words.length && ws.every((x, k) => (k === ws.length - 1 ? words[i + k]!.startsWith(x) : words[i + k] === x));
    });
    if (multi) { found(multi[1]); i += multi[0].split(' ').length; continue; }
    if (cues.filler.has(w)) { i++; continue; }
    return null;
  }
  return best;
}

/** Whether a word (lower case) may be part of a heading: a cue word, a filler or an auxiliary. */
export function isCueWord(cues: SectionCues, word: string): boolean {
  return cues.vocabulary.has(word) || cues.stems.some((s) => word.startsWith(s));
}

/**
 * The sentences of `text[from, to)` holding boilerplate, found with one scan of the boilerplate
 * words; each widened to its sentence (a line, or the text between sentence ends).
 */
export function boilerplateSpans(cues: SectionCues, text: string, from: number, to: number): ReadonlyArray<{ start: number; end: number }> {
  // A posting asks for its boilerplate more than once (skills, the role's function): the last answer is kept.
  const last = lastBoilerplate;
  if (last && last.cues === cues && last.text === text && last.from === from && last.to === to) return last.out;
  const out = scanBoilerplate(cues, text, from, to);
  lastBoilerplate = { cues, text, from, to, out };
  return out;
}

let lastBoilerplate: { cues: SectionCues; text: string; from: number; to: number; out: ReadonlyArray<{ start: number; end: number }> } | null = null;

function scanBoilerplate(cues: SectionCues, text: string, from: number, to: number): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  if (!cues.boilerplate) return out;
  // Words first (one scan, no regex), then the phrases starting at each word: no regex
  // alternation per position. A word is a run of letters and digits ([\p{L}\d]+).
  const ws: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let i = from;
  while (i < to) {
    let k = i;
    for (;;) {
      const w = wordCharAt(text, k);
      if (w === 0) break;
      k += w;
    }
    if (k === i) { i += text.charCodeAt(i) >= 0xd800 && text.charCodeAt(i) <= 0xdbff ? 2 : 1; continue; }
    ws.push(text.slice(i, k).toLowerCase());
    starts.push(i);
    ends.push(k);
    i = k;
  }
  let lastEnd = from;
  const stems = cues.boilerStems;
  for (let i = 0; i < ws.length; i++) {
    const w0 = ws[i]!;
    const phrases = cues.boilerFirst.get(w0) ?? (stems.length && stems.some((st) => w0.startsWith(st)) ? cues.boilerFirst.get('*') : undefined);
    if (!phrases || starts[i]! < lastEnd) continue;
    const hit = phrases.some((p) => p.every((x, k) => {
      const w = ws[i + k];
      return w !== undefined && (x.endsWith('*') ? w.startsWith(x.slice(0, -1)) : w === x);
    }));
    if (!hit) continue;
    let a = starts[i]!;
    while (a > lastEnd && text[a - 1] !== '\n' && !(/[.!?]/.test(text[a - 2] ?? '') && text[a - 1] === ' ')) a--;
    let b = ends[i]!;
    while (b < to && text[b] !== '\n' && !(/[.!?]/.test(text[b]!) && (text[b + 1] === ' ' || text[b + 1] === '\n' || b + 1 >= to))) b++;
    if (b < to && text[b] !== '\n') b++;
    out.push({ start: a, end: b });
    lastEnd = b;
  }
  return out;
}

const LETTER = /\p{L}/u;

/** Length (1, or 2 for a surrogate pair) of the letter or digit at `i`; 0 when there is none. */
function wordCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ? 1 : 0;
  if (c !== c) return 0; // past the end
  const cp = text.codePointAt(i)!;
  if (!LETTER.test(String.fromCodePoint(cp))) return 0;
  return cp > 0xffff ? 2 : 1;
}

/** Whether a sentence is boilerplate: benefits, equal opportunity, application steps, pay. */
export function isBoilerplate(cues: SectionCues | undefined, sentence: string): boolean {
  return cues?.boilerplate?.test(sentence) ?? false;
}
