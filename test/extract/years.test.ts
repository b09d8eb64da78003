import { describe, expect, it } from 'vitest';
import { findRecency, findYears } from '../../src/extract/years.ts';

describe('findYears', () => {
  it.each([
    ['5+ years of Java', { minYears: 5 }],
    ['at least 3 years of Python', { minYears: 3 }],
    ['3-5 years experience', { minYears: 3, maxYears: 5 }],
    ['3 to 5 yrs in sales', { minYears: 3, maxYears: 5 }],
    ['Two years of experience in sales', { minYears: 2 }],
    ['Minimum of 7 years in finance', { minYears: 7 }],
    ['8+ years of non-internship professional software development experience', { minYears: 8 }],
    ['7 or more years of experience', { minYears: 7 }],
    ['up to 2 years of experience', { maxYears: 2 }],
    ['Java (3+ years)', { minYears: 3 }],
    ["5 years' experience", { minYears: 5 }],
    ['ten years of leadership', { minYears: 10 }],
  ])('%s', (text, expected) => {
    const [y] = findYears(text);
    expect(y).toMatchObject(expected);
  });

  it.each([
    ['5 years ago we launched'],
    ['we have grown 3x in two years'],
    ['our 10 offices'],
    ['a team of 200 engineers works here'],
    ['founded in 2012'],
    ['over the past 10 years we have grown'],
    ['a 2 year old company'],
  ])('not a years requirement: %s', (text) => {
    expect(findYears(text)).toEqual([]);
  });
});

describe('findRecency', () => {
  it.each([
    ['Experience in development in the last 3 years', 3],
    ['used Python within the past two years', 2],
    ['in the last year', 1],
  ])('%s', (text, n) => {
    expect(findRecency(text)[0]?.withinYears).toBe(n);
  });

  it('a recency phrase is not a minimum', () => {
    expect(findYears('Experience in development in the last 3 years')).toEqual([]);
  });
});
