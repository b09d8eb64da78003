// The header facts of a posting: title (and its normalized form and seniority), company,
// location (city, region, ISO 3166 country), work mode and employment type. They are read from
// labelled lines ("Location: Berlin, Germany (Hybrid)") or the short lines around the title.

import type { Span } from '../domain/types.ts';
import type { PostingProfile, WorkMode } from '../domain/posting.ts';
import type { Lexicons, PlaceValue, TitleValue } from '../taxonomy/lexicons.ts';
import { classifyHeading } from '../text/sections.ts';
import { trimChars } from '../text/trim.ts';
import { isJobTitle } from './job-title.ts';

export interface Header {
  title: string | null;
  titleSpan?: Span;
  normalizedTitle?: { id: string; name: string; function: string };
  seniority: string | null;
  company: string | null;
  location: PostingProfile['location'];
  employmentType: string | null;
}

const LABEL = /^(?:job |position |role )?(title|position|role|company|employer|organi[sz]ation|location|locations|work ?place|work location|office|based in|work mode|workplace type|remote|employment type|job type|contract type|type|schedule|hours)\s*:\s*(\S.*)$/i;
const LEVEL_CODE = /\b(?:L\d{1,2}|E\d|IC\d|SDE ?(?:I{1,3}|[123])|SWE ?(?:I{1,3}|[123])|(?:Engineer|Developer|Analyst) (?:I{1,3}|[123]))\b/g;
const SPACES_PUNCT = ' ,;:-|·•/';

function lineText(text: string, s: Span): string {
  return text.slice(s.start, s.end);
}

/** The text of a title line without a trailing location or "(Remote)" ("... in Bengaluru, India"). */
function cutTitle(lex: Lexicons, title: string): string {
  let t = title;
  const paren = t.search(/\s\((?:remote|hybrid|on-?site|m\/w\/d|m\/f\/d|f\/m\/d|w\/m\/d|all genders)[^)]*\)/i);
  if (paren >= 0) t = t.slice(0, paren);
  for (const p of lex.places.find(t)) {
    const before = t.slice(0, p.start);
    const b = before.trimEnd();
    const joiner = /(?:^|\s)(?:in|at|[-–|@])$/i.exec(b);
    if (joiner) { t = b.slice(0, joiner.index); break; }
    if (b.endsWith(',')) { t = b.slice(0, -1); break; }
  }
  return trimChars(t.replace(/ ,/g, ','), SPACES_PUNCT + '*_');
}

function seniorityOf(lex: Lexicons, title: string): string | null {
  const order = lex.seniorityOrder;
  let best: string | null = null;
  for (const m of lex.titles.find(title)) {
    if (m.value.kind !== 'seniority') continue;
    if (best === null || order.indexOf(m.value.level) > order.indexOf(best)) best = m.value.level;
  }
  for (const m of title.matchAll(LEVEL_CODE)) {
    const level = lex.levelCodes.get(m[0].toLowerCase().replace(/\s+/g, ' ')) ?? lex.levelCodes.get(m[0].toLowerCase().replace(/\s+/g, ''));
    if (level && best === null) best = level;
  }
  return best;
}

export function readLocation(lex: Lexicons, text: string): { city: string | null; region: string | null; country: string | null } {
  let city: string | null = null;
  let region: string | null = null;
  let country: string | null = null;
  const places = lex.places.find(text);
  for (const p of places) {
    const v: PlaceValue = p.value;
    if (v.kind === 'city' && !city) { city = v.name; country ??= v.country; region ??= v.region ?? null; }
    else if (v.kind === 'country' && !country) country = v.code;
    else if (v.kind === 'region' && !region) { region = v.code; country ??= v.country; }
  }
  // "Barcelona, B, ESP" / "Austin, TX": a short code after the city names its region.
  if (city && country) {
    for (const m of text.matchAll(/,\s*([A-Z]{1,3})\b/g)) {
      const r = lex.regions.get(`${country}:${m[1]}`);
      if (r) { region = r.code; break; }
    }
  }
  return { city, region, country };
}

/** A place, a work mode or an employment type: a header fact, never a company name. */
function isPlaceOrTerms(lex: Lexicons, s: string): boolean {
  return lex.places.find(s).length > 0 || lex.workModes.find(s).length > 0 || lex.employmentTypes.find(s).length > 0;
}

/** Lower-case words that may stand before or after a title on its line ("Head of Sales", "Nurse in Leeds"). */
const TITLE_JOINERS = new Set(['of', 'and', 'in', 'at', 'for', 'with', 'de', 'du', 'der', 'la']);
/** Words that end a title line with a full stop and still are no sentence ("Brightmoor Ltd.", "Sr."). */
const ABBREVIATION = /(?:^|[\s(])(?:\p{L}{1,3}|\p{L}+(?:\.\p{L}+)+|corp|intl)\.$/iu;

/**
 * A short line that names a job title but is running text, not a title line: a bullet; a
 * sentence or a wrapped piece of one (it starts lower-case, ends with a full stop or a comma, holds
 * a pronoun or a verb a title never holds: titles.yaml `sentenceWords`); or lower-case words right
 * before or after the title ("Ability to collaborate with engineers", "partners to interpret briefs").
 */
export function isRunningText(lex: Lexicons, line: string, start: number, end: number): boolean {
  const plain = line.replace(/[*_]{2,3}/g, '').trim();
  if (/^(?:[*•·▪‣◦–-]|\d{1,2}[.)])\s/u.test(plain)) return true;
  if (/^\p{Ll}[\p{Ll}'-]*(?:[\s,.;:]|$)/u.test(plain)) return true;
  if (/[.!?,;]$/.test(plain) && !ABBREVIATION.test(plain)) return true;
  const words = plain.toLowerCase().split(/[^\p{L}']+/u);
  if (words.some((w) => lex.titleSentenceWords.has(w))) return true;
  // A title written in lower case after other words ("Lead and architect AI solutions").
  if (start > 0 && !/\p{Lu}/u.test(line.slice(start, end))) return true;
  const lowerWord = (w: string): boolean => /^\p{Ll}{2,}$/u.test(w) && !TITLE_JOINERS.has(w);
  if (line.slice(0, start).split(/\P{L}+/u).some(lowerWord)) return true;
  const after = /^[\s*_]*(\p{L}+)(?:\s+(\p{L}+))?/u.exec(line.slice(end));
  if (after && (lowerWord(after[1]!) || (TITLE_JOINERS.has(after[1]!) && after[2] && /^\p{Ll}/u.test(after[2])))) return true;
  return false;
}

function firstValue<T>(found: Array<{ value: T }>): T | null {
  return found[0]?.value ?? null;
}

export function readHeader(lex: Lexicons, text: string, allLines: Span[], body: Span, headEnd: number): Header {
  const lines = allLines.filter((l) => l.start >= body.start && l.start < body.end);
  const head = lines.filter((l) => l.start < headEnd).slice(0, 25);
  const h: Header = { title: null, seniority: null, company: null, location: { text: null, city: null, region: null, country: null, workMode: null }, employmentType: null };
  let titleIndex = -1;
  let workMode: WorkMode | null = null;

  // Labelled lines first.
  for (const l of head) {
    // "**Company:** Brightmoor" (markdown) reads like "Company: Brightmoor".
    const raw = lineText(text, l);
    const m = LABEL.exec(raw.replace(/[*_]{1,3}/g, ''));
    if (!m) continue;
    const key = m[1]!.toLowerCase();
    const value = m[2]!.trim();
    const at = raw.indexOf(value);
    if (at < 0) continue;
    const valueStart = l.start + at;
    if (/^(?:title|position|role)$/.test(key) && !h.title) { h.title = value; h.titleSpan = { start: valueStart, end: l.end }; }
    else if (/^(?:company|employer|organi[sz]ation)$/.test(key) && !h.company) h.company = value;
    else if (/location|place|office|based in/.test(key) && !h.location.text) { h.location.text = value; h.location.span = { start: valueStart, end: l.end }; }
    else if (/mode|workplace|remote/.test(key)) workMode ??= firstValue(lex.workModes.find(value)) as WorkMode | null;
    else if (/type|schedule|hours/.test(key)) h.employmentType ??= firstValue(lex.employmentTypes.find(value));
  }

  // Otherwise the first short line with a known job title.
  if (!h.title) {
    for (const [i, l] of head.entries()) {
      const s = lineText(text, l);
      if (s.split(/\s+/).length > 14 || classifyHeading(s)) continue;
      if (!isJobTitle(lex, s) && !isJobTitle(lex, s.split(/\s[-–|@(]\s?|,\s|\s(?:at|in)\s/)[0]!)) continue;
      // The title starts at its known title words, with any seniority words right before them
      // ("Amazon Senior Software Development Engineer" -> "Senior Software Development Engineer").
      const found = lex.titles.find(s);
      const t = found.find((m) => m.value.kind === 'title');
      let start = 0;
      if (t) {
        start = t.start;
        for (let k = found.indexOf(t) - 1; k >= 0 && found[k]!.value.kind === 'seniority' && /^\s*$/.test(s.slice(found[k]!.end, start)); k--) start = found[k]!.start;
      }
      // Without a known title, the role word ends the line or its first part ("Brand Director, EMEA").
      const part = t ? null : s.split(/\s[-–|@(]\s?|,\s|\s(?:at|in)\s/)[0]!;
      const roleAt = part ? part.trimEnd().lastIndexOf(' ') + 1 : start;
      if (isRunningText(lex, s, roleAt, t ? t.end : part!.length)) continue;
      const cut = cutTitle(lex, s.slice(start));
      h.title = cut;
      h.titleSpan = { start: l.start + start, end: l.start + start + cut.length };
      const before = trimChars(s.slice(0, start), SPACES_PUNCT + '#*');
      if (before && /\p{L}/u.test(before) && before.split(/\s+/).length <= 4 && !h.company) h.company = before;
      const at = /\s(?:at|@)\s+([A-Z][\w&.' -]{1,40})$/.exec(s.slice(start));
      if (at && !h.company) h.company = at[1]!.trim();
      titleIndex = i;
      break;
    }
  }
  if (h.title) {
    const t = lex.titles.find(h.title).find((m) => m.value.kind === 'title');
    if (t) { const v = t.value as TitleValue; h.normalizedTitle = { id: v.id, name: v.name, function: v.function }; }
    h.seniority = seniorityOf(lex, h.title);
  }

  // Short lines around the title: company, location, work mode, employment type.
  const around = titleIndex >= 0 ? head.slice(titleIndex, titleIndex + 10) : head.slice(0, 10);
  // Lines of short facts, or one line of them joined by "|" or "·" ("Fernbrook Outdoor Co. |
  // Boulder, CO (Hybrid) | Internship").
  const segments: Span[] = around.flatMap((l) => {
    const s = lineText(text, l);
    const out: Span[] = [];
    let from = 0;
    for (let i = 0; i <= s.length; i++) {
      if (i === s.length || s[i] === '|' || s[i] === '·' || s[i] === '•') {
        out.push({ start: l.start + from, end: l.start + i });
        from = i + 1;
      }
    }
    return out;
  }).filter((seg) => lineText(text, seg).trim().split(/\s+/).length <= 12);
  for (const seg of segments) {
    const s = lineText(text, seg);
    workMode ??= firstValue(lex.workModes.find(s)) as WorkMode | null;
    h.employmentType ??= firstValue(lex.employmentTypes.find(s));
    if (!h.location.text) {
      const places = lex.places.find(s);
      const titleLine = h.titleSpan && seg.start <= h.titleSpan.start && h.titleSpan.start < seg.end;
      if (places.length && (!titleLine || places[0]!.start >= (h.titleSpan!.end - seg.start))) {
        const from = titleLine ? places[0]!.start : s.length - s.trimStart().length;
        const locText = trimChars(s.slice(from), SPACES_PUNCT);
        h.location.text = locText;
        h.location.span = { start: seg.start + from, end: seg.start + from + locText.length };
      }
    }
  }
  if (!h.company && titleIndex >= 0 && segments.length > 1) {
    // The first fact after the title that is not a place, a work mode or an employment type.
    const first = segments.find((seg) => seg.start > (h.titleSpan?.end ?? -1));
    const s = first ? lineText(text, first).trim() : '';
    if (s && s.split(/\s+/).length <= 5 && /^\p{Lu}/u.test(s) && !isPlaceOrTerms(lex, s) && !classifyHeading(s) && !/:/.test(s)) h.company = s;
  }
  if (!h.company && titleIndex >= 0) {
    const next = head[titleIndex + 1];
    const s = next ? lineText(text, next) : '';
    const orgSuffix = /\b(?:inc|llc|ltd|gmbh|ag|s\.?a|plc|corp|co|k\.k|b\.v|pvt|limited|group)\.?$/i.test(s.trim());
    if (s && s.split(/\s+/).length <= 5 && /^\p{Lu}/u.test(s) && (orgSuffix || (!lex.places.find(s).length && !lex.workModes.find(s).length)) && !classifyHeading(s)) h.company = s.trim();
  }
  // "Senior Backend Engineer (Go) - Parcelwise": a short name after a dash in the title line.
  if (!h.company && h.title && h.titleSpan) {
    const m = /\s[-–—|@]\s([\p{Lu}][\p{L}&.' ]{1,40})$/u.exec(h.title);
    const name = m?.[1]?.trim();
    if (name && name.split(/\s+/).length <= 4 && !isPlaceOrTerms(lex, name) && !isJobTitle(lex, name)) {
      h.company = name;
      h.title = h.title.slice(0, m!.index).trim();
      h.titleSpan = { start: h.titleSpan.start, end: h.titleSpan.start + h.title.length };
    }
  }
  if (h.location.text) {
    Object.assign(h.location, readLocation(lex, h.location.text));
    workMode ??= firstValue(lex.workModes.find(h.location.text)) as WorkMode | null;
  }
  h.location.workMode = workMode;
  return h;
}
