// A saved job page: navigation, cookie banner, footer and scripts around the posting.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine.ts';

const engine = createEngine();
const page = readFileSync(new URL('../fixtures/pages/nimbus-data-engineer.html', import.meta.url), 'utf8');

describe('posting from an HTML page', () => {
  const { profile, text } = engine.parsePostingDocument(page);

  it('reads the header facts from the page', () => {
    expect(profile.format).toBe('html');
    expect(profile).toMatchObject({ title: 'Senior Data Engineer', seniority: 'senior', company: 'Nimbus Analytics', employmentType: 'full-time' });
    expect(profile.location).toMatchObject({ city: 'Amsterdam', country: 'NL', workMode: 'hybrid' });
  });

  it('reads the qualifications and nothing from navigation, cookies, benefits or footer', () => {
    expect(profile.requirements.map((r) => [r.kind, r.required, r.text])).toEqual([
      ['experience', true, '5+ years of experience in data engineering'],
      ['skill', true, 'Strong SQL and Python'],
      ['skill', false, 'Scala is a plus'],
      ['skill', true, 'Experience with AWS, GCP or Azure'],
      ['language', true, 'Fluent English'],
      ['language', false, 'Dutch is nice to have'],
    ]);
    for (const r of profile.requirements) expect(text.slice(r.span.start, r.span.end)).toBe(r.text);
    expect(text).not.toMatch(/window\.dataLayer|All rights reserved|Home Jobs About/);
  });
});
