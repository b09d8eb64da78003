// The compromise wrapper: number words for the requirement reader, verbs for everyday-word names.
import { describe, expect, it } from 'vitest';
import { isVerbAt, numberFromWords } from '../../src/text/nlp.ts';

describe('numberFromWords', () => {
  it.each([
    ['five years', 5],
    ['two or more years', 2],
    ['twenty-five years', 25],
    ['twenty five', 25],
    ['fifteen', 15],
    ['three to five years', 3],
    ['7 years', 7],
    ['2.5 years', 2.5],
    ['a couple of years', 2],
    ['a dozen years', 12],
    ['one and a half years', 1.5],
  ])('%s -> %d', (text, n) => {
    expect(numberFromWords(text)).toBe(n);
  });

  it.each(['several years', 'a year', 'many years', ''])('%j has no number', (text) => {
    expect(numberFromWords(text)).toBeNull();
  });
});

describe('isVerbAt', () => {
  const at = (s: string, w: string): boolean => isVerbAt(s, s.indexOf(w));
  it('reads verbs', () => {
    expect(at('Design the data systems that make AI actually useful', 'make')).toBe(true);
    expect(at('Nebul enables businesses to harness AI with confidence', 'harness')).toBe(true);
    expect(at('Go beyond the code and own the roadmap', 'Go')).toBe(true);
  });
  it('reads names', () => {
    expect(at('We use Go for backend services', 'Go')).toBe(false);
    expect(at('Strong Swift skills', 'Swift')).toBe(false);
  });
  it('a word it cannot find is no verb', () => {
    expect(isVerbAt('make it so', 40)).toBe(false);
  });
});
