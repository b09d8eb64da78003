// Résumé understanding: the 18 fixture résumés against their hand-made key (INDEX.md), table
// tests for experience arithmetic, and a property test that order never changes the total.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createEngine } from '../../src/engine.ts';

const engine = createEngine();
const dir = new URL('../fixtures/resumes/', import.meta.url).pathname;
const AS_OF = '2026-11-01';
const parse = (text: string, asOf = AS_OF) => engine.parseResume(text, { asOf });

const index = new Map<string, { months: number; degree: string }>();
for (const line of readFileSync(`${dir}INDEX.md`, 'utf8').split('\n')) {
  const cells = line.split('|').map((c) => c.trim());
  if (cells[0]?.endsWith('.txt')) index.set(cells[0], { months: Number(cells[3]!.replace(/\D/g, '')), degree: cells[4]!.split(/[ ,(]/)[0]! });
}

describe('fixture résumés against their key', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));
  it('has a key for every fixture', () => expect(files.length).toBe(index.size));
  for (const f of files) {
    it(f, () => {
      const text = readFileSync(dir + f, 'utf8');
      const p = parse(text);
      const key = index.get(f)!;
      expect(p.experience.totalMonths).toBe(key.months);
      const order = ['secondary', 'associate', 'bachelor', 'master', 'doctorate'];
      const top = p.education.map((e) => e.level).filter((l) => l !== null).sort((a, b) => order.indexOf(b!) - order.indexOf(a!))[0];
      expect(top).toBe(key.degree);
      for (const s of p.skills) for (const m of s.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
      for (const pos of p.positions) expect(pos.span.end).toBeGreaterThan(pos.span.start);
    });
  }
});

const cv = (...positions: string[]): string => `Jane Roe\njane@example.com\n\nEXPERIENCE\n${positions.join('\n\n')}\n\nEDUCATION\nBSc Physics, University of Leeds, 2010`;

describe('experience arithmetic', () => {
  it.each<[string, string[], number]>([
    ['one job, both end months count', ['Engineer, Acme Corp\tJan 2019 – Mar 2021'], 27],
    ['overlapping jobs count once', ['Engineer, Acme Corp\tJan 2019 – Dec 2020', 'Consultant, Beta Ltd\tJan 2020 – Dec 2021'], 36],
    ['a gap between jobs is not experience', ['Engineer, Acme Corp\tJan 2015 – Dec 2015', 'Engineer, Beta Ltd\tJan 2018 – Dec 2018'], 24],
    ['present is the as-of month', ['Engineer, Acme Corp\tNov 2025 – Present'], 13],
    ['internships are kept apart', ['Software Engineering Intern, Acme Corp\tJun 2018 – Aug 2018', 'Engineer, Beta Ltd\tJan 2019 – Dec 2019'], 12],
    ['year-only ranges run January to December', ['Engineer, Acme Corp\t2014-2016'], 36],
  ])('%s', (_name, positions, months) => {
    expect(parse(cv(...positions)).experience.totalMonths).toBe(months);
  });

  it('counts internship months separately', () => {
    const p = parse(cv('Software Engineering Intern, Acme Corp\tJun 2018 – Aug 2018'));
    expect(p.experience).toMatchObject({ totalMonths: 0, internshipMonths: 3 });
    expect(p.positions[0]!.kind).toBe('internship');
  });

  it('warns on a future start and counts nothing for it', () => {
    const p = parse(cv('Engineer, Acme Corp\tJan 2028 – Present'));
    expect(p.experience.totalMonths).toBe(0);
    expect(p.warnings.map((w) => w.code)).toContain('DATE_FUTURE');
  });

  it('warns on a reversed range and reads it the other way round', () => {
    const p = parse(cv('Engineer, Acme Corp\tMar 2021 – Jan 2019'));
    expect(p.experience.totalMonths).toBe(27);
    expect(p.warnings.map((w) => w.code)).toContain('DATE_REVERSED');
  });

  it('impossible dates give a warning, not a crash', () => {
    const p = parse(cv('Engineer, Acme Corp\t13/2019 – 14/2020'));
    expect(p.experience.totalMonths).toBe(0);
    expect(p.warnings.map((w) => w.code)).toContain('NO_DATED_POSITIONS');
  });

  it('uses a stated total only when there are no dates', () => {
    expect(parse('John Doe\n\nSUMMARY\nAccountant with 7+ years of experience in audit.').experience).toMatchObject({ totalMonths: 84, source: 'stated', statedMonths: 84 });
    const dated = parse(`SUMMARY\nAccountant with 7+ years of experience.\n\n${cv('Accountant, Acme Corp\tJan 2020 – Dec 2020')}`);
    expect(dated.experience).toMatchObject({ totalMonths: 12, source: 'dates', statedMonths: 84 });
  });

  it('property: shuffling the order of positions never changes total months', () => {
    const job = fc.record({ start: fc.integer({ min: 0, max: 300 }), len: fc.integer({ min: 0, max: 60 }), intern: fc.boolean() });
    const month = (i: number): string => `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][i % 12]} ${2000 + Math.floor(i / 12)}`;
    fc.assert(fc.property(fc.array(job, { minLength: 1, maxLength: 6 }), fc.integer(), (jobs, seed) => {
      const blocks = jobs.map((j, k) => `${j.intern ? 'Marketing Intern' : 'Analyst'}, Company${k} Ltd\t${month(j.start)} – ${month(j.start + j.len)}\n- Did work number ${k}.`);
      const shuffled = [...blocks].sort((a, b) => ((a.length * 7919 + seed) % 13) - ((b.length * 7919 + seed) % 13));
      expect(parse(cv(...shuffled)).experience.totalMonths).toBe(parse(cv(...blocks)).experience.totalMonths);
    }), { numRuns: 60 });
  });
});

describe('skills, education, languages, leadership, contact', () => {
  const p = parse(readFileSync(`${dir}01-backend-engineer-chronological.txt`, 'utf8'));
  const skill = (id: string) => p.skills.find((s) => s.id === id);

  it('gives skills the months of the positions that mention them, and their last use', () => {
    expect(skill('postgresql')).toMatchObject({ months: 44, lastUsed: '2026-11', listedOnly: false });
    expect(skill('hibernate')).toMatchObject({ months: 20, lastUsed: '2019-06' });
  });

  it('reads stated skill years ("Java (9 years)")', () => {
    expect(skill('java')!.statedMonths).toBeGreaterThan(0);
  });

  it('reads promotions at one employer as separate positions', () => {
    expect(p.positions.filter((x) => x.organization === 'Northwind Freight Systems').map((x) => x.title)).toEqual(['Senior Software Engineer', 'Software Engineer II', 'Software Engineer']);
  });

  it('reads leadership evidence and team size', () => {
    expect(p.leadership.maxTeamSize).toBe(6);
    expect(p.leadership.kinds).toEqual(expect.arrayContaining(['mentoring']));
    expect(p.leadership.months).toBeGreaterThan(0);
  });

  it('keeps contact details apart', () => {
    expect(p.contact).toMatchObject({ name: 'DANIEL OKONKWO-HARTLEY', email: 'daniel.okhartley@example.com' });
  });

  it('reads JSON Resume', () => {
    const json = JSON.stringify({
      basics: { name: 'Ana Silva', email: 'ana@example.com' },
      work: [{ name: 'Farfetch', position: 'Senior Backend Engineer', startDate: '2021-02-01', highlights: ['Built Go services on Kubernetes'] }, { name: 'Talkdesk', position: 'Engineering Intern', startDate: '2017-01', endDate: '2017-06' }],
      education: [{ institution: 'Universidade de Lisboa', area: 'Computer Science', studyType: 'Master', endDate: '2017' }],
      languages: [{ language: 'Portuguese', fluency: 'Native speaker' }],
    });
    const r = engine.parseResumeDocument(json, { asOf: AS_OF });
    expect(r.profile.format).toBe('jsonresume');
    expect(r.profile.positions.map((x) => [x.title, x.organization, x.start, x.end, x.kind])).toEqual([
      ['Senior Backend Engineer', 'Farfetch', '2021-02', null, 'job'],
      ['Engineering Intern', 'Talkdesk', '2017-01', '2017-06', 'internship'],
    ]);
    expect(r.profile.education[0]).toMatchObject({ level: 'master', field: 'Computer science', institution: 'Universidade de Lisboa', year: 2017 });
    expect(r.profile.languages[0]).toMatchObject({ code: 'pt', level: 'native' });
    const go = r.profile.skills.find((s) => s.id === 'go')!;
    expect(r.text.slice(go.mentions[0]!.start, go.mentions[0]!.end)).toBe('Go');
  });

  it('rejects JSON that is not a JSON Resume', () => {
    expect(() => engine.parseResume('{"hello": 1}')).toThrow(expect.objectContaining({ code: 'INPUT_UNSUPPORTED_TYPE' }));
  });
});

describe('inline sections and language lists', () => {
  const p = parse('Jane Doe\njane@example.com\n\nExperience\nEngineer, Acme Corp\tJan 2020 – Present\n- Java services\n\nEducation: BSc Computer Science, University of Leeds, 2015\nLanguages: English (native), German (B2), Spanish\n');
  it('reads an education line that follows its heading on the same line', () => {
    expect(p.education[0]).toMatchObject({ level: 'bachelor', field: 'Computer science', institution: 'University of Leeds', year: 2015 });
  });
  it('gives each language its own level, and none when none is written', () => {
    expect(p.languages.map((l) => [l.code, l.level])).toEqual([['en', 'native'], ['de', 'B2'], ['es', null]]);
  });
});
