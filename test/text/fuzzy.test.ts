// The natural wrapper: Jaro–Winkler and the one-deletion neighbourhood misspelling lookups use.
import { describe, expect, it } from 'vitest';
import { deletions, jaroWinkler } from '../../src/text/fuzzy.ts';

describe('fuzzy', () => {
  it('Jaro–Winkler: equal is 1, close misspellings score high, unrelated low', () => {
    expect(jaroWinkler('Kubernetes', 'kubernetes')).toBe(1);
    expect(jaroWinkler('javascipt', 'javascript')).toBeGreaterThan(0.95);
    expect(jaroWinkler('postgress', 'postgres')).toBeGreaterThan(0.95);
    expect(jaroWinkler('java', 'kotlin')).toBeLessThan(0.6);
  });

  it('deletions: each character dropped once, duplicates merged', () => {
    expect(deletions('abc').sort()).toEqual(['ab', 'ac', 'bc']);
    expect(deletions('aab').sort()).toEqual(['aa', 'ab']);
    expect(deletions('postgress')).toContain('postgres');
  });
});
