import { describe, expect, it } from 'vitest';
import { classifyHeading, detectSections } from '../../src/text/sections.ts';

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
