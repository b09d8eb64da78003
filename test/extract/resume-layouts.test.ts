// Résumé shapes seen in real two-column template PDFs (our own fixtures, written in their
// patterns): "Company Name - City , State" placeholders, dates alone on a line over the title,
// ranges split over three lines, mojibake separators, phone numbers and dates inside sentences,
// bare degree abbreviations in education sections, stated totals with months.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine.ts';
import { extractText } from '../../src/ingest/extract.ts';
import { readDegree } from '../../src/extract/degree.ts';
import { makePdf } from '../helpers/documents.ts';

const engine = createEngine();
const parse = (text: string) => engine.parseResume(text, { asOf: '2024-06' });
const jobs = (text: string) => parse(text).positions.map((p) => [p.title, p.organization, p.location, p.start, p.end]);
const lex = engine.taxonomy.lexicons;

describe('positions on template layouts', () => {
  it.each<[string, string, Array<Array<string | null>>]>([
    ['title line, then dates with the placeholder employer and place',
      'Experience\nStaff Accountant\nMarch 2016 to Current Company Name \u00ef\u00bc City , State\nReconciled ledgers.\nJunior Accountant\nJune 2012 to February 2016 Company Name \u00ef\u00bc City , State\nPosted journal entries.',
      [['Staff Accountant', 'Company Name', 'City, State', '2016-03', null], ['Junior Accountant', 'Company Name', 'City, State', '2012-06', '2016-02']]],
    ['dates alone, then title and employer run together',
      'Work History\n02/2018 to Current\nCare Coordinator Company Name - City , State\nScheduled visits for patients\n06/2015 to 01/2018\nIntake, Billing and Records Clerk III Company Name - City , State\nFiled claims for patients',
      [['Care Coordinator', 'Company Name', 'City, State', '2018-02', null], ['Intake, Billing and Records Clerk III', 'Company Name', 'City, State', '2015-06', '2018-01']]],
    ['employer and place first, title after, dates at the end',
      'Experience\nCompany Name City , State Line Cook 04/2017 to 09/2019\nPrepared sauces.',
      [['Line Cook', 'Company Name', 'City, State', '2017-04', '2019-09']]],
    ['employer, dates, then title on one line',
      'Experience\nCompany Name May 2010 to August 2013 Payroll Clerk\nProcessed payroll.',
      [['Payroll Clerk', 'Company Name', null, '2010-05', '2013-08']]],
    ['a range split over three lines in a narrow column',
      'Experience\nOctober 2011\nto\nAugust 2015\nWarehouse Supervisor Company Name - City , State\nLed the night shift.',
      [['Warehouse Supervisor', 'Company Name', 'City, State', '2011-10', '2015-08']]],
    ['the description runs on after the place on the date line',
      'Experience\nSales Consultant\nNovember 2013 to Current Company Name - City , State Manages the route team and answers customer questions about products, prices and availability every day of the week.\nLanded new accounts.',
      [['Sales Consultant', 'Company Name', 'City, State', '2013-11', null]]],
    ['a blank line inside a range split over lines',
      'Experience\nApril 1998\nto\n\nFebruary 2003\nSquad Leader Company Name - City , State\nLed a squad.',
      [['Squad Leader', 'Company Name', 'City, State', '1998-04', '2003-02']]],
    ['a lone title above a blank line, then the date line',
      'Experience\nDatabase Manager\n\nFebruary 2000 to April 2002 Company Name - City , State\nBuilt spatial databases.',
      [['Database Manager', 'Company Name', 'City, State', '2000-02', '2002-04']]],
    ['a lone month before the placeholders',
      'Professional Experience\nLeasing Agent 03/2014 Company Name City , State\nFiled resident paperwork.',
      [['Leasing Agent', 'Company Name', 'City, State', '2014-03', '2014-03']]],
    ['dates alone, then title, employer and the description run together on one long line',
      'Experience\n01/2011 to 01/2014\nSurgical Clinical Reviewer Company Name Collected and submitted reliable data to the registry for surgical patients and completed abstraction of cases.\n01/2008 to 01/2010\nField Reviewer Company Name \u00ef\u00bc City , State Provided support for the quality project including grading, reporting and record abstraction for the plan.',
      [['Surgical Clinical Reviewer', 'Company Name', null, '2011-01', '2014-01'], ['Field Reviewer', 'Company Name', 'City, State', '2008-01', '2010-01']]],
    ['dates alone over a long description line whose employer placeholder comes too late: no title from it',
      'Experience\n01/2011 to 01/2014\nCollected and submitted reliable data to the registry for surgical patients at the regional site of Company Name and completed abstraction.',
      [[null, null, null, '2011-01', '2014-01']]],
    ['open ends: Till date, Now',
      'Experience\nTeam Lead, Northwind Foods\tJan 2019 - Till date\nSupport Analyst, Contoso Ltd\tMar 2016 - Now',
      [['Team Lead', 'Northwind Foods', null, '2019-01', null], ['Support Analyst', 'Contoso Ltd', null, '2016-03', null]]],
  ])('%s', (_name, text, expected) => {
    expect(jobs(text)).toEqual(expected);
  });

  it.each<[string, string]>([
    ['a phone number is not a date range', 'Jordan Pike\n(555) 581-2025\njordan@example.com\nExperience\nCashier at the corner store, weekends'],
    ['a phone number without brackets', 'Experience\nCall 555 581 2025 for references'],
    ['honors from 2011-2014 is not a job', 'Experience\nGraduated with honors from 2011-2014 at the state college'],
    ['a sentence that starts at a date', 'Experience\nIn August 2013 I started volunteering at the shelter'],
    ['a degree line beside the jobs', 'Experience\nB.Sc. Nursing 2008 - 2012'],
    ['Python 3.10 is not a date', 'Experience\nPython 3.10, Django 4.2'],
    ['a bracketed date closing a sentence', 'Experience\nWon the regional agency of the year award (September 2017).'],
    ['the tail of a sentence from the line above', 'Experience\nKnowledge of network security against viruses and\nunauthorized system entry (2011-2015)'],
  ])('not a position: %s', (_name, text) => {
    expect(parse(text).positions).toEqual([]);
  });

  it('a "Responsibilities:" label inside an entry does not end the experience section', () => {
    const text = 'Experience\nSales Associate\nAugust 2013 to December 2013 Company Name - City , State\nResponsibilities:\nHelped customers.\nGroundskeeper\nMay 2010 to July 2012 Company Name - City , State\nResponsibilities:\nMowed lawns.\nEducation\nHigh School Diploma : 2010 Avondale High School';
    expect(jobs(text).map((j) => j[0])).toEqual(['Sales Associate', 'Groundskeeper']);
  });

  const entries = (label: string, heading = 'EXPERIENCE'): string =>
    `${heading}\nSenior Accountant, Acme Ltd\t01/2019 - 12/2021\n${label}\n- Cut the month-end close by three days\nAccountant, Beta plc\t01/2015 - 12/2018\n- Statutory accounts\n\nEDUCATION\nBSc Accounting, University of Leeds, 2014`;
  it.each([
    ['Responsibilities:'], ['Key achievements:'], ['Key Achievements'], ['Achievements:'], ['Courses'], ['Courses:'], ['Training:'], ['Job Description'],
  ])('the in-entry label %j does not end the experience section', (label) => {
    const p = parse(entries(label));
    expect(p.positions.map((j) => j.title)).toEqual(['Senior Accountant', 'Accountant']);
    expect(p.sections.map((s) => s.kind)).toEqual(['experience', 'education']);
  });

  it.each([
    ['the next section in the same style', 'AWARDS', 'EXPERIENCE'],
    ['the next section with the same colon', 'Awards:', 'Experience:'],
    ['education in another style', 'Education:', 'EXPERIENCE'],
  ])('ends the experience section: %s', (_name, label, heading) => {
    const p = parse(entries(label, heading));
    expect(p.positions.map((j) => j.title)).toEqual(['Senior Accountant']);
  });

  it('a job title with a high school employer stays a job', () => {
    expect(jobs('Experience\nMathematics Teacher\tSept 2015 - July 2021\nRiverside High School, Bristol')).toEqual([['Mathematics Teacher', 'Riverside High School', 'Bristol', '2015-09', '2021-07']]);
  });

  it('overlapping positions count once in the total, and every position keeps a span', () => {
    const p = parse('Experience\nNurse, Mercy Hospital\t01/2015 - 12/2018\nTutor, Learning Center\t06/2017 - 06/2019');
    expect(p.experience.totalMonths).toBe(54);
    for (const pos of p.positions) expect(pos.span.end).toBeGreaterThan(pos.span.start);
  });
});

describe('two-column template PDF', () => {
  it('reads the jobs of the main column with their dates, titles and employers', async () => {
    const side = 'Skills\nQuickBooks\nPayroll\nBudgeting\nForecasting\nReconciliation\nAuditing';
    const main = 'Experience\nSenior Accountant\nNovember 2014 to Current Company Name - City , State\nClosed the books monthly.\nStaff Accountant\nJune 2010 to October 2014 Company Name - City , State\nReconciled accounts.\n\nEducation\nBS : Accounting , 2010 State University - City , State';
    const pdf = await makePdf([[{ text: side, x: 40, y: 60, width: 140 }, { text: main, x: 230, y: 60, width: 320 }]]);
    const { text } = await extractText(pdf, 'cv.pdf', { maxInputBytes: 5e6, maxPdfPages: 10, maxUnpackedBytes: 5e7 });
    const p = parse(text);
    expect(p.positions.map((x) => [x.title, x.organization, x.start, x.end])).toEqual([
      ['Senior Accountant', 'Company Name', '2014-11', null],
      ['Staff Accountant', 'Company Name', '2010-06', '2014-10'],
    ]);
    expect(p.education.map((e) => e.level)).toEqual(['bachelor']);
  });
});

describe('degrees in an education section', () => {
  it.each<[string, string]>([
    ['MCA', 'master'], ['B.Com', 'bachelor'], ['BA (Hons)', 'bachelor'], ['B. Tech', 'bachelor'], ['B E', 'bachelor'],
    ['PGDBM', 'master'], ['M.B.A', 'master'], ['Graduate (Commerce)', 'bachelor'], ['Associate in Applied Science', 'associate'],
    ['High School Diploma', 'secondary'], ['BCA, MBA', 'master'], ['Degree: MCA', 'master'], ['btech', 'bachelor'],
  ])('%s -> %s', (line, level) => {
    expect(readDegree(lex, line, undefined, { inEducation: true, highest: true })?.degree.level).toBe(level);
  });

  it.each([['Boston, MA'], ['State University, Carlisle, MA'], ['Sales Associate in retail'], ['Graduate']].map(([l]) => [l!]))('not read outside an education section: %s', (line) => {
    // "Graduate" and "Associate in" count only on education lines; a state code never.
    expect(readDegree(lex, line)).toBeNull();
  });

  it('reads an "Educational Qualification" table (label and value on separate lines)', () => {
    const p = parse('Jane Roe\nEducation\nDegree\nMCA\nUniversity\nPune University\nYear\n2012\nDegree\nB.Sc\nYear\n2009');
    expect(p.education.map((e) => e.level).sort()).toEqual(['bachelor', 'master']);
  });

  it('a high school diploma line is secondary, not associate', () => {
    expect(parse('Education\nRiverside High School - Columbus, OH - Diploma, 2012').education.map((e) => e.level)).toEqual(['secondary']);
  });
});

describe('stated total experience', () => {
  it.each<[string, number | undefined]>([
    ['Total IT experience 5 Years 6 Months in testing.', 66],
    ['Analyst with 5years experience in SAP.', 60],
    ['Engineer, 2.5 years overall, mostly in Java.', 30],
    ['Over 8 yrs of experience in sales.', 96],
    ['Total Experience: 7+ Yrs', 84],
    ['Experience of 3 years and 4 months in QA', 40],
    ['Worked with Python 3.10 for years', undefined],
    ['Managed 12 people in 3 regions', undefined],
  ])('%s', (summary, months) => {
    expect(parse(`Jane Roe\nSummary\n${summary}`).experience.statedMonths).toBe(months);
  });
});
