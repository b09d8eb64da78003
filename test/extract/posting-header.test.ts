// Posting header facts in the shapes real postings use.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine.ts';

const engine = createEngine();
const head = (text: string) => {
  const p = engine.parsePosting(`${text}\n\nRequirements\n- 3+ years of Python\n`);
  return { title: p.title, company: p.company, seniority: p.seniority, city: p.location.city, country: p.location.country, workMode: p.location.workMode, employmentType: p.employmentType };
};

describe('posting header', () => {
  it.each([
    ['Senior Backend Engineer (Go) - Parcelwise\nRemote - US', { title: 'Senior Backend Engineer (Go)', company: 'Parcelwise', seniority: 'senior', country: 'US', workMode: 'remote' }],
    ['# Data Engineer\n\n**Company:** Brightmoor Health\n**Location:** Berlin, Germany (Hybrid)', { title: 'Data Engineer', company: 'Brightmoor Health', city: 'Berlin', country: 'DE', workMode: 'hybrid' }],
    ['Financial Analyst, FP&A\nKuroishi Precision Americas, Inc.\nLocation: Torrance, CA', { company: 'Kuroishi Precision Americas, Inc.', city: 'Torrance', country: 'US' }],
    ['Content Marketing Intern\n\nFernbrook Outdoor Co. | Boulder, CO (Hybrid) | Internship', { title: 'Content Marketing Intern', company: 'Fernbrook Outdoor Co.', seniority: 'intern', city: 'Boulder', workMode: 'hybrid', employmentType: 'internship' }],
    ['Brand Director\nCompany: Copperleaf Beverages\nLocation: Chicago, IL (On-site)\nEmployment type: Full-time', { title: 'Brand Director', company: 'Copperleaf Beverages', seniority: 'director', city: 'Chicago', workMode: 'on-site', employmentType: 'full-time' }],
    ['Staff Engineer, L6\nBengaluru, India', { title: 'Staff Engineer, L6', seniority: 'staff', city: 'Bengaluru', country: 'IN' }],
  ])('%s', (text, expected) => {
    expect(head(text)).toMatchObject(expected);
  });
});

// A posting that opens with its blurb or its duties has no title line: a short line that names a
// title inside a sentence, a bullet or a wrapped piece of one is not the title.
describe('a title line is not running text', () => {
  const titleOf = (text: string): string | null => engine.parsePosting(`${text}\n\nRequirements\n- 3+ years of Python\n`).title;
  it.each([
    ['Senior Data Engineer\nNorthwind Labs', 'Senior Data Engineer'],
    ['Staff Accountant - Remote (US)', 'Staff Accountant - Remote (US)'],
    ['Head of Accounting', 'Head of Accounting'],
    ['**Product Designer**\nAmsterdam', 'Product Designer'],
    ['Registered Nurse in Leeds', 'Registered Nurse'],
    ['Software Engineer II', 'Software Engineer II'],
    ['Copperleaf Beverages Ltd.\nBrand Director', 'Brand Director'],
  ])('title: %s', (text, title) => {
    expect(titleOf(text)).toBe(title);
  });

  it.each([
    ['About Tidewater Motors\nEver since our founder, Ada Lind, opened\nthe first workshop, we have built engines.'],
    ['Your responsibilities\n* Build long-term relationships with suppliers and business partners.'],
    ['Ability to collaborate with engineers\nin a fast-moving team'],
    ['Lead and architect data solutions with the team'],
    ['support carers using the relevant assessment framework.'],
    ['partners to interpret project briefs and develop ideas'],
    ['**Reports to:** Finance Director'],
    ['Escalate overdue invoices to lead and manager'],
    ['scientists who are motivated to solve hard problems'],
  ])('no title: %s', (text) => {
    expect(titleOf(text)).toBeNull();
  });
});
