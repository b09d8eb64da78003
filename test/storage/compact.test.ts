// Compact stored profiles: texts that are slices of the stored document text are dropped on write
// and put back on read, losslessly (same values, same key order), for any field at any depth.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine.ts';
import { compactProfile, decodeProfile, encodeProfile, expandProfile, type ProfileCodec } from '../../src/storage/compact.ts';

const engine = createEngine();
const dir = (path: string): URL => new URL(`../../${path}/`, import.meta.url);
const files = (path: string): Array<[string, string]> =>
  readdirSync(dir(path)).filter((f) => f.endsWith('.txt')).sort().map((f) => [f, readFileSync(new URL(f, dir(path)), 'utf8')]);

/** Through the columns as a store writes and reads them (JSON text). */
function roundTrip<T>(profile: T, text: string): { back: T; stored: string; codec: string | null } {
  const { profile: stored, codec } = encodeProfile(profile, text);
  return { back: decodeProfile<T>(stored, codec, text), stored, codec };
}

/** Every `text` value anywhere in a JSON value. */
function texts(value: unknown): unknown[] {
  const out: unknown[] = [];
  const stack = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) stack.push(...(v as unknown[]));
    else if (typeof v === 'object' && v !== null) {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'text') out.push(x);
        stack.push(x);
      }
    }
  }
  return out;
}

describe('compact profiles: real documents', () => {
  const postings = files('data/samples/postings');
  const resumes = [...files('test/fixtures/resumes'), ...files('data/samples/resumes').slice(0, 5)];

  it.each(postings)('posting %s reads back exactly as parsed, and smaller', (_, raw) => {
    const { profile, text } = engine.parsePostingDocument(raw);
    const { back, stored, codec } = roundTrip(profile, text);
    // Same values and the same key order: the JSON is byte for byte the parsed profile's.
    expect(JSON.stringify(back)).toBe(JSON.stringify(profile));
    expect(back).toEqual(profile);
    if (profile.skills.some((s) => s.mentions.length > 0)) {
      expect(codec).not.toBeNull();
      expect(stored.length).toBeLessThan(JSON.stringify(profile).length);
    }
    // Every mention text was a slice of the text, so none is stored.
    const kept = JSON.parse(stored) as typeof profile;
    expect(kept.skills.flatMap((s) => s.mentions).filter((m) => 'text' in m)).toEqual([]);
  });

  it.each(resumes)('résumé %s reads back exactly as parsed', (_, raw) => {
    const { profile, text } = engine.parseResumeDocument(raw, { asOf: '2026-11-01' });
    const { back, stored } = roundTrip(profile, text);
    expect(JSON.stringify(back)).toBe(JSON.stringify(profile));
    expect(back).toEqual(profile);
    expect(texts(JSON.parse(stored)).length).toBeLessThan(texts(profile).length || 1);
  });

  it('leaves the profile it is given unchanged', () => {
    const { profile, text } = engine.parsePostingDocument(postings[0]![1]);
    const before = JSON.stringify(profile);
    compactProfile(profile, text);
    expect(JSON.stringify(profile)).toBe(before);
  });
});

describe('compact profiles: rules', () => {
  const text = 'Senior Go engineer. Go and Java.';
  const go = { start: 7, end: 9 };

  it('drops a text that is its slice, keeps one that differs, and says where', () => {
    const profile = {
      skills: [{ id: 'go', mentions: [{ ...go, text: 'Go' }, { start: 20, end: 22, text: 'golang' }, { start: 27, end: 31, text: 'Java' }] }],
      requirements: [{ id: 'r1', text: 'Go and Java.', span: { start: 20, end: 32 }, source: 'sentence' }],
    };
    const { profile: compact, codec } = compactProfile(profile, text);
    expect(compact.skills[0]!.mentions).toEqual([go, { start: 20, end: 22, text: 'golang' }, { start: 27, end: 31 }]);
    expect(compact.requirements[0]).toEqual({ id: 'r1', span: { start: 20, end: 32 }, source: 'sentence' });
    expect(codec?.v).toBe(1);
    expect(codec?.texts).toHaveLength(2);
    expect(codec?.texts).toEqual(expect.arrayContaining([{ path: ['skills', 0, 'mentions', 0], at: 2 }, { path: ['requirements', 0], at: 1 }]));
    const back = expandProfile(JSON.parse(JSON.stringify(compact)) as typeof profile, text, codec);
    expect(JSON.stringify(back)).toBe(JSON.stringify(profile));
  });

  it('never gives a text to an object that had none (sections, warnings, titleSpan ...)', () => {
    const profile = {
      titleSpan: go,
      sections: [{ kind: 'requirements', title: null, span: { start: 0, end: 19 } }],
      mentions: [{ ...go, text: 'Go' }],
    };
    const { profile: compact, codec } = compactProfile(profile, text);
    expect(codec?.texts.map((t) => t.path)).toEqual([['mentions', 0]]);
    expect(expandProfile(JSON.parse(JSON.stringify(compact)) as typeof profile, text, codec)).toEqual(profile);
  });

  it('keeps every text on a path where some object with offsets has none (expanding would add one)', () => {
    const profile = { mentions: [{ ...go, text: 'Go' }, { start: 20, end: 22 }, { start: 27, end: 31, text: 'Java', note: { start: 0, end: 6, text: 'Senior' } }] };
    const { profile: compact, codec } = compactProfile(profile, text);
    expect(codec?.texts.map((t) => t.path)).toEqual([['mentions', 0, 'note']]);
    expect(compact.mentions[0]).toEqual({ ...go, text: 'Go' });
    expect(JSON.stringify(expandProfile(JSON.parse(JSON.stringify(compact)) as typeof profile, text, codec))).toBe(JSON.stringify(profile));
  });

  it('keeps a text whose key is elsewhere in the object than on the path (so key order survives)', () => {
    const profile = { m: [{ ...go, text: 'Go' }, { text: 'Go', start: 20, end: 22 }] };
    const { profile: compact, codec } = compactProfile(profile, text);
    expect(compact.m[1]).toEqual({ text: 'Go', start: 20, end: 22 });
    expect(JSON.stringify(expandProfile(JSON.parse(JSON.stringify(compact)) as typeof profile, text, codec))).toBe(JSON.stringify(profile));
  });

  it('keeps texts with offsets out of range, not whole numbers, or of other types', () => {
    const profile = { m: [{ start: 30, end: 40, text: '' }, { start: 1.5, end: 3, text: 'x' }, { start: 0, end: 0, text: null }, { start: '2020-01', end: null, text: '' }] };
    const { profile: compact, codec } = compactProfile(profile, text);
    expect(codec).toBeNull();
    expect(compact).toEqual(profile);
  });

  it('drops an empty text for an empty span, and a location text by its span', () => {
    const profile = { location: { text: 'Go', city: null, span: go }, m: [{ start: 3, end: 3, text: '' }] };
    const { profile: compact, codec } = compactProfile(profile, text);
    expect(compact).toEqual({ location: { city: null, span: go }, m: [{ start: 3, end: 3 }] });
    expect(expandProfile(JSON.parse(JSON.stringify(compact)) as typeof profile, text, codec)).toEqual(profile);
  });

  it('keeps a text with a lone surrogate (stored as U+FFFD by both databases)', () => {
    const odd = 'ab\uD800cd';
    const profile = { m: [{ start: 1, end: 3, text: 'b\uD800' }, { start: 3, end: 5, text: 'cd' }] };
    const { profile: compact } = compactProfile(profile, odd);
    expect(compact.m).toEqual([{ start: 1, end: 3, text: 'b\uD800' }, { start: 3, end: 5 }]);
  });

  it('reads a full profile (a row written before compaction: no codec) as it is', () => {
    const profile = { m: [{ ...go, text: 'Go' }], s: [{ span: go }] };
    expect(expandProfile(profile, text, null)).toBe(profile);
    expect(decodeProfile(JSON.stringify(profile), null, text)).toEqual(profile);
    expect(() => decodeProfile('{}', JSON.stringify({ v: 9, texts: [] }), text)).toThrow(/not one this version reads/);
  });

  it('keeps values JSON cannot write, so writing fails as before', () => {
    const { profile } = compactProfile({ m: [{ ...go, text: 'Go' }], n: 10n }, text);
    expect(() => JSON.stringify(profile)).toThrow(TypeError);
  });

  it('keeps a "__proto__" key a plain key', () => {
    const profile = JSON.parse(`{"__proto__": {"start": 7, "end": 9, "text": "Go"}, "x": 1}`) as Record<string, unknown>;
    const { stored, codec } = roundTrip(profile, text);
    expect(stored).toBe('{"__proto__":{"start":7,"end":9},"x":1}');
    const back = decodeProfile<Record<string, unknown>>(stored, codec, text);
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(JSON.stringify(back)).toBe(JSON.stringify(profile));
  });

  it('walks any depth without recursion', () => {
    const depth = 200_000;
    let deep: unknown = { ...go, text: 'Go' };
    for (let i = 0; i < depth; i++) deep = i % 2 ? { a: deep } : [deep];
    const { profile: compact, codec } = compactProfile(deep, text);
    expect(codec?.texts).toHaveLength(1);
    expect(codec!.texts[0]!.path).toHaveLength(depth);
    let leaf = expandProfile(compact, text, codec as ProfileCodec);
    for (let i = depth - 1; i >= 0; i--) leaf = i % 2 ? (leaf as { a: unknown }).a : (leaf as unknown[])[0];
    expect(leaf).toEqual({ ...go, text: 'Go' });
  });
});

describe('compact profiles: size', () => {
  it('a large repetitive posting stores a profile a small multiple of its text', () => {
    const text = 'Experience with Java and Python.\n'.repeat(Math.ceil((2 << 20) / 33));
    const profile = engine.parsePosting(text);
    const full = JSON.stringify(profile).length;
    const { profile: stored, codec } = encodeProfile(profile, text);
    console.log(`2 MB posting: parsed profile ${(full / text.length).toFixed(2)}x the text, stored ${(stored.length / text.length).toFixed(2)}x, codec ${codec?.length ?? 0} B`);
    expect(stored.length + (codec?.length ?? 0)).toBeLessThan(2 * text.length);
    expect(decodeProfile(stored, codec, text)).toEqual(profile);
  });
});
