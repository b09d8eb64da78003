import { describe, expect, it } from 'vitest';
import { postingText } from '../../src/ingest/document.ts';
import { htmlToText } from '../../src/ingest/html.ts';

const jobPosting = {
  '@context': 'https://schema.org',
  '@type': 'JobPosting',
  title: 'Senior Data Engineer',
  hiringOrganization: { '@type': 'Organization', name: 'Acme Analytics' },
  jobLocation: { '@type': 'Place', address: { addressLocality: 'Berlin', addressCountry: 'DE' } },
  jobLocationType: 'TELECOMMUTE',
  employmentType: ['FULL_TIME'],
  description: '<p>We build pipelines.</p><h3>Requirements</h3><ul><li>5+ years of Python</li></ul>',
  qualifications: 'Fluent English',
};

describe('postingText', () => {
  it('reads a JSON-LD JobPosting into headed text', () => {
    const d = postingText(JSON.stringify(jobPosting));
    expect(d.format).toBe('jsonld');
    expect(d.text).toContain('Senior Data Engineer\nCompany: Acme Analytics\nLocation: Berlin, DE; Remote\nEmployment type: Full-time');
    expect(d.text).toContain('• 5+ years of Python');
    expect(d.text).toContain('Qualifications\nFluent English');
  });

  it('finds a JobPosting inside @graph', () => {
    const d = postingText(JSON.stringify({ '@graph': [{ '@type': 'WebPage' }, jobPosting] }));
    expect(d.format).toBe('jsonld');
  });

  it('prefers the JSON-LD JobPosting embedded in an HTML page', () => {
    const html = `<html><head><script type="application/ld+json">${JSON.stringify(jobPosting)}</script></head><body><nav>Home</nav><p>Other text</p></body></html>`;
    expect(postingText(html).format).toBe('jsonld');
  });

  it('extracts the visible text of a page without scripts, styles or navigation', () => {
    const html = '<html><body><nav>Home &gt; Careers</nav><script>track()</script><style>p{}</style><h2>Requirements</h2><ul><li>Go</li><li>Rust</li></ul><footer>© Acme</footer></body></html>';
    const d = postingText(html);
    expect(d.format).toBe('html');
    expect(d.text).not.toMatch(/Careers|track|©/);
    expect(d.text).toContain('Requirements');
    expect(d.text).toContain('• Go\n• Rust');
  });

  it('ignores a broken JSON-LD block', () => {
    expect(htmlToText('<html><script type="application/ld+json">{oops</script><body><p>Hi there</p></body></html>').jsonLd).toEqual([]);
  });

  it('rejects JSON that is not a JobPosting', () => {
    expect(() => postingText('{"name": "x"}')).toThrow(expect.objectContaining({ code: 'INPUT_UNSUPPORTED_TYPE' }));
  });

  it('keeps plain text as given', () => {
    expect(postingText('Plain posting <not html>')).toEqual({ text: 'Plain posting <not html>', format: 'text' });
  });
});
