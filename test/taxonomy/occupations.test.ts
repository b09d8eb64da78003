// Job titles to functions: the table of titles as résumés and postings write them (with must-not
// rows: lines that are not titles), and the function graph's shape.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createEngine } from '../../src/engine.ts';
import { classifyTitle, relatedness } from '../../src/taxonomy/occupations.ts';

const engine = createEngine();
const tax = engine.taxonomy;
const occ = tax.occupations;
const rows = readFileSync(new URL('../fixtures/occupation-titles.tsv', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'))
  .map((l) => l.split('\t'))
  .filter((c) => c.length >= 2)
  .map(([title, fn, note]) => ({ title: title!, fn: fn!.trim(), note: note ?? '' }));

describe('job titles name their function', () => {
  it('the table is large and covers every function', () => {
    expect(rows.length).toBeGreaterThanOrEqual(200);
    const covered = new Set(rows.map((r) => r.fn));
    for (const f of occ.functions) expect(covered.has(f.id), f.id).toBe(true);
    expect(rows.some((r) => r.fn === 'none')).toBe(true);
  });

  it.each(rows.map((r) => [r.title, r.fn, r.note] as const))('%s → %s', (title, fn) => {
    const got = classifyTitle(tax.lexicons.titles, occ, title);
    expect(got === null ? 'none' : occ.functions[got.fn]!.id).toBe(fn);
  });
});

describe('the function graph', () => {
  const n = occ.functions.length;
  const ids = fc.integer({ min: 0, max: Math.max(0, n - 1) });

  it('is symmetric, 1 on the diagonal (0 for the catch-all), and in [0, 1]', () => {
    fc.assert(fc.property(ids, ids, (a, b) => {
      expect(relatedness(occ, a, b)).toBe(relatedness(occ, b, a));
      expect(relatedness(occ, a, a)).toBe(occ.functions[a]!.id === 'other' ? 0 : 1);
      expect(relatedness(occ, a, b)).toBeGreaterThanOrEqual(0);
      expect(relatedness(occ, a, b)).toBeLessThanOrEqual(1);
    }));
  });

  it('relates what a recruiter relates, and not what they keep apart', () => {
    const r = (a: string, b: string): number => relatedness(occ, occ.index.get(a)!, occ.index.get(b)!);
    expect(r('accounting', 'finance')).toBeGreaterThanOrEqual(0.5);
    expect(r('sales', 'marketing')).toBeGreaterThan(0);
    expect(r('software', 'data')).toBeGreaterThan(0);
    expect(r('hospitality', 'accounting')).toBe(0);
    expect(r('healthcare', 'software')).toBe(0);
    expect(r('legal', 'hospitality')).toBe(0);
  });
});

describe('the occupation of a posting and of a résumé', () => {
  it.each([
    ['Chef de Partie\n\nWe are a busy hotel kitchen looking for a chef de partie to run the sauce section.', 'hospitality', 'title'],
    ['About the job\nOur clinic is growing. We are looking for a Registered Nurse to join the ward team on days or nights.\nRequirements\n- NMC registration', 'healthcare', 'text'],
    ['Staff Accountant - Remote (US)\nWhat you will do\n- Prepare journal entries and reconciliations', 'accounting', 'title'],
    // No title line: the title phrase a role cue introduces decides, words and all ("Sales Engineer" is sales).
    ['About Lumenvault\nA vast partner ecosystem has relied on Lumenvault for years.\n\nWe have an exciting opportunity for a Senior SaaS Sales Engineer to join us here.\nResponsibilities\n- Run product demos', 'sales', 'text'],
    ['Our team\nWe are looking for a passionate Quantitative UX Researcher to join our team. In this role you will help product managers, designers and engineers.', 'design', 'text'],
    ['At Tessel we build a platform so that biologists can design proteins faster, and scientists love it.\nWe are hiring a Senior Product Designer to craft the interfaces scientists use every day.', 'design', 'text'],
    ['With a primary focus on early careers, the Talent Acquisition Lead - Early Careers will attract and recruit graduates across Europe, working with hiring managers and business partners.', 'hr', 'text'],
    ['We are looking for an Account Executive to grow our book of business. You will work closely with engineers, designers and product managers on customer demos.', 'sales', 'text'],
    ['The Construction Project Manager will run two sites at once and report to the directors.', 'construction', 'text'],
    // A cue reaches a lower-case title over its own words; a bold title is a title phrase.
    ['Seeking an embedded C real time engineer who understands RTOS internals, for a defence client.', 'software', 'text'],
    ['Intro\nThen the role as Communications Project Manager at the bank is for you. You will advise the CHRO and the CHRO office on comms.', 'project-management', 'text'],
    ['With a primary focus on graduates, the **Talent Acquisition Lead** will attract and recruit talent, with business partners and founders.', 'hr', 'text'],
  ])('%#: %s', (text, fn, source) => {
    const p = engine.parsePosting(text);
    expect(p.occupation?.function).toBe(fn);
    expect(p.occupation?.source).toBe(source);
    const span = p.occupation!.span!;
    expect(text.slice(span.start, span.end).toLowerCase()).toContain(p.occupation!.words.toLowerCase().split(' … ')[0]);
  });

  // Must-not rows: people named in passing in lower case (collaborators, customers) do not outweigh the role
  // a cue introduces or a title names.
  it.each([
    ['Your day\nAs our new Bookkeeper you will support scientists, engineers and partners across three labs.\nRequirements\n- 3+ years of Xero', ['science', 'engineering', 'executive']],
    ['Our mission\nWe help teachers and nurses save time. We are looking for a Backend Developer to join us.', ['education', 'healthcare']],
    // The cue does not reach past words that break a title ("people who enjoy working with nurses").
    ['We are looking for people who enjoy working with nurses and physicians. As our new Bookkeeper you will keep the books.', ['healthcare']],
  ])('%#: no role from people named in passing: %s', (text, not) => {
    const p = engine.parsePosting(text);
    expect(not).not.toContain(p.occupation?.function ?? 'none');
  });

  it('benefits and company blurbs name no role', () => {
    const p = engine.parsePosting('Benefits\n- Free meals from our chef\n- Gym\n\nAbout us\nWe build tools for accountants.');
    expect(p.occupation ?? null).toBeNull();
  });

  it('a résumé: the headline, each position\'s function and months per function', () => {
    const r = engine.parseResume([
      'Jordan Avery',
      'SOUS CHEF',
      'jordan@example.com',
      'Experience',
      'Sous Chef Jan 2019 to Current',
      'Harbor Grill - Portland, OR',
      'Ran the line for 120 covers a night.',
      'Line Cook 03/2015 - 12/2018',
      'Blue Door Bistro - Portland, OR',
      'Bookkeeper 01/2013 - 02/2015',
      'Avery Books - Salem, OR',
    ].join('\n'), { asOf: '2026-11-01' });
    expect(r.occupation?.headline?.function).toBe('hospitality');
    expect(r.positions.map((p) => p.function)).toEqual(['hospitality', 'hospitality', 'accounting']);
    expect(r.occupation?.functions[0]).toMatchObject({ function: 'hospitality' });
    expect(r.occupation!.functions[0]!.months).toBeGreaterThan(r.occupation!.functions[1]!.months);
  });

  it('the candidate\'s name is never the headline', () => {
    const r = engine.parseResume('Baker Smith\nbaker@example.com\nExperience\nAccountant 01/2018 - 01/2022\nAcme Corp', { asOf: '2026-11-01' });
    expect(r.occupation?.headline ?? null).toBeNull();
  });
});
