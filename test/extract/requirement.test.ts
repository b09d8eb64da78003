// Requirement lines, table-driven through the posting parser: each row is one qualification
// line under a heading, and what it must (or must not) become.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine.ts';
import type { Requirement } from '../../src/domain/posting.ts';

const engine = createEngine();
const read = (line: string, heading = 'Requirements'): Requirement[] => engine.parsePosting(`Software Engineer\n\n${heading}\n- ${line}\n`).requirements;
const ids = (xs?: Array<{ id: string }>): string[] => (xs ?? []).map((x) => x.id);

describe('skills: OR-groups, AND-lists, categories', () => {
  it.each([
    ['Experience programming with at least one modern language such as Java, C++, or C#', ['java', 'cpp', 'csharp'], []],
    ['Experience with R, SAS or Python', ['r', 'sas', 'python'], []],
    ['Strong knowledge of SQL and Python', [], ['sql', 'python']],
    ['Experience with AWS, GCP or Azure', ['aws', 'gcp', 'azure'], []],
    ['One of Java, Kotlin or Scala', ['java', 'kotlin', 'scala'], []],
    ['Kafka, RabbitMQ, or another message broker', ['apache-kafka', 'rabbitmq', 'message-queues'], []],
  ])('%s', (line, anyOf, allOf) => {
    const [r] = read(line);
    expect(r).toBeDefined();
    expect(ids(r!.anyOf)).toEqual(anyOf);
    expect(ids(r!.allOf)).toEqual(allOf);
  });

  it('a category requirement names the category', () => {
    const [r] = read('Experience with a relational database');
    expect(ids(r!.allOf)).toEqual(['relational-databases']);
  });
});

describe('years and recency', () => {
  it.each([
    ['5+ years of experience with Java', { kind: 'experience', minYears: 5 }, ['java']],
    ['3-5 years of experience in B2B sales', { kind: 'experience', minYears: 3, maxYears: 5 }, []],
    ['8+ years of non-internship professional software development experience', { kind: 'experience', minYears: 8, scope: { text: 'non-internship professional software development', professional: true } }, []],
    ['Experience in development in the last 3 years', { kind: 'experience', withinYears: 3 }, []],
  ])('%s', (line, expected, skills) => {
    const r = read(line).find((x) => x.kind === 'experience');
    expect(r).toMatchObject(expected);
    for (const s of skills) expect(ids([...(r!.anyOf ?? []), ...(r!.allOf ?? [])])).toContain(s);
  });
});

describe('education', () => {
  it.each([
    ["Bachelor's degree in computer science or equivalent", { level: 'bachelor', orEquivalent: true }],
    ['BA/BS degree or equivalent practical experience', { level: 'bachelor', orEquivalent: true }],
    ["Master's degree in Statistics or a related field", { level: 'master', relatedFields: true }],
    ['PhD in Machine Learning', { level: 'doctorate' }],
  ])('%s', (line, degree) => {
    const r = read(line).find((x) => x.kind === 'education');
    expect(r?.degree).toMatchObject(degree);
  });

  it.each([['Proficiency in MS Excel'], ['Experience with LLMs and RAG']])('not a degree: %s', (line) => {
    expect(read(line).some((x) => x.kind === 'education')).toBe(false);
  });
});

describe('spoken languages', () => {
  it.each([
    ['Fluent in English and Mandarin', [{ code: 'en', level: 'C1' }, { code: 'zh', level: 'C1' }], true],
    ['Business-level Japanese', [{ code: 'ja' }], true],
    ['Spanish is a plus', [{ code: 'es', level: null }], false],
    ['Native French speaker', [{ code: 'fr', level: 'native' }], true],
  ])('%s', (line, languages, required) => {
    const r = read(line).find((x) => x.kind === 'language');
    expect(r?.languages).toMatchObject(languages);
    expect(r?.required).toBe(required);
  });
});

describe('nationality adjectives are not languages', () => {
  it.each([['Irish market experience is a plus'], ['Experience with German customers'], ['A passion for French cuisine']])('%s', (line) => {
    expect(read(line).some((r) => r.kind === 'language')).toBe(false);
  });
});

describe('leadership and certifications', () => {
  it('reads mentoring, tech lead and team lead kinds', () => {
    const r = read('Experience as a mentor, tech lead or leading an engineering team').find((x) => x.kind === 'leadership');
    expect(r?.leadership?.kinds).toEqual(expect.arrayContaining(['mentoring', 'tech-lead']));
  });
  it('reads team size', () => {
    const r = read('Managed a team of 5+ engineers').find((x) => x.kind === 'leadership');
    expect(r?.leadership?.minTeamSize).toBe(5);
  });
  it.each([['CPA required', 'cpa'], ['PMP certification preferred', 'pmp']])('%s', (line, id) => {
    const r = read(line).find((x) => x.kind === 'certification');
    expect(ids(r?.certifications)).toContain(id);
  });
  it.each([
    ['Experience leading or managing a small team of DBAs', 'people-management'],
    ['Experience leading multidisciplinary teams', 'people-management'],
    ['Proven experience mentoring engineers or leading a feature team', 'mentoring'],
    ['Track record of leading large, cross-team technical initiatives', 'project-leadership'],
  ])('reads %s as %s', (line, kind) => {
    const r = read(line).find((x) => x.kind === 'leadership');
    expect(r?.leadership?.kinds).toContain(kind);
  });
  it.each([['Experience with LED lighting installations'], ['Own lead generation for the region'], ['Experience managing stakeholders across teams'], ['Building trust with the team matters to us']])('not leadership: %s', (line) => {
    expect(read(line).some((x) => x.kind === 'leadership')).toBe(false);
  });
});

describe('required or preferred', () => {
  it.each([
    ['Requirements', 'Python experience', true],
    ['Nice to have', 'Python experience', false],
    ['Requirements', 'Python experience is a plus', false],
    ['Preferred Qualifications', 'Python experience is required', true],
    ['Requirements', 'Experience with Postgres (MySQL ideally)', true],
  ])('%s: %s', (heading, line, required) => {
    expect(read(line, heading)[0]?.required).toBe(required);
  });
});

describe('not requirements', () => {
  it.each([
    ['5 years ago we launched our first product'],
    ['Our 10 offices span three continents'],
    ['A team of 200 engineers works here'],
    ['We have grown 3x in two years'],
  ])('%s', (line) => {
    expect(read(line)).toEqual([]);
  });
});

describe('clauses of one line', () => {
  it('splits "must-have; nice-to-have" into two requirements', () => {
    const rs = read('Strong SQL and Python; Scala is a plus');
    expect(rs.map((r) => [r.text, r.required])).toEqual([['Strong SQL and Python', true], ['Scala is a plus', false]]);
  });
  it('keeps a clause that explains the one before it out of the requirements', () => {
    expect(read("Experience with AWS, GCP or Azure. We're on AWS, but we care about concepts.").map((r) => r.text)).toEqual(['Experience with AWS, GCP or Azure.']);
  });
  it('does not split inside brackets or after abbreviations', () => {
    expect(read('CPA required (active license; NC or transferable)').length).toBe(1);
    expect(read('Strong knowledge of U.S. GAAP and month-end close').map((r) => r.text)).toEqual(['Strong knowledge of U.S. GAAP and month-end close']);
  });
  it('reads "a plus but not required" as a nice-to-have', () => {
    expect(read('German is a plus but not required')[0]?.required).toBe(false);
  });
});

describe('inline headings', () => {
  it('reads "Requirements: ..." and "Nice to have: ..." on the heading line', () => {
    const p = engine.parsePosting('Backend Engineer\nAcme Corp\n\nRequirements: 5+ years of Java, Spring Boot and SQL.\nNice to have: Kubernetes.\n');
    expect(p.requirements.map((r) => [r.kind, r.required, r.text])).toEqual([
      ['experience', true, '5+ years of Java, Spring Boot and SQL.'],
      ['skill', false, 'Kubernetes.'],
    ]);
  });
});
