// Hostile documents: shapes that once made parsing quadratic (or overflowed the stack), read at a
// small size here for sensible results, and the caps on what one document may produce. Speed is
// measured by `npm run bench:parse`, never asserted here.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine.ts';
import { LIMITS } from '../../src/extract/limits.ts';
import type { PostingProfile } from '../../src/domain/posting.ts';
import type { ResumeProfile } from '../../src/domain/resume.ts';

const engine = createEngine();
const AS_OF = '2026-12';
const repeat = (unit: string, bytes: number): string => unit.repeat(Math.ceil(bytes / unit.length));
const codes = (p: { warnings: Array<{ code: string }> }): string[] => p.warnings.map((w) => w.code);

/** Every span points at its text, and no list is longer than its cap. */
function checkPosting(text: string, p: PostingProfile): void {
  for (const r of p.requirements) expect(text.slice(r.span.start, r.span.end)).toBe(r.text);
  expect(p.requirements.length).toBeLessThanOrEqual(LIMITS.requirements);
  expect(p.skills.length).toBeLessThanOrEqual(LIMITS.skills);
  expect(p.sections.length).toBeLessThanOrEqual(LIMITS.sections);
  for (const s of p.skills) {
    expect(s.mentions.length).toBeLessThanOrEqual(LIMITS.mentionsPerSkill);
    for (const m of s.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  }
}

function checkResume(text: string, p: ResumeProfile): void {
  expect(p.positions.length).toBeLessThanOrEqual(LIMITS.positions);
  expect(p.skills.length).toBeLessThanOrEqual(LIMITS.skills);
  expect(p.education.length).toBeLessThanOrEqual(LIMITS.education);
  expect(p.leadership.evidence.length).toBeLessThanOrEqual(LIMITS.leadershipEvidence);
  expect(p.sections.length).toBeLessThanOrEqual(LIMITS.sections);
  for (const s of p.skills) {
    expect(s.mentions.length).toBeLessThanOrEqual(LIMITS.mentionsPerSkill);
    for (const m of s.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  }
  for (const pos of p.positions) expect(pos.span.end).toBeLessThanOrEqual(text.length);
}

// [shape, repeated unit, what a posting of it reads, what a résumé of it reads]
const shapes: Array<[string, string, (p: PostingProfile) => void, (r: ResumeProfile) => void]> = [
  ['blank-line-separated skill', 'Java\n\n',
    (p) => { expect(p.skills.map((s) => s.id)).toEqual(['java']); expect(codes(p)).toContain('TOO_MANY_MENTIONS'); },
    (r) => { expect(r.skills.map((s) => s.id)).toEqual(['java']); expect(r.skills[0]!.mentions).toHaveLength(LIMITS.mentionsPerSkill); }],
  ['repeated heading', 'Requirements\n',
    (p) => { expect(p.requirements).toEqual([]); expect(codes(p)).toEqual(expect.arrayContaining(['NO_REQUIREMENTS', 'TOO_MANY_SECTIONS'])); },
    (r) => { expect(r.positions).toEqual([]); expect(codes(r)).toContain('TOO_MANY_SECTIONS'); }],
  ['dated lines', 'Engineer at Acme 2011-2014\n',
    (p) => expect(p.title).toBe('Engineer at Acme 2011-2014'),
    (r) => {
      expect(r.positions).toHaveLength(LIMITS.positions);
      expect(r.positions[0]).toMatchObject({ title: 'Engineer', organization: 'Acme', start: '2011-01', end: '2014-12', months: 48 });
      expect(r.experience.totalMonths).toBe(48);
      expect(codes(r)).toContain('TOO_MANY_POSITIONS');
    }],
  ['one long line', 'Experience with Java, Python and AWS is required. ',
    (p) => { expect(p.requirements).toHaveLength(1); expect(p.requirements[0]!.allOf?.map((s) => s.id)).toEqual(['java', 'python', 'aws']); },
    (r) => expect(r.skills.map((s) => s.id)).toEqual(['java', 'python', 'aws'])],
  ['bullets', '- 5+ years of Java, Python and SQL; Kafka is a plus\n',
    (p) => {
      expect(p.requirements.map((q) => [q.kind, q.required, q.minYears])).toEqual([['experience', true, 5], ['skill', false, undefined]]);
    },
    (r) => expect(r.skills.map((s) => s.id)).toEqual(['java', 'python', 'sql', 'apache-kafka'])],
  ['dates on one line', 'Jan 2019 - Mar 2020, 2014-2016, since 2018; ',
    (p) => expect(p.requirements).toEqual([]),
    (r) => expect(r.positions).toEqual([])],
  ['comma list', 'Java, ', (p) => expect(p.skills.map((s) => s.id)).toEqual(['java']), (r) => expect(r.skills.map((s) => s.id)).toEqual(['java'])],
  ['or list', 'Java or ', (p) => expect(p.skills.map((s) => s.id)).toEqual(['java']), (r) => expect(r.skills.map((s) => s.id)).toEqual(['java'])],
  ['repeated years phrase', '5+ years of experience in ',
    (p) => expect(p.requirements.map((q) => [q.kind, q.minYears])).toEqual([['experience', 5]]),
    (r) => expect(r.experience).toMatchObject({ totalMonths: 60, source: 'stated' })],
  ['one long word', 'a', (p) => expect(p.requirements).toEqual([]), (r) => expect(r.skills).toEqual([])],
  ['open parentheses', '(', (p) => expect(p.requirements).toEqual([]), (r) => expect(r.skills).toEqual([])],
  ['nested parentheses', '((Java) ', (p) => expect(p.skills.map((s) => s.id)).toEqual(['java']), (r) => expect(r.skills.map((s) => s.id)).toEqual(['java'])],
  ['abbreviations', 'e.g. ', (p) => expect(p.requirements).toEqual([]), (r) => expect(r.positions).toEqual([])],
  ['languages and levels', 'English (native), German B2, fluent French; ',
    (p) => expect(p.requirements.map((q) => q.kind)).toEqual(['language']),
    (r) => expect(r.languages.map((l) => [l.code, l.level])).toEqual([['en', 'native'], ['de', 'B2'], ['fr', 'C1']])],
];

describe('hostile shapes, small', () => {
  it.each(shapes)('%s', (_name, unit, posting, resume) => {
    const text = repeat(unit, 40_000);
    const p = engine.parsePosting(text);
    checkPosting(text, p);
    posting(p);
    const r = engine.parseResume(text, { asOf: AS_OF });
    checkResume(text, r);
    resume(r);
  });
});

describe('caps', () => {
  it('keeps the first requirements of a posting with too many', () => {
    const skills = ['Java', 'Python', 'SQL', 'Kafka', 'Docker', 'Kubernetes', 'React', 'AWS', 'Terraform', 'Scala', 'Ruby', 'PHP', 'Redis', 'PostgreSQL', 'Angular'];
    const lines: string[] = [];
    for (let y = 1; y <= 40; y++) for (const s of skills) lines.push(`- ${y}+ years of ${s} experience`);
    const text = `Senior Engineer\n\nRequirements\n${lines.join('\n')}\n`;
    const p = engine.parsePosting(text);
    expect(lines.length).toBeGreaterThan(LIMITS.requirements);
    expect(p.requirements).toHaveLength(LIMITS.requirements);
    expect(p.requirements[0]).toMatchObject({ id: 'r1', text: '1+ years of Java experience', minYears: 1 });
    expect(p.requirements.at(-1)!.id).toBe(`r${LIMITS.requirements}`);
    const w = p.warnings.find((x) => x.code === 'TOO_MANY_REQUIREMENTS');
    expect(w?.message).toContain(`${lines.length} requirements`);
    checkPosting(text, p);
  });

  it('keeps the first distinct skills', () => {
    const names = engine.taxonomy.skills.map((s) => s.name);
    const text = `SKILLS\n${names.map((n) => `Experience with ${n} programming`).join('\n')}\n`;
    const r = engine.parseResume(text, { asOf: AS_OF });
    expect(r.skills).toHaveLength(LIMITS.skills);
    expect(codes(r)).toContain('TOO_MANY_SKILLS');
    const p = engine.parsePosting(text);
    expect(p.skills).toHaveLength(LIMITS.skills);
    expect(codes(p)).toContain('TOO_MANY_SKILLS');
  });

  it('keeps a hundred mentions of a skill, and the months of all of them', () => {
    const text = `EXPERIENCE\nEngineer, Acme Corp   2011 - 2014\n${'- Java\n'.repeat(50)}\nEngineer, Beta Labs   2016 - 2017\n${'- Java\n'.repeat(200)}`;
    const r = engine.parseResume(text, { asOf: AS_OF });
    const java = r.skills.find((s) => s.id === 'java')!;
    expect(java.mentions).toHaveLength(LIMITS.mentionsPerSkill);
    expect(java).toMatchObject({ months: 72, lastUsed: '2017-12', listedOnly: false });
    expect(r.warnings.find((w) => w.code === 'TOO_MANY_MENTIONS')?.message).toContain('Java is mentioned 250 times');
  });

  it('keeps the first degrees and leadership lines', () => {
    const text = `EXPERIENCE\nEngineer, Acme Corp   2011 - 2014\n${'- Led a team of 5 engineers\n'.repeat(300)}\nEDUCATION\n${'BSc Computer Science, University of Leeds, 2010\n'.repeat(150)}`;
    const r = engine.parseResume(text, { asOf: AS_OF });
    expect(r.education).toHaveLength(LIMITS.education);
    expect(r.education[0]).toMatchObject({ level: 'bachelor', year: 2010 });
    expect(r.leadership.evidence).toHaveLength(LIMITS.leadershipEvidence);
    expect(r.leadership).toMatchObject({ months: 48, maxTeamSize: 5 });
    expect(codes(r)).toEqual(expect.arrayContaining(['TOO_MANY_DEGREES', 'TOO_MANY_LEADERSHIP_LINES']));
    checkResume(text, r);
  });

  it('adds no cap warning to a normal document', () => {
    const p = engine.parsePosting('Senior Engineer\n\nRequirements\n- 5+ years of Java\n- Kafka is a plus\n');
    expect(codes(p).filter((c) => c.startsWith('TOO_MANY'))).toEqual([]);
  });
});

describe('huge inputs', () => {
  it('a one-word line of 300 000 commas under a lone date range parses (push(...parts) once overflowed the stack)', () => {
    const text = `EXPERIENCE\nJan 2019 - Present\n${'a,'.repeat(300_000)}\n`;
    const r = engine.parseResume(text, { asOf: AS_OF });
    expect(r.positions).toHaveLength(1);
    expect(r.positions[0]).toMatchObject({ start: '2019-01', end: null });
  }, 120_000);


  // Correctness, not speed: 10 MB of headings once overflowed the stack (Math.min(...starts)).
  it('10 MB of "Requirements" lines parses as a posting and as a résumé', () => {
    const text = repeat('Requirements\n', 10 * 1024 * 1024);
    const p = engine.parsePosting(text);
    expect(p.requirements).toEqual([]);
    expect(codes(p)).toContain('TOO_MANY_SECTIONS');
    const r = engine.parseResume(text, { asOf: AS_OF });
    expect(r.sections).toHaveLength(LIMITS.sections);
  }, 600_000);
});
