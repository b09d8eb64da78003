import { describe, expect, it } from 'vitest';
import { findRecency, findYears, pickYears, toNumber } from '../../src/extract/years.ts';

/** What a line asks for: the picked minimum and maximum (undefined when the line states none). */
const asks = (line: string): { minYears?: number; maxYears?: number } | undefined => {
  const y = pickYears(line, findYears(line));
  if (!y) return undefined;
  return { ...(y.minYears !== undefined ? { minYears: y.minYears } : {}), ...(y.maxYears !== undefined ? { maxYears: y.maxYears } : {}) };
};

describe('findYears: what each wording asks', () => {
  it.each([
    // minimums
    ['5+ years of Java', { minYears: 5 }],
    ['5 + years in retail banking', { minYears: 5 }],
    ['3-plus years of experience', { minYears: 3 }],
    ['at least 3 years of Python', { minYears: 3 }],
    ['At least five years in a similar role', { minYears: 5 }],
    ['Minimum of 7 years in finance', { minYears: 7 }],
    ['minimum of 3 yrs of hands-on work', { minYears: 3 }],
    ['Min. 4 yrs experience', { minYears: 4 }],
    ['more than 6 years of consulting experience', { minYears: 6 }],
    ['over 3 years of experience with audits', { minYears: 3 }],
    ['8+ years of non-internship professional software development experience', { minYears: 8 }],
    ['7 or more years of experience', { minYears: 7 }],
    ['two or more years of warehouse experience', { minYears: 2 }],
    ['Seven years or more of people management', { minYears: 7 }],
    ['Java (3+ years)', { minYears: 3 }],
    ["5 years' experience", { minYears: 5 }],
    ['10+ years’ experience leading programmes', { minYears: 10 }],
    ['ten years of leadership', { minYears: 10 }],
    ['seventeen years of litigation experience', { minYears: 17 }],
    ['Five (5) years of progressive experience', { minYears: 5 }],
    ['a year of experience with Excel', { minYears: 1 }],
    ['2.5 years of experience in payroll', { minYears: 2.5 }],
    ['2,5 years of experience as a tester', { minYears: 2.5 }],
    ['4 years minimum in a lab', { minYears: 4 }],
    ['Minimum 2-year-experience as a compliance officer', { minYears: 2 }],
    ['A minimum of 1-year clinical operations experience', { minYears: 1 }],
    ['Bachelor degree in marketing3+ years of campaign experience', { minYears: 3 }],
    // ranges: the lower end is the minimum, the upper end a hint
    ['3-5 years experience', { minYears: 3, maxYears: 5 }],
    ['3 to 5 yrs in sales', { minYears: 3, maxYears: 5 }],
    ['5-7 years of backend development', { minYears: 5, maxYears: 7 }],
    ['4 – 8 years of relevant experience', { minYears: 4, maxYears: 8 }],
    ['2–4 years of agency experience', { minYears: 2, maxYears: 4 }],
    ['between 2 and 4 years of experience in logistics', { minYears: 2, maxYears: 4 }],
    ['Three to six (3-6) years of relevant experience', { minYears: 3, maxYears: 6 }],
    ['Exp: 4-7 years', { minYears: 4, maxYears: 7 }],
    // months
    ['minimum of 6 months experience in a care setting', { minYears: 0.5 }],
    ['6+ months of experience with React', { minYears: 0.5 }],
    ['6 months to 1 year of relevant experience', { minYears: 0.5, maxYears: 1 }],
    // no minimum: nobody fails these; a maximum stays as a hint
    ['0-2 years of experience in audit', { minYears: 0, maxYears: 2 }],
    ['0 to 3 years of proven experience', { minYears: 0, maxYears: 3 }],
    ['Experience Range: 0-1 Years', { minYears: 0, maxYears: 1 }],
    ['0-10+ years of work experience as an analyst', { minYears: 0, maxYears: 10 }],
    ['up to 2 years of experience', { minYears: 0, maxYears: 2 }],
    ['You have up to 3 years of experience working with data', { minYears: 0, maxYears: 3 }],
    ['Max. 2 years of work experience after graduating', { minYears: 0, maxYears: 2 }],
    ['less than 2 years of experience in sales', { minYears: 0, maxYears: 2 }],
    ['No experience required, full training given', { minYears: 0 }],
    ['No previous experience is necessary', { minYears: 0 }],
    ['Prior experience is not required', { minYears: 0 }],
    ['Freshers welcome', { minYears: 0 }],
    ['FRESHERS CAN APPLY', { minYears: 0 }],
    ['Recent graduates are welcome to apply', { minYears: 0 }],
    ['Starters welcome: we train you', { minYears: 0 }],
    // alternatives ask for the lowest
    ['Academic degree with 0-2 years of experience or a diploma with 2-4 years of experience', { minYears: 0, maxYears: 2 }],
    ['BSc with 6 years of experience, MSc with 4 years, or PhD with 1 year', { minYears: 1 }],
    ['Graduates or freshers, or 2-4 years in inside sales', { minYears: 0 }],
    ['Fresher with a good network / min. 1 year in field sales', { minYears: 0 }],
    ['Recent graduate or up to 3 years of relevant professional experience', { minYears: 0, maxYears: 3 }],
    ['12+ years of experience in program or project management, with at least 5 years leading large programs', { minYears: 12 }],
    // not alternatives: the first phrase
    ['5+ years of Java or Kotlin and 2+ years with AWS', { minYears: 5 }],
    ['3+ years of Python; 1+ years of SQL', { minYears: 3 }],
  ])('%s', (text, expected) => {
    expect(asks(text)).toEqual(expected);
  });

  it.each([
    ['5 years ago we launched'],
    ['we have grown 3x in two years'],
    ['our 10 offices'],
    ['a team of 200 engineers works here'],
    ['founded in 2012'],
    ['over the past 10 years we have grown'],
    ['a 2 year old company'],
    ['a 4-year degree in nursing'],
    ['Four-year college degree'],
    ['2-year college diploma'],
    ['a 12 month contract'],
    ['initial 2 year contract with an extension up to 5 years'],
    ['option exercise window of up to 7 years'],
    ['holiday allowance increases annually up to 4 years of service'],
    ['Mentor freshers and junior staff'],
    ['training freshers in the warehouse'],
    ['Q4 year-end close'],
    ['more than 10,000 years of history'],
    ['within two years you will lead a team'],
    ['With over 75 years of experience, we are a market leader'],
  ])('not a years requirement: %s', (text) => {
    expect(asks(text)).toBeUndefined();
  });

  it('number words one..twenty', () => {
    const words = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
    words.forEach((w, i) => expect(toNumber(w)).toBe(i + 1));
    expect(toNumber('2,5')).toBe(2.5);
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
