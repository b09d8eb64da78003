// Compact stored profiles: a profile repeats its document's text (every skill mention carries
// {start, end, text}, every requirement {text, span}, ...). The store keeps the document text
// beside the profile, so a `text` that is exactly `documentText.slice(start, end)` of its own
// object is dropped before writing and put back on read.
//
// Which texts were dropped is said by the row's codec (a column beside the profile), not by
// anything inside the profile: a list of paths (["skills", 0, "mentions", 0]: 0 for any array
// element) with the position of `text` among the object's keys. A path is listed only when no object at it that has offsets
// went without a `text`, so on read "an object at a listed path, with offsets and no text" means
// exactly "its text was dropped". Objects elsewhere that have offsets but never had a text
// (sections, warnings, positions, titleSpan, ...) are left alone, and rows written before
// compaction (codec NULL) are read as they are.
//
// The walk is generic (any field, any nesting, new fields included) and iterative (no recursion,
// so no depth limit to hit).

/** What the store keeps beside a compacted profile; null when nothing was dropped. */
export interface ProfileCodec {
  v: 1;
  /** Paths (object keys; 0 = every element of an array) where `text` was dropped, and its key position. */
  texts: Array<{ path: Array<string | 0>; at: number }>;
}

type Obj = Record<string, unknown>;
type Holder = Obj | unknown[];

const isPlain = (v: unknown): v is Obj => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

// The offsets offsetsOf found (module state rather than a tuple per object: profiles hold
// hundreds of thousands of mentions).
let foundStart = 0;
let foundEnd = 0;

/** Own `start`/`end` numbers, else `span: {start, end}`: true (and found*) for a valid [start, end) of a `length`-long text. */
function offsetsOf(o: Obj, length: number): boolean {
  let start: unknown = o.start;
  let end: unknown = o.end;
  if (typeof start !== 'number' || typeof end !== 'number') {
    const span = o.span;
    if (!isPlain(span)) return false;
    start = span.start;
    end = span.end;
  }
  if (typeof start !== 'number' || typeof end !== 'number') return false;
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= length)) return false;
  foundStart = start;
  foundEnd = end;
  return true;
}

/** Sets a key without ever invoking a setter (a "__proto__" key from JSON stays a plain key). */
function put(o: Obj, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(o, key, { value, writable: true, enumerable: true, configurable: true });
  else o[key] = value;
}

/** `o` with `text` inserted as its `at`-th key (appended when `at` is past the end). */
function withText(o: Obj, text: string, at: number): Obj {
  const keys = Object.keys(o);
  if (at >= keys.length) {
    put(o, 'text', text);
    return o;
  }
  const out: Obj = {};
  keys.forEach((k, i) => {
    if (i === at) out.text = text;
    put(out, k, o[k]);
  });
  return out;
}

// Lone surrogates cannot be stored as UTF-8: both databases store U+FFFD instead, so a slice
// with one in it reads back different. Such texts are kept.
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * A copy that shares no memory with the document text: V8 makes a long slice (13+ characters)
 * a view that keeps the whole text alive, for as long as e.g. the index holds a requirement.
 */
const detached = (s: string): string => (s.length < 13 ? s : (' ' + s).slice(1));

interface Pattern {
  /** The path is the parent's plus `seg`, built only for the codec (deep nesting stays linear). */
  parent: Pattern | null;
  seg: string | 0;
  keys: Map<string, Pattern>;
  items: Pattern | null;
  /** Position of `text` among the keys of the first object here whose text could go. */
  at: number | undefined;
  /** An object here had offsets and no text: expanding would give it one, so nothing here is dropped. */
  blocked: boolean;
  dropped: number;
}

function pathOf(p: Pattern): Array<string | 0> {
  const path: Array<string | 0> = [];
  for (let q: Pattern | null = p; q?.parent; q = q.parent) path.push(q.seg);
  return path.reverse();
}

/**
 * A copy of `profile` without the `text`s that `text` (the stored document text) can give back,
 * and the codec that says where they were. `profile` is not changed. Values JSON cannot write
 * (BigInt) are copied as they are, so serializing the copy fails as serializing the original would.
 */
export function compactProfile<T>(profile: T, text: string): { profile: T; codec: ProfileCodec | null } {
  const first = compactWalk(profile, text, new Set());
  if (first.blocked.size === 0) return first;
  // A path turned out ambiguous after texts on it were dropped: walk again keeping them. Whether
  // a path is blocked does not depend on what is dropped, so the second walk blocks the same ones.
  return compactWalk(profile, text, first.blocked);
}

function compactWalk<T>(profile: T, text: string, keep: ReadonlySet<string>): { profile: T; codec: ProfileCodec | null; blocked: Set<string> } {
  const wellFormed = !LONE_SURROGATE.test(text);
  const patterns: Pattern[] = [];
  const pattern = (parent: Pattern | null, seg: string | 0): Pattern => {
    const p: Pattern = { parent, seg, keys: new Map(), items: null, at: undefined, blocked: false, dropped: 0 };
    if (keep.size > 0 && keep.has(JSON.stringify(pathOf(p)))) p.blocked = true;
    patterns.push(p);
    return p;
  };
  const box: Obj = { value: profile };
  // The values still to copy, and where each copy goes (parallel stacks: no tuple per value).
  const values: unknown[] = [profile];
  const holders: Holder[] = [box];
  const keys: Array<string | number> = ['value'];
  const at: Pattern[] = [pattern(null, 0)];
  while (values.length > 0) {
    const src = values.pop();
    const holder = holders.pop()!;
    const key = keys.pop()!;
    const p = at.pop()!;
    let copy: Holder;
    if (Array.isArray(src)) {
      copy = src.slice();
      const items = (p.items ??= pattern(p, 0));
      for (let i = copy.length - 1; i >= 0; i--) {
        const v = copy[i];
        if (typeof v === 'object' && v !== null) {
          values.push(v);
          holders.push(copy);
          keys.push(i);
          at.push(items);
        }
      }
    } else if (isPlain(src)) {
      let drop = false;
      if (!p.blocked && offsetsOf(src, text.length)) {
        const t = src.text;
        if (t === undefined) p.blocked = true;
        else if (typeof t === 'string' && t.length === foundEnd - foundStart && text.startsWith(t, foundStart) && (wellFormed || !LONE_SURROGATE.test(t))) {
          const position = Object.keys(src).indexOf('text');
          p.at ??= position;
          // Only where `text` sits where the codec puts it back: the key order is kept too.
          drop = position === p.at;
          if (drop) p.dropped++;
        }
      }
      const o: Obj = {};
      // Every key is set now, in order; an object value is replaced by its copy when popped.
      for (const k in src) {
        if (!Object.hasOwn(src, k) || (drop && k === 'text')) continue;
        const v = src[k];
        put(o, k, v);
        if (typeof v === 'object' && v !== null) {
          let child = p.keys.get(k);
          if (!child) p.keys.set(k, (child = pattern(p, k)));
          values.push(v);
          holders.push(o);
          keys.push(k);
          at.push(child);
        }
      }
      copy = o;
    } else {
      continue; // not JSON data (a Date, a Map): kept as it is, as JSON.stringify would see it
    }
    if (Array.isArray(holder)) holder[key as number] = copy;
    else put(holder, key as string, copy);
  }

  const texts: ProfileCodec['texts'] = [];
  const blocked = new Set<string>();
  for (const p of patterns) {
    if (p.dropped === 0) continue;
    if (p.blocked) blocked.add(JSON.stringify(pathOf(p)));
    else texts.push({ path: pathOf(p), at: p.at! });
  }
  return { profile: box.value as T, codec: texts.length > 0 ? { v: 1, texts } : null, blocked };
}

interface Target {
  keys: Map<string, Target>;
  items: Target | null;
  /** Where to put `text` back on objects at this path, or undefined when this path is only on the way. */
  at: number | undefined;
}

function targets(codec: ProfileCodec): Target {
  const root: Target = { keys: new Map(), items: null, at: undefined };
  for (const { path, at } of codec.texts) {
    let t = root;
    for (const seg of path) {
      if (seg === 0) t = t.items ??= { keys: new Map(), items: null, at: undefined };
      else {
        let next = t.keys.get(seg);
        if (!next) t.keys.set(seg, (next = { keys: new Map(), items: null, at: undefined }));
        t = next;
      }
    }
    t.at = at;
  }
  return root;
}

/** Reads a codec as stored (JSON text from SQLite, parsed from PostgreSQL, null for full profiles). */
export function parseCodec(stored: unknown): ProfileCodec | null {
  if (stored === null || stored === undefined) return null;
  const codec = (typeof stored === 'string' ? JSON.parse(stored) : stored) as ProfileCodec;
  if (codec.v !== 1 || !Array.isArray(codec.texts)) {
    throw new Error(`stored profile codec ${JSON.stringify(codec).slice(0, 100)} is not one this version reads`);
  }
  return codec;
}

/**
 * Puts back the texts `compactProfile` dropped. Works in place on `stored` (a freshly parsed
 * value the caller owns) and returns it; with no codec (rows written before compaction, or
 * with nothing to drop) it returns `stored` untouched. Only the codec's paths are walked.
 */
export function expandProfile<T>(stored: T, text: string, codec: ProfileCodec | null): T {
  if (codec === null || codec.texts.length === 0) return stored;
  const box: Obj = { value: stored };
  const values: unknown[] = [stored];
  const holders: Holder[] = [box];
  const keys: Array<string | number> = ['value'];
  const at: Target[] = [targets(codec)];
  while (values.length > 0) {
    const value = values.pop();
    const holder = holders.pop()!;
    const key = keys.pop()!;
    const t = at.pop()!;
    if (Array.isArray(value)) {
      const items = t.items;
      if (items === null) continue;
      // The common case (an array of mentions): nothing below the items, so no stack needed.
      const leaf = items.keys.size === 0 && items.items === null;
      for (let i = 0; i < value.length; i++) {
        if (leaf) {
          restore(value[i], value, i, items, text);
          continue;
        }
        values.push(value[i]);
        holders.push(value);
        keys.push(i);
        at.push(items);
      }
      continue;
    }
    const o = restore(value, holder, key, t, text);
    if (o === null) continue;
    for (const [k, child] of t.keys) {
      if (!Object.hasOwn(o, k)) continue;
      values.push(o[k]);
      holders.push(o);
      keys.push(k);
      at.push(child);
    }
  }
  return box.value as T;
}

/** Puts the text back on `value` if `t` says so; the object (maybe a new one, set in `holder`), or null for a non-object. */
function restore(value: unknown, holder: Holder, key: string | number, t: Target, text: string): Obj | null {
  if (!isPlain(value)) return null;
  if (t.at === undefined || value.text !== undefined || !offsetsOf(value, text.length)) return value;
  const o = withText(value, detached(text.slice(foundStart, foundEnd)), t.at);
  if (o !== value) {
    if (Array.isArray(holder)) holder[key as number] = o;
    else put(holder, key as string, o);
  }
  return o;
}

/** The profile column and codec column to write for `profile` read from `text`. */
export function encodeProfile(profile: unknown, text: string): { profile: string; codec: string | null } {
  const compact = compactProfile(profile, text);
  return { profile: JSON.stringify(compact.profile), codec: compact.codec === null ? null : JSON.stringify(compact.codec) };
}

/** The profile as parsed, from the stored columns (JSON text or an already parsed value). */
export function decodeProfile<T>(profile: unknown, codec: unknown, text: string): T {
  const value = (typeof profile === 'string' ? JSON.parse(profile) : profile) as T;
  return expandProfile(value, text, parseCodec(codec));
}
