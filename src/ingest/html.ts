// HTML -> text for saved job pages: block structure kept as lines, headings and list items
// kept, scripts/styles/navigation/forms dropped. JSON-LD blocks are returned separately so a
// schema.org JobPosting can be read as structured data.

import { convert } from 'html-to-text';
import { DomUtils, parseDocument } from 'htmlparser2';

export interface HtmlDocument {
  text: string;
  jsonLd: unknown[];
}

const SKIP = ['script', 'style', 'noscript', 'svg', 'nav', 'form', 'button', 'iframe', 'template', 'select', 'footer', '[role=navigation]', '[aria-hidden=true]'];

export function looksLikeHtml(s: string): boolean {
  const head = s.slice(0, 2000).trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || /<(?:body|div|p|ul|li|h[1-6]|br|span|section|article)\b[^>]*>/i.test(s.slice(0, 20000));
}

export function htmlToText(html: string): HtmlDocument {
  const dom = parseDocument(html);
  const jsonLd: unknown[] = [];
  for (const el of DomUtils.findAll((e) => e.name === 'script' && /ld\+json/i.test(e.attribs.type ?? ''), dom.children)) {
    try {
      jsonLd.push(JSON.parse(DomUtils.textContent(el)));
    } catch {
      // A broken JSON-LD block is ignored; the visible text is still read.
    }
  }
  const text = convert(html, {
    wordwrap: false,
    preserveNewlines: false,
    selectors: [
      ...SKIP.map((selector) => ({ selector, format: 'skip' })),
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false } },
      { selector: 'h3', options: { uppercase: false } },
      { selector: 'h4', options: { uppercase: false } },
      { selector: 'h5', options: { uppercase: false } },
      { selector: 'h6', options: { uppercase: false } },
      { selector: 'ul', options: { itemPrefix: '• ' } },
      { selector: 'table', format: 'dataTable' },
    ],
  });
  return { text, jsonLd };
}
