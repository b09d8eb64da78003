// Scoring what a requirement asks: a cluster by the share shown (not all-or-nothing), languages
// asked as alternatives by the best of them, years with no minimum met by anyone.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine.ts';
import { clusterCredit } from '../../src/scoring/skills.ts';

const engine = createEngine();
const AS_OF = { asOf: '2026-11-01' };
const posting = (lines: string): string => `Data Engineer\n\nRequirements\n${lines}\n`;
const resume = (body: string, extra = ''): string => `Sam Lee\nsam@example.com\n\nEXPERIENCE\n${body}\n\nEDUCATION\nBSc Computer Science, University of Leeds, 2015${extra}`;
const first = (r: string, p: string) => engine.score(r, p, AS_OF).requirements[0]!;
const job = (skills: string): string => `Data Engineer, Acme Ltd\tJan 2019 – Present\n- Built pipelines with ${skills}`;

describe('a cluster is credited by the share shown', () => {
  const line = '- Experience with Python, Spark, Airflow and Kafka';
  it.each([
    ['all four', 'Python, Spark, Airflow and Kafka', 1, 'met'],
    ['two of four: half the list earns full credit', 'Python and Spark', 1, 'met'],
    ['one of four: half the credit, and the gate holds', 'Python', 0.5, 'partial'],
    ['none', 'Excel', 0, 'unmet'],
  ])('%s', (_name, skills, credit, status) => {
    const r = first(resume(job(skills)), posting(line));
    expect(r.credit).toBeCloseTo(credit, 2);
    expect(r.status).toBe(status);
  });

  it('the same items asked for each (all of) keep the plain mean', () => {
    const r = first(resume(job('Python and Spark')), posting('- Experience with all of Python, Spark, Airflow and Kafka'));
    expect(r.credit).toBeCloseTo(0.5, 2);
  });

  it('explains the share', () => {
    const r = first(resume(job('Python and Spark')), posting(line));
    expect(r.detail).toMatch(/a cluster of related topics: 2 of 4 shown \(2 of 4 earn full credit\)/);
  });

  it('clusterCredit: the mean over the share, at most 1; plain lines keep the mean', () => {
    expect(clusterCredit(0.25, 0.5)).toBe(0.5);
    expect(clusterCredit(0.75, 0.5)).toBe(1);
    expect(clusterCredit(0.25, undefined)).toBe(0.25);
    expect(clusterCredit(0.25, 1)).toBe(0.25);
  });
});

describe('languages asked as alternatives', () => {
  const langs = (l: string): string => resume(job('Python'), `\n\nLANGUAGES\n${l}`);
  it.each([
    ['Czech only, "Polish or Czech"', 'Czech (native)', '- You speak Polish or Czech', 1],
    ['Czech only, "Polish and Czech"', 'Czech (native)', '- You speak Polish and Czech', 0.5],
    ['neither', 'English (native)', '- Fluency in Dutch or German', 0],
  ])('%s', (_name, l, line, credit) => {
    expect(engine.score(langs(l), posting(line), AS_OF).requirements.find((r) => r.kind === 'language')!.credit).toBeCloseTo(credit, 2);
  });
});

describe('years with no minimum', () => {
  const fresher = `Sam Lee\nsam@example.com\n\nEDUCATION\nBSc Economics, University of Leeds, 2026`;
  it.each([
    ['- 0-2 years of experience in audit'],
    ['- Up to 2 years of relevant work experience'],
    ['- No prior work experience required'],
  ])('someone with no experience passes: %s', (line) => {
    const m = engine.score(fresher, posting(line), AS_OF);
    const r = m.requirements.find((x) => x.kind === 'experience')!;
    expect(r.credit).toBe(1);
    expect(m.gates.passed).toBe(true);
  });

  it('a stated minimum still gates', () => {
    const m = engine.score(fresher, posting('- 2-4 years of experience in audit'), AS_OF);
    expect(m.gates.passed).toBe(false);
  });
});
