// The two real seed postings: what a recruiter would read from them, asserted field by field.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine.ts';
import type { Requirement } from '../../src/domain/posting.ts';

const engine = createEngine();
const seed = (f: string): string => readFileSync(new URL(`../fixtures/seeds/${f}`, import.meta.url), 'utf8');
const ids = (r: Requirement, k: 'anyOf' | 'allOf'): string[] => (r[k] ?? []).map((x) => x.id);
const find = (rs: Requirement[], start: string): Requirement[] => rs.filter((r) => r.text.startsWith(start));

describe('seed: Amazon Senior SDE, Discovery Tech, Barcelona (a noisy scraped page)', () => {
  const text = seed('amazon-senior-sde-discovery-tech-barcelona.txt');
  const p = engine.parsePosting(text);

  it('reads the header', () => {
    expect(p.title).toBe('Senior Software Development Engineer, Discovery Tech');
    expect(p.seniority).toBe('senior');
    expect(p.company).toBe('Amazon');
    expect(p.location).toMatchObject({ city: 'Barcelona', region: 'B', country: 'ES', workMode: 'on-site' });
    expect(p.employmentType).toBe('full-time');
  });

  it('reads only the posting: nothing from reviews, salaries or interview statistics', () => {
    const body = text.slice(p.body.start, p.body.end);
    expect(body).toContain('Basic Qualifications');
    expect(body).not.toMatch(/Total Views|Salary Ranges|Interview Experience|Recommend to a Friend/);
    for (const r of p.requirements) {
      expect(r.span.start).toBeGreaterThanOrEqual(p.body.start);
      expect(r.span.end).toBeLessThanOrEqual(p.body.end);
      expect(r.text).not.toMatch(/Coding\/Algorithm|Leadership Principles|Poor management|Good pay/);
    }
    expect(p.warnings.map((w) => w.code)).toContain('BODY_TRIMMED');
  });

  it('reads every basic qualification as a must-have', () => {
    const [mentor] = find(p.requirements, 'Experience as a mentor, tech lead');
    expect(mentor).toMatchObject({ kind: 'leadership', required: true });
    expect(mentor!.leadership!.kinds).toEqual(expect.arrayContaining(['mentoring', 'tech-lead']));
    const arch = find(p.requirements, 'Experience leading the architecture and design');
    expect(arch.some((r) => r.kind === 'leadership' && r.required && r.leadership!.kinds.includes('architecture'))).toBe(true);
    expect(find(p.requirements, 'Experience in professional, non-internship software development')[0]).toMatchObject({ kind: 'experience', required: true, scope: { professional: true } });
    const lang = find(p.requirements, 'Experience programming with at least one modern language')[0]!;
    expect(lang).toMatchObject({ kind: 'skill', required: true });
    expect(ids(lang, 'anyOf')).toEqual(['java', 'cpp', 'csharp']);
    expect(find(p.requirements, 'Experience in development in the last 3 years')[0]).toMatchObject({ kind: 'experience', required: true, withinYears: 3 });
  });

  it('reads the preferred qualifications as nice-to-haves', () => {
    expect(find(p.requirements, "Bachelor's degree in computer science or equivalent")[0]).toMatchObject({
      kind: 'education', required: false, degree: { level: 'bachelor', fields: ['Computer science'], orEquivalent: true },
    });
    const sdlc = find(p.requirements, 'Experience with full software development life cycle')[0]!;
    expect(sdlc.required).toBe(false);
    expect(ids(sdlc, 'allOf')).toEqual(expect.arrayContaining(['code-review', 'version-control', 'testing']));
  });
});

describe('seed: Amazon SDE, Amazon Photos, Bengaluru', () => {
  const p = engine.parsePosting(seed('amazon-sde-photos-bengaluru.txt'));

  it('reads the header', () => {
    expect(p.title).toBe('Software Development Engineer, Amazon Photos');
    expect(p.company).toBe('Amazon');
    expect(p.location).toMatchObject({ city: 'Bengaluru', country: 'IN' });
  });

  it('reads the basic qualifications with years and scopes', () => {
    const must = p.requirements.filter((r) => r.required);
    expect(find(must, '5+ years of non-internship professional software development experience')[0]).toMatchObject({ kind: 'experience', minYears: 5, scope: { professional: true } });
    expect(find(must, '5+ years of programming with at least one software programming language')[0]).toMatchObject({ kind: 'experience', minYears: 5 });
    expect(find(must, '5+ years of leading design or architecture')[0]).toMatchObject({ kind: 'experience', minYears: 5, leadership: { kinds: ['architecture'] } });
    expect(find(must, 'Experience as a mentor, tech lead or leading an engineering team')[0]).toMatchObject({ kind: 'leadership' });
    expect(ids(find(must, 'Background in distributed systems and scalable architectures')[0]!, 'allOf')).toEqual(['distributed-systems', 'scalability']);
  });

  it('reads the preferred qualifications, including the 8+ years', () => {
    const nice = p.requirements.filter((r) => !r.required);
    expect(find(nice, '8+ years of non-internship professional software development experience')[0]).toMatchObject({ kind: 'experience', minYears: 8 });
    expect(find(nice, "Bachelor's degree in computer science or equivalent")[0]).toMatchObject({ kind: 'education', degree: { level: 'bachelor', orEquivalent: true } });
    expect(find(nice, 'Experience mentoring engineers')[0]).toMatchObject({ kind: 'leadership', leadership: { kinds: ['mentoring'] } });
    expect(ids(find(nice, 'Deep expertise in cloud computing and microservices architecture')[0]!, 'allOf')).toEqual(['cloud-computing', 'microservices']);
  });

  it('takes no requirement from responsibilities or the accommodation notice', () => {
    for (const r of p.requirements) expect(r.text).not.toMatch(/^(Define and execute|Architect and lead|Our inclusive culture)/);
  });
});
