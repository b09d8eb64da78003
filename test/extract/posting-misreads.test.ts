// Misreads seen on real postings (issue 10), as table tests with fixtures of our own in the same
// patterns: duties are no qualifications, company blurbs and salary headlines of flattened
// postings ask nothing, a bold label names the item under it without changing the section, and a
// team lead is a technical lead only in a technical context. Each table has must and must-not rows.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine.ts';
import type { Requirement } from '../../src/domain/posting.ts';

const engine = createEngine();
const parse = (text: string): Requirement[] => engine.parsePosting(text).requirements;
const inList = (line: string, heading = 'Requirements'): Requirement[] => parse(`Account Manager\n\n${heading}\n- ${line}\n- Excellent Excel skills\n`).filter((r) => !/Excel skills/.test(r.text));
const flat = (sentence: string): Requirement[] => parse(`Care Assistant Leeds Our team supports older people at home. ${sentence} Please apply with your CV.`);

describe('duties are not qualifications', () => {
  it.each([
    ['Responsible for maintaining stock levels and ordering supplies'],
    ['Responsible for the daily reconciliation of client accounts in Excel'],
    ['Duties include processing invoices and answering customer calls'],
    ['You will be required to support clients with personal care and medication'],
    ['Manage the sales pipeline and report weekly forecasts to the director'],
    ['Maintain accurate records of all customer orders in SAP'],
    ['Keep abreast of changes in employment law and update policies'],
    ['Ensures all deliveries are checked against purchase orders'],
    ['To ensure all residents receive person centred care'],
  ])('in a requirements list, not a requirement: %s', (line) => {
    expect(inList(line)).toEqual([]);
  });
  it.each([
    ['Experience managing the sales pipeline in Salesforce', 'skill'],
    ['Design patterns and SOLID principles', 'skill'],
    ['Proven ability to maintain accurate records under pressure', 'other'],
    ['You will be required to hold a full UK driving licence', 'other'],
    ['Responsibility and ownership: 3+ years managing key accounts', 'experience'],
    ['Develop and maintain strong client relationships with 3+ years of account management experience', 'experience'],
  ])('a qualification stays: %s', (line, kind) => {
    expect(inList(line).map((r) => r.kind)).toContain(kind);
  });
  it.each([
    ['You will be required to support service users with all aspects of daily living, including medication.'],
    ['Responsible for ensuring all care plans are up to date and must be completed on time.'],
    ['Duties include administering medication, supervising care staff and liaising with families.'],
  ])('in a flattened posting, not a requirement: %s', (sentence) => {
    expect(flat(sentence)).toEqual([]);
  });
  it.each([
    ['You must hold an NVQ Level 3 in Health and Social Care.'],
    ['You will be required to hold a full UK driving licence and have access to a car.'],
    ['Applicants must have at least two years of experience in domiciliary care.'],
  ])('in a flattened posting, a requirement: %s', (sentence) => {
    expect(flat(sentence).length).toBeGreaterThan(0);
  });
});

describe('company blurbs and salary headlines of flattened postings ask nothing', () => {
  it.each([
    ['Our client based in Manchester has requirements for many customer service advisers with an interest in gaming.'],
    ['Northwind Supplies is one of the leading B2B distributors in the UK, with over 20 years of trading experience.'],
    ['A fantastic opportunity for a care assistant has arisen within a Good rated home on the outskirts of Leeds.'],
    ['The company has grown rapidly and now has a turnover in excess of 40m with experience across Europe.'],
    ['Sales Executive Leeds Salary 28k plus uncapped commission (depending upon experience) for the right person.'],
    ['Starting salary of 24,000 per annum depending on experience.'],
  ])('not a requirement: %s', (sentence) => {
    expect(flat(sentence)).toEqual([]);
  });
  it.each([
    // a blurb that also states a need in so many words
    ['The wards run day and night, therefore you will need to be flexible to cover early and late shifts.', 'the wards'],
    // a full stop lost between a blurb and the requirement: the requirement is read from its start
    ['They provide around 300 care calls a week and want this level kept Candidates must hold a care management qualification.', 'Candidates must hold'],
  ])('a requirement: %s', (sentence, start) => {
    const rs = flat(sentence);
    expect(rs.length).toBeGreaterThan(0);
    expect(rs[0]!.text.toLowerCase().startsWith(start.toLowerCase())).toBe(true);
  });
});

describe('a bold label names the item under it; it is no heading and no requirement', () => {
  const posting = (body: string): Requirement[] => parse(`Data Analyst\n\nWhat You Bring\n${body}\n\nBenefits\n- Pension and 25 days of holiday\n`);
  it('a label on its own line, the item on the next', () => {
    const rs = posting('* **Cloud Deployment Know-How:**\n  Familiarity with deploying models on AWS or GCP\n* **Scalable Data Design:**\n  Proven ability to design data models in SQL');
    expect(rs.map((r) => r.text)).toEqual(['Familiarity with deploying models on AWS or GCP', 'Proven ability to design data models in SQL']);
    expect(rs.every((r) => r.required && r.source === 'requirements')).toBe(true);
  });
  it('a label before the item on one line is no part of it', () => {
    const rs = posting('- **Analytical Mindset:** Strong analytical skills with Python and SQL\n- __Team Player__: Collaborative spirit across teams');
    expect(rs[0]!.text).toBe('Strong analytical skills with Python and SQL');
    expect(rs.some((r) => /Analytical Mindset|\*\*/.test(r.text))).toBe(false);
  });
  it('a mixed-case label line does not end the requirements section', () => {
    const rs = posting('Collaborative Communicator:\n- Excellent written and spoken English\n**Problem Solver**\n- Experience with statistics and Python');
    expect(rs.map((r) => r.kind)).toEqual(expect.arrayContaining(['language', 'skill']));
    expect(rs.every((r) => r.required)).toBe(true);
  });
  it.each([
    // must-not: labels that are section words still open their section
    ['**Nice to have:**\n- Experience with Kafka', false],
    ['**Benefits:**\n- Experience with Kafka', null],
  ])('a section label still decides: %s', (body, required) => {
    const rs = posting(`- Python experience\n${body}`).filter((r) => /Kafka/.test(r.text));
    if (required === null) expect(rs).toEqual([]);
    else expect(rs[0]?.required).toBe(required);
  });
});

describe('leadership: a team lead is a technical lead only in a technical context', () => {
  const kinds = (line: string): string[] => parse(`Team Leader\n\nRequirements\n- ${line}\n`).flatMap((r) => r.leadership?.kinds ?? []);
  it.each([
    ['Led a team of 8 sales reps to exceed quarterly targets'],
    ['2+ years as Sales Team Lead'],
    ['Experience as a Shift Lead in a busy restaurant'],
    ['Team leader experience in a call centre'],
    ['Experience leading a team of nurses on a surgical ward'],
    ['Proven track record as a team lead in retail'],
  ])('people management, not tech-lead: %s', (line) => {
    const k = kinds(line);
    expect(k).toContain('people-management');
    expect(k).not.toContain('tech-lead');
  });
  it.each([
    ['Experience as a team lead of a software development team'],
    ['Led a team of 5 engineers building payment APIs'],
    ['Team lead experience in an IT support desk'],
    ['Experience leading a team of data scientists'],
    ['Proven experience as a tech lead'],
    ['Technical leadership of a platform team'],
  ])('tech-lead: %s', (line) => {
    expect(kinds(line)).toContain('tech-lead');
  });
});

describe('an item opening with a third-person verb is a duty', () => {
  it.each([
    ['Identifies and develops new customers and pursues leads'],
    ['Develops and maintains monthly sales reports for the region'],
    ['Coordinates schedules across three warehouses'],
  ])('not a requirement: %s', (line) => {
    expect(inList(line)).toEqual([]);
  });
  it.each([
    ['Reports and dashboards in Tableau or Power BI'],
    ['Processes and procedures knowledge for SOX audits'],
    ['Develops strong client relationships, with 5+ years of account management experience'],
  ])('a qualification stays: %s', (line) => {
    expect(inList(line).length).toBeGreaterThan(0);
  });
});

describe('a requirement list run together without separators is read item by item', () => {
  it.each<[string, string[]]>([
    ['The successful candidate must be a qualified RGN Registered Nurse Complete satisfactory enhanced DBS checks Able to demonstrate a proven track record of managing budgets.',
      ['must be a qualified RGN Registered Nurse', 'Able to demonstrate a proven track record of managing budgets.']],
    ['Candidates must have genuine care for others Good communication skills Ability to follow instructions and a full driving licence.',
      ['must have genuine care for others', 'Good communication skills', 'Ability to follow instructions and a full driving licence.']],
    ['You must have 2 years of Sage experience Excellent Excel skills are essential.',
      ['must have 2 years of Sage experience', 'Excellent Excel skills are essential.']],
  ])('%s', (sentence, items) => {
    const got = flat(sentence).map((r) => r.text);
    for (const item of items) expect(got.some((t) => t.endsWith(item))).toBe(true);
    expect(got.some((t) => t.length > items.reduce((a, b) => Math.max(a, b.length), 0) + 40)).toBe(false);
  });
  it.each<[string]>([
    // A capital after a capital (Title Case, names), or after punctuation, is no new item.
    ['Candidates must have Excellent Communication Skills And Strong Attention To Detail.'],
    ['Candidates must have experience of Microsoft Excel, Sage Line 50 and Xero.'],
    ['Candidates must hold an NVQ Level 3 in Health and Social Care or equivalent.'],
  ])('one requirement: %s', (sentence) => {
    expect(flat(sentence).map((r) => r.text)).toHaveLength(1);
  });
  it('a duty run into the list is dropped', () => {
    const got = flat('You must be a registered social worker with two years post qualifying experience Contribute to team meetings and case reviews as necessary.').map((r) => r.text);
    expect(got.some((t) => /Contribute to team meetings/.test(t))).toBe(false);
    expect(got.some((t) => /registered social worker/.test(t))).toBe(true);
  });
});

describe("an advert's headline ('<job title> Required for ...') is no requirement", () => {
  it.each([
    ['RGN Deputy Home Manager Required for Large Nursing Home Fixed Term 12 Months Westbourne.'],
    ['Home Care Assistants required across Aberdeen and the surrounding villages.'],
    ['Chefs Wanted Nationwide with live in accommodation.'],
  ])('dropped: %s', (sentence) => {
    expect(flat(sentence)).toEqual([]);
  });
  it.each([
    ['A Care Assistant is required to hold a full driving licence.'],
    ['Python developer needed, 5 years of Python required.'],
    ['Candidates must have a full UK driving licence, which is required for the role.'],
    // A known name before "required" that is no title at the end of the words.
    ['Experience with Java, Python and AWS is required.'],
  ])('kept: %s', (sentence) => {
    expect(flat(sentence).length).toBeGreaterThan(0);
  });
});

describe('a duty in the -ing form in a requirements list is no requirement', () => {
  it.each([
    ['Coordinating with management and internal teams on sales goals, planning, and forecasting'],
    ['Analyzing and sharing active feedback about customer behaviour with the marketing team'],
    ['Reviewing, analyzing and reporting on the performance of bonus schemes each quarter'],
    ['Planning the weekly rota for the kitchen team'],
  ])('dropped: %s', (line) => {
    expect(inList(line)).toEqual([]);
  });
  it.each([
    ['Building and maintaining data pipelines in Airflow'],
    ['Developing RESTful APIs using Node.js and Express'],
    ['Managing multiple priorities under pressure'],
    ['Working knowledge of SAP and Excel pivot tables'],
    ['Understanding of databases and API calls'],
    ['Managing a team of five with experience of budgets'],
  ])('kept: %s', (line) => {
    expect(inList(line).length).toBeGreaterThan(0);
  });
});
