// A file's own date: when a PDF or DOCX says it was last modified (else created). Résumé archives
// are old; "present" in an old résumé means the day it was written, not today.

/** Dates before this are not real authoring dates (a zeroed or garbled field). */
const EARLIEST_YEAR = 1985;

/** YYYY-MM-DD from a PDF date string ("D:20150312094512+05'30'"), or null. */
export function pdfDate(s: unknown): string | null {
  if (typeof s !== 'string') return null;
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(s.trim());
  return m ? ymd(m[1]!, m[2] ?? '01', m[3] ?? '01') : null;
}

/** YYYY-MM-DD from a W3CDTF date ("2015-03-12T09:45:00Z", as DOCX core properties write it), or null. */
export function w3cDate(s: string | undefined): string | null {
  const m = s ? /^(\d{4})-(\d{2})-(\d{2})/.exec(s.trim()) : null;
  return m ? ymd(m[1]!, m[2]!, m[3]!) : null;
}

/** The modified date, else the created date, from a DOCX's docProps/core.xml. */
export function coreXmlDate(xml: string): string | null {
  const field = (name: string): string | undefined => new RegExp(`<dcterms:${name}\\b[^>]*>([^<]{0,64})</dcterms:${name}>`).exec(xml)?.[1];
  return w3cDate(field('modified')) ?? w3cDate(field('created'));
}

function ymd(y: string, m: string, d: string): string | null {
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  if (year < EARLIEST_YEAR || month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${y}-${m}-${d}`;
}
