// Scoring: the seeds against résumés written for them, scorer tables, fairness and
// monotonicity properties, determinism.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createEngine } from '../../src/engine.ts';

const engine = createEngine();
const AS_OF = { asOf: '2026-11-01' };
const read = (p: string): string => readFileSync(new URL(`../fixtures/${p}`, import.meta.url), 'utf8');
const seeds = { bengaluru: read('seeds/amazon-sde-photos-bengaluru.txt'), barcelona: read('seeds/amazon-senior-sde-discovery-tech-barcelona.txt') };
const people = ['strong-fit', 'near-miss-years', 'different-field', 'keyword-stuffer'] as const;
const resumes = Object.fromEntries(people.map((p) => [p, read(`match/${p}.txt`)])) as Record<(typeof people)[number], string>;

describe('the seeds, ranked as a recruiter would', () => {
  for (const [name, posting] of Object.entries(seeds)) {
    it(`${name}: strong fit first, then the near miss, then the different field, then the keyword-stuffer`, () => {
      const s = Object.fromEntries(people.map((p) => [p, engine.score(resumes[p], posting, AS_OF)]));
      expect(s['strong-fit']!.score).toBeGreaterThan(s['near-miss-years']!.score);
      expect(s['near-miss-years']!.score).toBeGreaterThan(s['different-field']!.score);
      expect(s['near-miss-years']!.score).toBeGreaterThan(s['keyword-stuffer']!.score);
      // A real career in another field over a keyword list with no dated experience.
      expect(s['different-field']!.score).toBeGreaterThan(s['keyword-stuffer']!.score);
      expect(s['strong-fit']!.score).toBeGreaterThanOrEqual(80);
      expect(s['strong-fit']!.gates.passed).toBe(true);
      expect(s['different-field']!.gates.passed).toBe(false);
      expect(s['keyword-stuffer']!.gates.passed).toBe(false);
    });
  }

  it('bengaluru: the near miss is short on years, and the gap says so', () => {
    const m = engine.score(resumes['near-miss-years'], seeds.bengaluru, AS_OF);
    const top = m.requirements.find((r) => r.id === m.gaps[0]!.requirementId)!;
    expect(top.text).toMatch(/years/);
    expect(top.status).toBe('partial');
    expect(m.requirements.find((r) => r.text.startsWith('5+ years of non-internship'))!.detail).toMatch(/found 4 years 4 months/);
  });

  it('the keyword-stuffer gets nothing for experience it cannot date', () => {
    const m = engine.score(resumes['keyword-stuffer'], seeds.bengaluru, AS_OF);
    for (const r of m.requirements.filter((x) => x.kind === 'experience' && x.required)) expect(r.credit).toBeLessThan(0.5);
  });

  it('explains every requirement with evidence from both documents', () => {
    const m = engine.score(resumes['strong-fit'], seeds.barcelona, AS_OF);
    for (const r of m.requirements) {
      expect(r.evidence[0]).toMatchObject({ source: 'posting', text: r.text });
      expect(seeds.barcelona.slice(r.evidence[0]!.span.start, r.evidence[0]!.span.end)).toBe(r.text);
      if (r.status === 'met' && r.kind === 'skill') expect(r.evidence.some((e) => e.source === 'resume')).toBe(true);
    }
    for (const e of m.requirements.flatMap((r) => r.evidence).filter((x) => x.source === 'resume' && x.span.end - x.span.start === x.text.length)) {
      expect(resumes['strong-fit'].slice(e.span.start, e.span.end)).toBe(e.text);
    }
    expect(m.ceiling).toBeGreaterThanOrEqual(m.score);
    expect(m.summary).toMatch(/^Strong fit/);
  });
});

const posting = (lines: string, heading = 'Requirements'): string => `Backend Engineer\n\n${heading}\n${lines}\n`;
const resume = (body: string): string => `Sam Lee\nsam@example.com\n\nEXPERIENCE\n${body}\n\nEDUCATION\nBSc Computer Science, University of Leeds, 2015`;
const credit = (r: string, p: string): number => engine.score(r, p, AS_OF).requirements[0]!.credit;

describe('skill credit through the taxonomy', () => {
  it.each([
    ['the skill itself', 'Software Engineer, Acme Ltd\tJan 2020 – Present\n- Java services', '- Experience with Java', 1],
    ['a child satisfies its parent (Spring Boot -> Java)', 'Software Engineer, Acme Ltd\tJan 2020 – Present\n- Spring Boot services', '- Experience with Java', 1],
    ['a sibling earns a fraction (MySQL for PostgreSQL)', 'Software Engineer, Acme Ltd\tJan 2020 – Present\n- MySQL databases', '- Experience with PostgreSQL', 0.5],
    ['never the reverse of an implication (Java for Spring Boot)', 'Software Engineer, Acme Ltd\tJan 2020 – Present\n- Java services', '- Experience with Spring Boot', 0],
    ['an OR-group takes its best member', 'Software Engineer, Acme Ltd\tJan 2020 – Present\n- C# services', '- Experience with Java, C++, or C#', 1],
    ['a category requirement is met by any member', 'Software Engineer, Acme Ltd\tJan 2020 – Present\n- PostgreSQL schemas', '- Experience with a relational database', 1],
  ])('%s', (_name, body, line, expected) => {
    expect(credit(resume(body), posting(line))).toBeCloseTo(expected, 2);
  });

  it.each([
    ['not stated: left out of the score, and no gate', 'Software Engineer, Acme Ltd\tJan 2020 – Present\n- Java services', 'unknown', true],
    ['stated: it counts', 'Software Engineer, Acme Ltd\tJan 2020 – Present\n- Java services; strong communication with customers', 'met', true],
  ])('a must-have soft skill (communication), %s', (_name, body, status, passed) => {
    const m = engine.score(resume(body), posting('- Excellent communication skills\n- Experience with Java'), AS_OF);
    const soft = m.requirements.find((r) => r.text.includes('communication'))!;
    expect(soft.status).toBe(status);
    expect(m.gates.passed).toBe(passed);
  });

  it('a hard skill the résumé does not show still fails its gate', () => {
    const m = engine.score(resume('Software Engineer, Acme Ltd\tJan 2020 – Present\n- Java services'), posting('- Experience with Kubernetes\n- Experience with Java'), AS_OF);
    expect(m.requirements.find((r) => r.text.includes('Kubernetes'))!.status).toBe('unmet');
    expect(m.gates.passed).toBe(false);
  });

  it('years below the minimum earn smooth partial credit', () => {
    const c = credit(resume('Software Engineer, Acme Ltd\tJan 2024 – Dec 2025\n- Python services'), posting('- 4+ years of experience with Python'));
    expect(c).toBeGreaterThan(0.2);
    expect(c).toBeLessThan(0.5);
  });

  it('a skill last used outside the recency window earns less', () => {
    const recent = credit(resume('Engineer, Acme Ltd\tJan 2022 – Present\n- Go services'), posting('- Go experience within the last 2 years'));
    const stale = credit(resume('Engineer, Acme Ltd\tJan 2015 – Dec 2018\n- Go services'), posting('- Go experience within the last 2 years'));
    expect(recent).toBe(1);
    expect(stale).toBeLessThan(recent);
  });
});

describe('education, languages, leadership, certifications', () => {
  it.each([
    ['meets', "- Bachelor's degree in Computer Science", 1],
    ['a higher degree exceeds', "- Associate degree in Computer Science", 1],
    ['below the level', "- Master's degree in Computer Science", 0.4],
    ['or equivalent experience', "- Master's degree in Computer Science or equivalent experience", 1],
  ])('education: %s', (_name, line, expected) => {
    const body = 'Engineer, Acme Ltd\tJan 2010 – Present\n- Java services';
    expect(credit(resume(body), posting(line))).toBeCloseTo(expected, 2);
  });

  it('languages at the asked level', () => {
    const r = `${resume('Engineer, Acme Ltd\tJan 2020 – Present')}\n\nLANGUAGES\nGerman (B1)\nEnglish (native)`;
    expect(credit(r, posting('- Fluent English'))).toBe(1);
    expect(credit(r, posting('- Fluent German'))).toBeLessThan(1);
    expect(credit(r, posting('- Business-level Japanese'))).toBe(0);
  });

  it('leadership kinds and team size', () => {
    const r = resume('Engineering Manager, Acme Ltd\tJan 2020 – Present\n- Managed a team of 4 engineers');
    expect(credit(r, posting('- People management experience'))).toBe(1);
    expect(credit(r, posting('- Managed a team of 8+ engineers'))).toBe(0.5);
  });

  it('certifications', () => {
    const r = `${resume('Accountant, Acme Ltd\tJan 2020 – Present')}\n\nCERTIFICATIONS\nCPA, 2019`;
    expect(credit(r, posting('- CPA required'))).toBe(1);
    expect(credit(r, posting('- PMP required'))).toBe(0);
  });
});

describe('fairness: personal attributes never change a score', () => {
  const base = resumes['strong-fit'];
  const variants: Array<[string, (s: string) => string]> = [
    ['name', (s) => s.replace('Priya Raman', 'John Smith')],
    ['email and phone', (s) => s.replace('priya.raman@example.com', 'x.y@mail.org').replace('+91 98450 12345', '+1 555 010 9999')],
    ['address', (s) => s.replace('Bengaluru, India |', '12 Baker Street, London, UK |')],
    ['photo line', (s) => s.replace('SUMMARY', 'Photo: attached\n\nSUMMARY')],
    ['gender words', (s) => s.replace('SUMMARY\n', 'SUMMARY\nShe/her. Ms. Raman is a mother of two. ')],
    ['date of birth and age', (s) => s.replace('SUMMARY', 'Date of birth: 14 March 1961 (age 65)\n\nSUMMARY')],
    ['nationality and marital status', (s) => s.replace('SUMMARY', 'Nationality: Indian. Marital status: married.\n\nSUMMARY')],
  ];
  for (const [name, change] of variants) {
    it(name, () => {
      for (const p of Object.values(seeds)) {
        const a = engine.score(base, p, AS_OF);
        const b = engine.score(change(base), p, AS_OF);
        expect(b.requirements.map((r) => r.credit)).toEqual(a.requirements.map((r) => r.credit));
        expect(b.score).toBe(a.score);
      }
    });
  }

  it('property: any personal header lines leave the requirement credits unchanged', () => {
    const personal = fc.record({
      name: fc.constantFrom('Li Wei', 'María José García', 'Oluwaseun Adeyemi', 'Anna Kowalska', 'Jean-Luc Picard'),
      pronoun: fc.constantFrom('he/him', 'she/her', 'they/them', 'Mr.', 'Ms.', 'Mx.'),
      age: fc.integer({ min: 18, max: 80 }),
      status: fc.constantFrom('single', 'married', 'divorced', 'widowed'),
      nationality: fc.constantFrom('Indian', 'German', 'Nigerian', 'Brazilian', 'Chinese'),
    });
    const ref = engine.score(base, seeds.bengaluru, AS_OF).requirements.map((r) => r.credit);
    fc.assert(fc.property(personal, (p) => {
      const header = `${p.name} (${p.pronoun})\nAge ${p.age}, ${p.status}, ${p.nationality}`;
      const text = base.replace(/^Priya Raman/, header);
      expect(engine.score(text, seeds.bengaluru, AS_OF).requirements.map((r) => r.credit)).toEqual(ref);
    }), { numRuns: 25 });
  });

  it('reordering sections leaves the score unchanged', () => {
    const [head, rest] = [base.slice(0, base.indexOf('EXPERIENCE')), base.slice(base.indexOf('EXPERIENCE'))];
    const exp = rest.slice(0, rest.indexOf('EDUCATION'));
    const edu = rest.slice(rest.indexOf('EDUCATION'), rest.indexOf('SKILLS'));
    const skills = rest.slice(rest.indexOf('SKILLS'));
    const reordered = `${head}${skills.trimEnd()}\n\n${edu}${exp}`;
    for (const p of Object.values(seeds)) expect(engine.score(reordered, p, AS_OF).score).toBe(engine.score(base, p, AS_OF).score);
  });
});

describe('monotonicity', () => {
  it('adding a required skill to a résumé never lowers its score', () => {
    const skills = ['Kubernetes', 'system design', 'C#', 'distributed systems', 'microservices', 'cloud computing', 'machine learning'];
    fc.assert(fc.property(fc.constantFrom(...people), fc.constantFrom(...skills), fc.constantFrom('bengaluru', 'barcelona'), (who, skill, seed) => {
      const p = seeds[seed as keyof typeof seeds];
      const before = engine.score(resumes[who], p, AS_OF).score;
      const after = engine.score(`${resumes[who]}\n\nADDITIONAL SKILLS\n${skill}`, p, AS_OF).score;
      expect(after).toBeGreaterThanOrEqual(before);
    }), { numRuns: 30 });
  });

  it('adding years to a position never lowers the experience credit', () => {
    fc.assert(fc.property(fc.integer({ min: 2012, max: 2024 }), fc.integer({ min: 1, max: 6 }), (startYear, extra) => {
      const text = (y: number): string => resume(`Software Engineer, Acme Ltd\tJan ${y} – Present\n- Java services`);
      const exp = (y: number): number[] => engine.score(text(y), seeds.bengaluru, AS_OF).requirements.filter((r) => r.kind === 'experience').map((r) => r.credit);
      const a = exp(startYear);
      const b = exp(startYear - extra);
      b.forEach((c, i) => expect(c).toBeGreaterThanOrEqual(a[i]!));
    }), { numRuns: 20 });
  });
});

describe('determinism and weights', () => {
  it('the same inputs give byte-identical output', () => {
    expect(JSON.stringify(engine.score(resumes['strong-fit'], seeds.barcelona, AS_OF))).toBe(JSON.stringify(engine.score(resumes['strong-fit'], seeds.barcelona, AS_OF)));
  });

  it('applies per-request weight overrides and echoes them', () => {
    const m = engine.score(resumes['near-miss-years'], seeds.bengaluru, { ...AS_OF, weights: { kinds: { experience: 0 } as never, similarityWeight: 0 } });
    expect(m.weights.kinds.experience).toBe(0);
    expect(m.weights.kinds.skill).toBe(engine.scoring.weights.kinds.skill);
    expect(m.scoringVersion).toBe(engine.scoring.scoringVersion);
  });
});

describe('experience scopes', () => {
  it('a domain the taxonomy does not recognise is at most a partial match', () => {
    const r = resume('Claims Handler, Acme Insurance Ltd\tJan 2015 – Present\n- Processed claims');
    const m = engine.score(r, posting('- 3+ years of experience in yacht chartering'), AS_OF);
    expect(m.requirements[0]!.status).toBe('partial');
    expect(m.requirements[0]!.detail).toMatch(/not recognised/);
  });
});

describe('the fast path', () => {
  it('quickScore gives exactly the score and gate result scoreMatch gives, on every fixture pair', () => {
    const dir = (d: string): string[] => readdirSync(new URL(`../fixtures/${d}/`, import.meta.url)).filter((f) => f.endsWith('.txt')).map((f) => read(`${d}/${f}`));
    const cands = [...dir('resumes'), ...Object.values(resumes)].map((t) => engine.candidate(t, AS_OF));
    const roles = [...dir('postings'), ...Object.values(seeds)].map((t) => engine.role(t));
    let pairs = 0;
    for (const c of cands) {
      for (const r of roles) {
        const q = engine.quickScore(c, r);
        const m = engine.match(c, r, { explain: false });
        expect(q.score).toBe(m.score);
        expect(q.passed).toBe(m.gates.passed);
        pairs++;
      }
    }
    expect(pairs).toBeGreaterThan(400);
  });
});
