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
