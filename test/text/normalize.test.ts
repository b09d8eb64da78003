import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeText, toOriginalSpan } from '../../src/text/normalize.ts';

describe('normalizeText', () => {
  it.each([
    ['stray Windows-1252 bullet and apostrophe', '\x95 Team\x92s lead \x96 2019', "• Team's lead - 2019"],
    ['curly quotes and dashes', '“Go” – Rust — C', '"Go" - Rust - C'],
    ['ligatures (NFKC)', 'ﬁnance and ﬂow', 'finance and flow'],
    ['zero-width characters and soft hyphens', 'Ja\u200Bva Type\u00ADScript\uFEFF', 'Java TypeScript'],
    ['short whitespace runs and NBSP', 'a \u00A0b', 'a b'],
    ['column gaps become one tab', 'Engineer    Jan 2019\tNow', 'Engineer\tJan 2019\tNow'],
    ['CRLF and blank-line runs', 'a\r\n\r\n\r\n\r\nb  \r\nc', 'a\n\nb\nc'],
    ['bullets in many shapes', '▪ one\n● two\n➢ three', '• one\n• two\n• three'],
    ['full-width letters', 'Ｊａｖａ', 'Java'],
    ['combining accents compose', 'Re\u0301sume\u0301', 'Résumé'],
    // UTF-8 read as Windows-1252: the full-width hyphen that lost its last byte, dashes, bullets, accents.
    ['mojibake full-width hyphen', '10/2014 \u00ef\u00bc\u200b Current', '10/2014 - Current'],
    ['mojibake en dash and bullet', 'Acme \u00e2\u20ac\u201c Leeds\n\u00e2\u20ac\u00a2 item', 'Acme - Leeds\n• item'],
    ['mojibake accent and no-break space', 'Caf\u00c3\u00a9\u00c2\u00a0Bar', 'Café Bar'],
    ['real Latin-1 letters stay', 'naïve Ärger Ö', 'naïve Ärger Ö'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeText(input).text).toBe(expected);
  });

  it('maps every normalized span back to the original text', () => {
    const input = '\uFEFF  Senior  ﬁnance lead\x92s   role\r\nC# – .NET';
    const norm = normalizeText(input);
    const at = norm.text.indexOf('finance');
    const span = toOriginalSpan(norm, { start: at, end: at + 'finance'.length });
    expect(input.slice(span.start, span.end)).toBe('ﬁnance');
    const cs = norm.text.indexOf('C#');
    const s2 = toOriginalSpan(norm, { start: cs, end: cs + 2 });
    expect(input.slice(s2.start, s2.end)).toBe('C#');
  });

  it('property: offsets are monotone and inside the original', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const n = normalizeText(s);
        expect(n.origStart.length).toBe(n.text.length);
        let prev = 0;
        for (let i = 0; i < n.text.length; i++) {
          const a = n.origStart[i]!;
          const b = n.origEnd[i]!;
          expect(a).toBeGreaterThanOrEqual(prev);
          expect(b).toBeGreaterThan(a);
          expect(b).toBeLessThanOrEqual(s.length);
          prev = a;
        }
      }),
    );
  });

  it('property: ASCII words survive unchanged and map to themselves', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[A-Za-z]{1,8}$/), { minLength: 1, maxLength: 20 }), (words) => {
        const s = words.join('  ');
        const n = normalizeText(s);
        expect(n.text).toBe(words.join(' '));
        for (let i = 0; i < n.text.length; i++) {
          const ch = n.text[i]!;
          if (ch !== ' ') expect(s[n.origStart[i]!]).toBe(ch);
        }
      }),
    );
  });
});
