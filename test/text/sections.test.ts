import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { classifyHeading, detectSections } from '../../src/text/sections.ts';
import { createSectionCues, type SectionCueSource } from '../../src/text/section-cues.ts';

describe('classifyHeading', () => {
  it.each([
    ['Basic Qualifications', 'requirements'],
    ['Minimum qualifications:', 'requirements'],
    ['What you’ll need', 'requirements'],
    ["WHAT WE'RE LOOKING FOR", 'requirements'],
    ['Must-haves', 'requirements'],
    ['Your Profile', 'requirements'],
    ['Preferred Qualifications', 'preferred'],
    ['Nice to have:', 'preferred'],
    ['Bonus points', 'preferred'],
    ["It's a plus if you have", 'preferred'],
    ["What you'll do", 'responsibilities'],
    ['Key job responsibilities', 'responsibilities'],
    ['Your Role', 'responsibilities'],
    ['Benefits & Perks', 'benefits'],
    ['What we offer', 'benefits'],
    ['About the team', 'company'],
    ['About Acme Corp', 'company'],
    ['Work History', 'experience'],
    ['PROFESSIONAL EXPERIENCE', 'experience'],
    ['Employment History', 'experience'],
    ['Education', 'education'],
    ['Academic Background', 'education'],
    ['Technical Skills', 'skills'],
    ['Core Competencies', 'skills'],
    ['Licenses & Certifications', 'certifications'],
    ['Languages', 'languages'],
    ['Volunteer Experience', 'volunteering'],
    ['Professional Summary', 'summary'],
    ['## Projects', 'projects'],
    ['Qualifications (Required)', 'requirements'],
    ['Qualifications (Preferred)', 'preferred'],
    ['Skills - nice to have', 'preferred'],
  ])('%s -> %s', (heading, kind) => {
    expect(classifyHeading(heading)).toBe(kind);
  });

  it.each([
    ['The ideal candidate will have:', 'requirements'],
    ['It would be great if you also bring:', 'preferred'],
    ['In this role you will:', 'responsibilities'],
  ])('lead-in line %s -> %s', (line, kind) => {
    expect(detectSections(`Intro text here.\n${line}\n- item one\n`).map((s) => s.kind)).toContain(kind);
  });

  it.each([
    ['We are looking for a senior engineer who loves Go.'],
    ['5+ years of experience with Java'],
    ['Senior Software Engineer'],
  ])('not a heading: %s', (line) => {
    expect(classifyHeading(line)).toBeNull();
  });
});

describe('detectSections', () => {
  it('splits a posting at its headings and keeps spans', () => {
    const text = 'Acme builds rockets.\nWhat you will do\n• Build APIs\nBASIC QUALIFICATIONS\n• 5+ years of Go\nNice to have:\n• Rust\n';
    const secs = detectSections(text);
    expect(secs.map((s) => s.kind)).toEqual(['other', 'responsibilities', 'requirements', 'preferred']);
    const req = secs[2]!;
    expect(text.slice(req.body.start, req.body.end).trim()).toBe('• 5+ years of Go');
    expect(req.title).toBe('BASIC QUALIFICATIONS');
  });

  it('reads inline headings such as "Skills: Java, Python"', () => {
    const text = 'Jane Doe\nSkills: Java, Python\nEducation\nBSc Physics';
    const secs = detectSections(text);
    const skills = secs.find((s) => s.kind === 'skills')!;
    expect(text.slice(skills.body.start, skills.body.end).trim()).toBe('Java, Python');
    expect(secs.map((s) => s.kind)).toEqual(['other', 'skills', 'education']);
  });

  it('treats unknown ALL-CAPS lines as headings of kind other', () => {
    const secs = detectSections('INTRO\ntext\nHOBBIES AND STUFF\nmore');
    expect(secs.map((s) => [s.kind, s.title])).toEqual([['other', 'INTRO'], ['other', 'HOBBIES AND STUFF']]);
  });
});

describe('headings read by their cue words (posting cues from models/sections.json)', () => {
  const cues = createSectionCues((JSON.parse(readFileSync(new URL('../../models/sections.json', import.meta.url), 'utf8')) as SectionCueSource));
  it.each([
    ['Would be a plus', 'preferred'],
    ['Bonus', 'preferred'],
    ['Assets', 'preferred'],
    ['Desirable', 'preferred'],
    ['Advantageous:', 'preferred'],
    ["It's a plus if you", 'preferred'],
    ['What would make you stand out', 'preferred'],
    ['Extra credit', 'preferred'],
    ['Skills that would be a bonus', 'preferred'],
    ['Preferred Skills', 'preferred'],
    ['Must-have skills', 'requirements'],
    ['What we expect of you', 'requirements'],
    ['Skills & Experience', 'requirements'],
    ['Your Qualifications', 'requirements'],
    ['Prerequisites', 'requirements'],
    ['Your job type', 'description'],
    ['Salary', 'benefits'],
    ['What you can expect from us', 'benefits'],
    ['Why join us?', 'benefits'],
    ['About us', 'company'],
    ['How to apply', 'apply'],
    ['Application process', 'apply'],
    ['Equal Opportunity Statement', 'eeo'],
    ['Roles and Responsibilities', 'responsibilities'],
  ])('%s -> %s', (heading, kind) => {
    expect(classifyHeading(heading, cues)).toBe(kind);
  });

  it.each([
    ['Python is a plus'],
    ['Experience with Kubernetes is a bonus'],
    ['Strong SQL skills'],
    ['5+ years of experience'],
    ['We offer a great salary and a pension.'],
    ['Kafka, Docker'],
  ])('not a heading: %s', (line) => {
    expect(classifyHeading(line, cues)).toBeNull();
  });

  it.each([
    ['Must-have skills: html5, ajax, oop; Soft skills: communication, teamwork; Preferred: Kafka, Docker', [['requirements', 'html5, ajax, oop;'], ['skills', 'communication, teamwork;'], ['preferred', 'Kafka, Docker']]],
    ['Skill: html5, ajax, oop; Exp: 4-7 years', [['requirements', 'html5, ajax, oop;'], ['requirements', '4-7 years']]],
    ['Required Skills:- Java, Spring Preferred Skills:- Kafka', [['requirements', '- Java, Spring'], ['preferred', '- Kafka']]],
  ])('inline labels open sections: %s', (line, expected) => {
    const text = `Intro.\n${line}\n`;
    const secs = detectSections(text, { cues }).filter((s) => s.heading);
    expect(secs.map((s) => [s.kind, text.slice(s.body.start, s.body.end).trim()])).toEqual(expected);
  });

  it.each([
    ['Meeting at 9:30 today: bring notes'],
    ['See https://example.com/jobs for details'],
    ['We use the following tools: Jira and Confluence'],
  ])('no label inside: %s', (line) => {
    expect(detectSections(`Intro.\n${line}\n`, { cues }).filter((s) => s.heading)).toEqual([]);
  });

  it.each([
    ['**Technical requirements:**', 'requirements', 'Technical requirements'],
    ['**Nice to have:**', 'preferred', 'Nice to have'],
    ['**Your profile**', 'requirements', 'Your profile'],
    ['What we need to see:', 'requirements', 'What we need to see'],
    ['__What we offer__', 'benefits', 'What we offer'],
  ])('markdown-bold and plain headings: %s -> %s', (line, kind, title) => {
    const text = `Intro.\n\n${line}\n\n- 3+ years of Python\n`;
    const secs = detectSections(text, { cues }).filter((s) => s.heading);
    expect(secs.map((s) => [s.kind, s.title])).toEqual([[kind, title]]);
  });

  it.each([
    ['* Experience with **Kafka**'],
    ['**Python** and SQL are required**'],
    ['* **Fluent** English'],
  ])('a bullet with bold words in it stays a list item: %s', (line) => {
    expect(detectSections(`Intro.\n\n${line}\n`, { cues }).filter((s) => s.heading)).toEqual([]);
  });

  it('finds headings run into a flattened paragraph, not sentences that start with cue words', () => {
    const text = 'As our analyst you prepare reports for the board and keep our dashboards up to date every week. Key Responsibilities You build Power BI reports. What we expect of you You have 3 years of experience in analytics. We require a PhD in statistics. What you can expect from us A good salary and 28 vacation days.';
    const secs = detectSections(text, { cues }).filter((s) => s.heading);
    expect(secs.map((s) => [s.kind, s.title])).toEqual([['responsibilities', 'Key Responsibilities'], ['requirements', 'What we expect of you'], ['benefits', 'What you can expect from us']]);
  });
});

describe('letter-spaced and side-by-side headings', () => {
  it.each([
    ['E D U C A T I O N', 'education'],
    ['S K I L L S', 'skills'],
    ['W O R K   E X P E R I E N C E', 'experience'],
    ['EXPERIENCE\tSKILLS', 'experience'],
    ['EDUCATION\tLANGUAGES', 'education'],
    ['SKILLS    CERTIFICATIONS', 'skills'],
  ])('%s -> %s', (line, kind) => {
    expect(classifyHeading(line)).toBe(kind);
  });

  it.each([
    ['C R E A T I V E thinking'],
    ['A B C'],
    ['Java\tPython'],
    ['Senior Engineer\tJan 2019 - Present'],
  ])('not a heading: %s', (line) => {
    expect(classifyHeading(line)).toBeNull();
  });

  it('a résumé with letter-spaced headings splits into its sections', () => {
    const secs = detectSections('Jane Doe\nE X P E R I E N C E\nEngineer, Acme 2019-2022\nS K I L L S\nJava, SQL\n', { nestUnknown: true });
    expect(secs.map((s) => s.kind)).toEqual(['other', 'experience', 'skills']);
  });
});
