import { describe, expect, it } from 'vitest';
import { linePrefix, lineSpans, sentenceSpans } from '../../src/text/sentences.ts';

const sentences = (s: string): string[] => sentenceSpans(s).map((x) => s.slice(x.start, x.end));

describe('sentenceSpans', () => {
  it.each([
    ['We build things. You will help.', ['We build things.', 'You will help.']],
    ['Experience with e.g. Java is required. Mr. Smith leads.', ['Experience with e.g. Java is required.', 'Mr. Smith leads.']],
    ['• Five years of Go\n• Kubernetes', ['Five years of Go', 'Kubernetes']],
    ['1. First item\n2) Second item', ['First item', 'Second item']],
    ['Worked at Acme Inc. Since 2019 I lead.', ['Worked at Acme Inc. Since 2019 I lead.']],
    ['Version 2.0 shipped. J. Doe wrote it.', ['Version 2.0 shipped.', 'J. Doe wrote it.']],
    ['B.S. in Computer Science; M.S. preferred', ['B.S. in Computer Science;', 'M.S. preferred']],
    ['Is this you? Apply now!', ['Is this you?', 'Apply now!']],
  ])('%s', (input, expected) => {
    expect(sentences(input)).toEqual(expected);
  });

  it('skips blank lines and trims bullets', () => {
    const s = '  - alpha  \n\n   \n* beta';
    expect(lineSpans(s).map((x) => s.slice(x.start, x.end))).toEqual(['alpha', 'beta']);
  });
});

describe('linePrefix', () => {
  const text = 'Heading\n  - Python experience\n3) Go\nplain';
  it.each([
    ['Heading', ''],
    ['Python experience', '  - '],
    ['Go', '3) '],
    ['plain', ''],
  ])('%s -> %j', (line, prefix) => {
    const l = lineSpans(text).find((s) => text.slice(s.start, s.end) === line)!;
    expect(linePrefix(text, l)).toBe(prefix);
  });
});

describe('masked list numbers', () => {
  it('"**** " after a full stop starts a sentence, without the mask', async () => {
    const { sentenceSpans } = await import('../../src/text/sentences.ts');
    const t = 'To prepare all food items. **** To keep work areas clean. **** Responsible for stock.';
    expect(sentenceSpans(t).map((s) => t.slice(s.start, s.end))).toEqual(['To prepare all food items.', 'To keep work areas clean.', 'Responsible for stock.']);
  });
  it('markdown bold after a full stop is no mask', async () => {
    const { sentenceSpans } = await import('../../src/text/sentences.ts');
    const t = 'Join us. **Requirements** below.';
    expect(sentenceSpans(t).map((s) => t.slice(s.start, s.end))).toEqual(['Join us. **Requirements** below.']);
  });
});
