// Contact details, read only so they can be kept apart (and redacted): name, email, phone,
// links, location. Nothing here is ever an input to a score.

import type { Lexicons } from '../taxonomy/lexicons.ts';
import type { Span } from '../domain/types.ts';

const EMAIL = /[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,4}/;
const PHONE = /(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,4}\)[ .-]?)?\d{2,4}(?:[ .-]\d{2,6}){1,4}/;
const LINK = /(?:https?:\/\/)?(?:www\.)?[\w-]{1,63}(?:\.[\w-]{1,63}){0,3}\.(?:com|io|dev|net|org|me|co|app|page)(?:\/[\w\-./%~]{0,120})?/gi;

export interface Contact {
  name: string | null;
  email: string | null;
  phone: string | null;
  location: string | null;
  links: string[];
}

/** `lines` are the text's line spans (lineSpans). */
export function readContact(lex: Lexicons, text: string, lines: readonly Span[]): Contact {
  const head = lines.slice(0, 8).map((l) => text.slice(l.start, l.end));
  const email = EMAIL.exec(text)?.[0] ?? null;
  let phone: string | null = null;
  for (const line of head) {
    const m = PHONE.exec(line.replace(EMAIL, ' '));
    if (m && m[0].replace(/\D/g, '').length >= 8 && !/^(?:19|20)\d{2}\s*[-–]/.test(m[0])) { phone = m[0].trim(); break; }
  }
  const links = [...new Set(head.flatMap((l) => [...l.replace(EMAIL, ' ').matchAll(LINK)].map((m) => m[0])))];
  // The first short line of capitalised words that is not a job title or a heading.
  let name: string | null = null;
  for (const line of head.slice(0, 3)) {
    // "Jennifer Walsh, CPA", "Grace Thompson, RN, BSN": credentials after the name.
    const parts = line.trim().split(',');
    const t = parts.slice(1).every((p) => /^\s*[A-Z][A-Za-z.]{1,6}\s*$/.test(p)) ? parts[0]!.trim() : line.trim();
    if (/^[\p{Lu}][\p{L}'.-]+(?:\s+[\p{Lu}][\p{L}'.-]+){1,3}$/u.test(t) || /^[\p{Lu}'.-]+(?:\s+[\p{Lu}'.-]+){1,3}$/u.test(t)) {
      if (!lex.titles.find(t).some((m) => m.value.kind === 'title')) { name = t; break; }
    }
  }
  let location: string | null = null;
  for (const line of head) {
    const places = lex.places.find(line);
    if (places.length) {
      const seg = line.split(/[|•·]/).find((s) => lex.places.find(s).length && !EMAIL.test(s));
      location = seg?.trim() ?? null;
      break;
    }
  }
  return { name, email, phone, location, links };
}
