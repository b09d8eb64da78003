// Postings read by their structure as a recruiter would: sections by meaning, inline labels, glued
// and wrapped lines, flattened postings and boilerplate. Fixtures written for these tests.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine.ts';
import { listItems } from '../../src/extract/posting-lists.ts';

const engine = createEngine();
const parse = (text: string): Array<[boolean, string]> => engine.parsePosting(text).requirements.map((r) => [r.required, r.text]);

describe('nice-to-have and required sections by their cue words', () => {
  it.each([
    ['Would be a plus'], ['Bonus'], ['Assets'], ['Desirable'], ['Advantageous'], ["It's a plus if you"], ['What would make you stand out'], ['Extra credit'],
  ])('"%s" opens a nice-to-have section', (heading) => {
    const reqs = parse(`Backend Engineer\nAcme\n\nRequirements\n- 5+ years of experience with Java\n\n${heading}\n- Experience with Kafka\n- Kubernetes\n`);
    expect(reqs).toEqual([[true, '5+ years of experience with Java'], [false, 'Experience with Kafka'], [false, 'Kubernetes']]);
  });

  it.each([
    ['Your job type'], ['Benefits'], ['About us'], ['Salary'], ['How to apply'], ['What we offer'], ['Why join us'], ['Equal Opportunity'],
  ])('"%s" ends the requirements and gives none', (heading) => {
    const reqs = parse(`Backend Engineer\nAcme\n\nRequirements\n- 5+ years of experience with Java\n\n${heading}\n- Training budget for Python and AWS courses\n- Experience of a lifetime\n`);
    expect(reqs).toEqual([[true, '5+ years of experience with Java']]);
  });
});

describe('inline labelled sections', () => {
  it('reads each label as a section and a bare list item by item', () => {
    const p = engine.parsePosting('Web Developer\nAcme, Pune\n\nMust-have skills: HTML, CSS, PHP; Soft skills: communication, teamwork; Preferred: Docker, Kafka\n');
    expect(p.requirements.map((r) => [r.required, r.text])).toEqual([
      [true, 'HTML'], [true, 'CSS'], [true, 'PHP'], [true, 'communication'], [true, 'teamwork'], [false, 'Docker'], [false, 'Kafka'],
    ]);
  });

  it('reads "Skill: ...; Exp: ..." lines', () => {
    const p = engine.parsePosting('Java Developer\nAcme\n\nSkill: Java, Spring, MySQL; Exp: 4-7 years\n');
    expect(p.requirements.map((r) => r.text)).toEqual(['Java', 'Spring', 'MySQL', '4-7 years']);
    expect(p.requirements.at(-1)).toMatchObject({ kind: 'experience', minYears: 4 });
  });
});

describe('list items: a bare list is read item by item, a sentence or alternatives stay whole', () => {
  const items = (s: string): string[] => listItems(s, { start: 0, end: s.length }).map((x) => s.slice(x.start, x.end));
  it.each([
    ['html5, ajax, oop', ['html5', 'ajax', 'oop']],
    ['Docker; Kafka; Redis', ['Docker', 'Kafka', 'Redis']],
    ['ml,artificial intelligence,image processing', ['ml', 'artificial intelligence', 'image processing']],
    ['Jira | Confluence | Git', ['Jira', 'Confluence', 'Git']],
  ])('%s', (s, expected) => {
    expect(items(s)).toEqual(expected);
  });
  it.each([
    ['Java, C++, or C#'],
    ['one of Python, Go, Rust'],
    ['Excellent written, verbal and interpersonal skills'],
    ['Experience with AWS, GCP and Azure'],
    ['Expert-level Figma skills, including auto layout, variants, components'],
    ['Python'],
    ['You have shipped products, led teams, and mentored engineers'],
  ])('stays whole: %s', (s) => {
    expect(items(s)).toEqual([s]);
  });
});

describe('glued, wrapped and flattened postings', () => {
  it('splits list items glued together (LinkedIn exports)', () => {
    const reqs = parse('Account Manager\nAcme\n\nQualificationsBachelor\'s degree in Business or a related field3+ years of experience in B2B salesStrong negotiation skillsExperience with Salesforce CRM\n');
    expect(reqs.map((r) => r[1])).toEqual(["Bachelor's degree in Business or a related field", '3+ years of experience in B2B sales', 'Strong negotiation skills', 'Experience with Salesforce CRM']);
  });

  it('reads a wrapped bullet as one requirement', () => {
    const reqs = parse('Data Engineer\nAcme\n\nRequirements\n- 4+ years of experience building data pipelines with\n  Spark and Airflow\n- Strong SQL\n');
    expect(reqs.map((r) => r[1])).toEqual(['4+ years of experience building data pipelines with\n  Spark and Airflow', 'Strong SQL']);
  });

  it('finds requirement sentences in a flattened posting and none in its boilerplate', () => {
    const text = 'Staff Nurse  Leeds  Our client is a leading care provider in Leeds with a friendly team. The successful candidate must be NMC registered with experience in elderly care. Knowledge of medication administration is essential. Ideally you will have experience with Microsoft Excel. In return we offer a competitive salary, pension scheme and 28 days annual leave. Please click apply to send your CV.';
    const p = engine.parsePosting(text);
    expect(p.requirements.map((r) => [r.required, r.text])).toEqual([
      [true, 'The successful candidate must be NMC registered with experience in elderly care.'],
      [true, 'Knowledge of medication administration is essential.'],
      [false, 'Ideally you will have experience with Microsoft Excel.'],
    ]);
  });
});

describe('plain-sentence requirements in flattened postings', () => {
  const posting = (sentence: string): string =>
    `Care Assistant  Kent  We are recruiting a care assistant for a friendly residential home in Ashford. ${sentence} Our client offers free parking and a pension scheme. Please apply now with your CV.`;
  it.each([
    ['As a care assistant you will need to have good communication skills both spoken and written.', true],
    ['You will have a full clean driving licence and experience in elderly care.', true],
    ['All applicants must hold a valid DBS certificate.', true],
    ['It is essential that applicants are flexible across weekends and nights.', true],
    ['NVQ Level 2 in Health and Social Care is desirable.', false],
    ['The successful candidate will have at least 2 years experience in residential care.', true],
  ])('must read %j', (sentence, required) => {
    expect(parse(posting(sentence))).toEqual([[required, sentence]]);
  });

  it.each([
    ['You will have the opportunity to complete an NVQ in Health and Social Care.'],
    ['To support residents with personal care and daily activities.'],
    ['Duties include medication rounds and record keeping.'],
    ['You will support residents with their daily activities.'],
    ['As a member of our team, you will have the opportunity to gain experience of dementia care.'],
  ])('must not read %j', (sentence) => {
    expect(parse(posting(sentence))).toEqual([]);
  });
});

describe('labels inside list items', () => {
  it('reads "- **Skills:** A, B" as its items, without the label, and a preferred label as nice-to-have', () => {
    const reqs = parse('Data Engineer\nAcme\n\n## Requirements\n- **Skills:** Python, SQL, Airflow\n- **Experience:** 3+ years in data engineering\n- **Nice to have:** Kafka, dbt\n- Bonus: Spark experience\n');
    expect(reqs).toEqual([
      [true, 'Python'], [true, 'SQL'], [true, 'Airflow'], [true, '3+ years in data engineering'], [false, 'Kafka'], [false, 'dbt'], [false, 'Spark experience'],
    ]);
  });

  it('keeps a colon that is part of the requirement', () => {
    const reqs = parse('Data Engineer\nAcme\n\nRequirements\n- Strong SQL: window functions and CTEs\n- Note: on-call one week a month\n');
    expect(reqs.map((r) => r[1])).toContain('Strong SQL: window functions and CTEs');
  });

  it('keeps every requirement of no known kind, told apart by its words', () => {
    const reqs = parse('Analyst\nAcme\n\nRequirements\n- Ability to explain numbers to a lay audience\n- Willingness to travel up to 50% to client sites\n');
    expect(reqs).toEqual([[true, 'Ability to explain numbers to a lay audience'], [true, 'Willingness to travel up to 50% to client sites']]);
  });
});

describe('boilerplate', () => {
  it('skills named only in boilerplate are not the role skills', () => {
    const p = engine.parsePosting('Backend Engineer\nAcme\n\nRequirements\n- Experience with Go\n\nAcme is an equal opportunity employer and uses Workday and Python-based tools to make recruiting decisions fairly.\n');
    expect(p.skills.map((s) => s.id)).toContain('go');
    expect(p.skills.map((s) => s.id)).not.toContain('python');
  });
});

describe('letter-spaced headings (shared with résumés)', () => {
  it('are headings, and their single letters are never skills (R, C)', () => {
    const r = engine.parseResume('Jane Doe\njane@example.com\n\nT E C H N I C A L   S K I L L S\nPython, SQL\n\nC E R T I F I C A T I O N S\nAWS Certified Developer\n\nR E F E R E N C E S\nAvailable on request\n');
    expect(r.sections.map((s) => s.kind)).toEqual(expect.arrayContaining(['skills', 'certifications', 'references']));
    expect(r.skills.map((s) => s.id)).not.toContain('r');
    expect(r.skills.map((s) => s.id)).not.toContain('c');
    const p = engine.parsePosting('Senior Engineer\nAcme\n\nR E Q U I R E M E N T S\n- Experience with Java\n\nN I C E   T O   H A V E\n- Kafka\n');
    expect(p.requirements.map((q) => [q.required, q.text])).toEqual([[true, 'Experience with Java'], [false, 'Kafka']]);
    expect(p.skills.map((s) => s.id)).not.toContain('c');
  });
});
