// Dated positions in a résumé's experience sections. A position is anchored on a line with a
// date range; its title and organization come from that line and the short header lines just
// above it ("Acme Corp, Berlin" / "Senior Engineer   Jan 2019 – Present"). Several titles under
// one organization header (promotions) become separate positions at that organization.

import type { Span } from '../domain/types.ts';
import type { Lexicons } from '../taxonomy/lexicons.ts';
import { findDateRanges, type DateRange } from '../text/dates.ts';
import { linePrefix } from '../text/sentences.ts';
import { firstEndingAfter } from '../text/spans.ts';
import { trimChars } from '../text/trim.ts';
import { readDegree } from './degree.ts';
import { isJobTitle } from './job-title.ts';

export interface RawPosition {
  title: string | null;
  organization: string | null;
  location: string | null;
  range: DateRange;
  kind: 'job' | 'internship' | 'volunteer';
  /** The header lines and the text under them, up to the next position. */
  span: Span;
}

const INTERN = /\b(?:intern|internship|trainee|co-?op|working student|werkstudent|apprentice(?:ship)?|summer (?:analyst|associate)|praktikant|stagiaire)\b/i;
// Split, then trim each part (a separator with \\s* around it backtracks on long blank runs).
const PART_SEP = /[|·•—–\t]| {2}| - | @ | at /;
const ORG_HINT = /\b(?:inc|llc|ltd|gmbh|ag|sa|plc|corp|corporation|company|co|group|limited|bank|university|college|hospital|school|agency|studio|labs?|technologies|systems|solutions|services|consulting|partners|software|health|foundation)\b\.?/i;

function isBulletLine(text: string, l: Span): boolean {
  return linePrefix(text, l).length > 0 || /^[-*•·▪◦>]\s/.test(text.slice(l.start, l.start + 2));
}

/** Words with a letter or digit (dashes and slashes between them do not count). */
function words(s: string): number {
  return s.split(/\s+/).filter((w) => /[\p{L}\d]/u.test(w)).length;
}

const SELF_EMPLOYED = /^(?:self[- ]employed|freelance|independent|own business)$/i;

/** What anonymised résumés write in place of an employer ("Patient Advocate Company Name - City , State"). */
const ORG_PLACEHOLDERS = ['Company Name', 'Organization Name', 'Organisation Name', 'Employer Name', 'Name of Company', 'Company Name Here'];
/** ... and in place of a place; a lone "City" or "State" counts only as a whole segment. */
const PLACE_PLACEHOLDERS = ['City , State', 'City, State', 'City , Country', 'City, Country', 'City , State , Country'];
const LONE_PLACE_PLACEHOLDERS = new Set(['city', 'state', 'country', 'city state']);
const phraseRe = (words: string[]): RegExp =>
  new RegExp(`\\b(?:${[...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ ?, ?/g, ' ?, ?').replace(/ /g, '\\s')).join('|')})\\b`, 'i');
const ORG_PLACEHOLDER = phraseRe(ORG_PLACEHOLDERS);
const PLACE_PLACEHOLDER = phraseRe(PLACE_PLACEHOLDERS);
/** Lowercase words that put a date inside a sentence ("honors from 2011-2014", "in August 2013 I started"). */
const PROSE_BEFORE_DATE = /(?:^|\s)(?:from|in|since|during|between|by|until|till|of|on|and|with|for|after|before|about|around|circa|as)\s*$/;

/** Words of sentences, not of titles or employer names. */
const SENTENCE_WORD = /(?:^|\s)(?:I|[Ww]e|[Hh]e|[Ss]he|[Tt]hey|[Mm]y|[Oo]ur|was|were|is|am|have|had|with|the|a|an|which|who)(?=\s|$)/;

const MAX_SEGMENTS = 12;

interface Segment { text: string; role: 'org' | 'place' | null }

/**
 * One header string -> segments: an org placeholder and a place (placeholder or known place) are
 * tagged, the rest is left for the title ("Patient Advocate Company Name - City , State",
 * "Company Name City , State Account Manager").
 */
function segments(lex: Lexicons, s: string): Segment[] {
  const out: Segment[] = [];
  const push = (t: string, role: Segment['role']): void => {
    const c = clean(t);
    // (A run of more than ten words is the description run on after the header, not a name.)
    if (c.length <= 1 || /^\d+$/.test(c) || (role === null && words(c) > 10)) return;
    if (role === null && (LONE_PLACE_PLACEHOLDERS.has(c.toLowerCase().replace(/[ ,]+/g, ' ')) || lex.places.find(c).some((m) => m.start === 0 && m.end === c.length))) role = 'place';
    out.push({ text: c, role });
  };
  // (At most MAX_SEGMENTS parts: a header line of a million separators is not a million segments.)
  for (const part of s.split(PART_SEP, MAX_SEGMENTS)) {
    let rest = part;
    // At most a few placeholders in one part: each step consumes the text before and at a match.
    for (let guard = 0; guard < 4 && rest; guard++) {
      const org = ORG_PLACEHOLDER.exec(rest);
      const place = PLACE_PLACEHOLDER.exec(rest);
      const m = org && (!place || org.index <= place.index) ? org : place;
      if (!m) break;
      push(rest.slice(0, m.index), null);
      push(m[0], m === org ? 'org' : 'place');
      rest = rest.slice(m.index + m[0].length);
    }
    // "Patient Advocate Acme Health": a known title at the start, an employer after it.
    const c = clean(rest);
    const split = c && !isJobTitle(lex, c) ? leadingTitle(lex, c) : null;
    if (split) { push(split[0], null); push(split[1], null); } else push(rest, null);
  }
  return out;
}

/** "Pharmacy Technician Walgreens" -> ["Pharmacy Technician", "Walgreens"]: the longest leading job title, if what follows looks like a name. */
function leadingTitle(lex: Lexicons, s: string): [string, string] | null {
  const ws = s.split(' ');
  if (ws.length < 3 || ws.length > 10) return null;
  for (let k = ws.length - 1; k >= 2; k--) {
    const head = ws.slice(0, k).join(' ');
    const tail = ws.slice(k).join(' ');
    if (/^\p{Lu}/u.test(tail) && isJobTitle(lex, head) && !isJobTitle(lex, tail)) return [head, tail];
  }
  return null;
}

/** A degree line ("B.Sc. Nursing 2008 - 2012"), unless a job title stands in it ("Teacher, St. Mary's High School"). */
function isEducationLine(lex: Lexicons, line: string): boolean {
  if (!readDegree(lex, line)) return false;
  return !line.split(/[,|·•—–\t]| {2}| - | @ | at /, MAX_SEGMENTS).some((p) => { const c = clean(p); return c.length > 1 && isJobTitle(lex, c); });
}

/** A date inside running prose, not heading a position. */
function inProse(before: string, after: string, line: string): boolean {
  const b = before.trimEnd();
  if (PROSE_BEFORE_DATE.test(b)) return true;
  // "Graduated with honors 2011-2014": a lowercase word runs into the date, in a sentence.
  const bare = trimChars(b, ' ([{:,-');
  const lastWord = bare.slice(bare.lastIndexOf(' ') + 1);
  if (/^\p{Ll}\p{L}*$/u.test(lastWord) && (SENTENCE_WORD.test(b) || /[.!?]$/.test(line.trim()))) return true;
  // "August 2013 I started as a cashier", "2019 was my first year": the sentence goes on after it.
  const next = after.trim().split(/\s+/).filter((w) => /\p{L}/u.test(w));
  return next.length >= 3 && (SENTENCE_WORD.test(` ${next[0]!} `) || (/^\p{Ll}/u.test(next[0]!) && /[.!?]$/.test(line.trim())));
}

/** "Northwind Freight Systems, Leeds, UK" -> organization and location. */
function splitOrgLocation(lex: Lexicons, s: string): { org: string; location: string | null } {
  const comma = s.indexOf(',');
  if (comma > 0) {
    const rest = s.slice(comma + 1).trim();
    if (lex.places.find(rest).length) return { org: s.slice(0, comma).trim(), location: rest };
  }
  return { org: s, location: null };
}

/** Drops bracketed notes ("(full-time)", "(part-time, evenings)") and stray separators. */
function clean(s: string): string {
  return trimChars(s.replace(/\([^()]*\)/g, ' ').replace(/[()]/g, ' ').split(/\s+/).filter(Boolean).join(' ').replace(/ ,/g, ','), ' ,;:|-–—·•');
}

/**
 * Whether a date that starts on this line anchors a position: a range (which may run onto the
 * next line in flattened text), or a lone date ending a short header line.
 */
function anchorRange(lex: Lexicons, text: string, l: Span, r: DateRange | undefined): DateRange | null {
  if (!r) return null;
  const line = text.slice(l.start, l.end);
  // "(Jan 2020 – May 2020: career break)": a note, not a position.
  if (line.startsWith('(') || words(headerPart(line, r.start - l.start)) > 14) return null;
  const isRange = r.to === null || isTwoEnded(r);
  const rel = { start: r.start - l.start, end: Math.min(r.end, l.end) - l.start };
  // A lone date heads a position at the end of a short line, or before placeholders only ("Leasing Agent 03/2014 Company Name City , State").
  if (!isRange && (words(line) > 10 || (rel.start > 0 && rel.end < line.length - 2 && !onlyPlaceholders(line.slice(rel.end))))) return null;
  // "unauthorized system entry (2011-2015)": the tail of a sentence from the line above.
  if (/^\p{Ll}\S*\s+\S/u.test(line.slice(0, rel.start))) return null;
  // "Graduated with honors from 2011-2014", "In August 2013 I started ...": a sentence.
  if (inProse(line.slice(0, rel.start), line.slice(rel.end), line)) return null;
  // "B.Sc. Nursing 2008 - 2012" in a column beside the jobs: an education line is never a job.
  if (isEducationLine(lex, line)) return null;
  return r;
}

/**
 * The header part of a line that runs on into the description ("November 2013 to Current Company
 * Name - City , State Proactively manages ..."): up to the place (or employer) placeholder after
 * a range that leads the line; else the whole line.
 */
function headerPart(line: string, rangeAt: number): string {
  if (words(line.slice(0, rangeAt)) > 6) return line;
  const rest = line.slice(rangeAt);
  const m = PLACE_PLACEHOLDER.exec(rest) ?? ORG_PLACEHOLDER.exec(rest);
  return m ? line.slice(0, rangeAt + m.index + m[0].length) : line;
}

/**
 * A line under a lone date that runs the title and the employer into the description ("Surgical
 * Clinical Reviewer Company Name Collected and submitted ..."): its header, up to the employer
 * placeholder and a place placeholder right after it, when the placeholder comes within the first
 * few words; else null.
 */
function gluedHeader(line: string): string | null {
  if (words(line) <= 14) return null;
  const org = ORG_PLACEHOLDER.exec(line);
  if (!org || words(line.slice(0, org.index)) > 8) return null;
  let end = org.index + org[0].length;
  const place = PLACE_PLACEHOLDER.exec(line.slice(end));
  if (place && words(line.slice(end, end + place.index)) === 0) end += place.index + place[0].length;
  return line.slice(0, end);
}

/** Text that holds nothing but employer and place placeholders ("Company Name - City , State"). */
function onlyPlaceholders(s: string): boolean {
  const rest = s.replace(new RegExp(ORG_PLACEHOLDER.source, 'gi'), ' ').replace(new RegExp(PLACE_PLACEHOLDER.source, 'gi'), ' ');
  return rest !== s && words(rest) === 0;
}

/** A two-ended range ("2019 - 2021", "Jan 2019 Mar 2021"), as opposed to a lone date ("2019"). */
function isTwoEnded(r: DateRange): boolean {
  return r.to !== null && (r.to.y !== r.from.y || r.to.m !== r.from.m) && !(r.yearOnly && r.to.y === r.from.y && r.to.m === 12 && r.from.m === 1);
}

/** How many lines after lines[index] a range reaching to `end` runs onto (blank lines are no lines). */
function linesCovered(lines: Span[], index: number, end: number): number {
  let j = index;
  while (j + 1 < lines.length && lines[j + 1]!.start < end) j++;
  return j - index;
}

/** "Data Analyst, Acme Corp": a title before the first comma, the employer after it. */
function splitTitleComma(lex: Lexicons, segs: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const sg of segs) {
    const comma = sg.role === null ? sg.text.indexOf(', ') : -1;
    const rest = sg.text.slice(comma + 2);
    if (comma > 0 && isJobTitle(lex, sg.text.slice(0, comma)) && (!isJobTitle(lex, rest) || SELF_EMPLOYED.test(rest))) {
      out.push({ text: sg.text.slice(0, comma), role: null }, { text: rest, role: null });
    } else out.push(sg);
  }
  return out;
}

/** A line that can head a position: short, not a list item, not a sentence. */
function isHeaderLine(text: string, l: Span): boolean {
  const s = text.slice(l.start, l.end);
  return !isBulletLine(text, l) && words(s) <= 10 && !/[.!?]$/.test(s);
}

export function findPositions(lex: Lexicons, text: string, allLines: Span[], bodies: Array<{ span: Span; kind: 'job' | 'volunteer' }>): RawPosition[] {
  const out: RawPosition[] = [];
  for (const body of bodies) {
    // The body's lines: a binary search to the first, not a scan of the document per body.
    const lines: Span[] = [];
    for (let i = firstEndingAfter(allLines, body.span.start); i < allLines.length && allLines[i]!.start < body.span.end; i++) {
      const l = allLines[i]!;
      if (l.start >= body.span.start && l.end <= body.span.end) lines.push(l);
    }
    const anchors: Array<{ index: number; range: DateRange }> = [];
    const ranges = findDateRanges(text.slice(body.span.start, body.span.end)).map((r) => ({ ...r, start: r.start + body.span.start, end: r.end + body.span.start }));
    // Both lines and ranges are in text order: one pointer finds each line's first range.
    let ri = 0;
    lines.forEach((l, index) => {
      while (ri < ranges.length && ranges[ri]!.start < l.start) ri++;
      if (isBulletLine(text, l) && words(text.slice(l.start, l.end)) > 8) return;
      const r = ranges[ri];
      const range = anchorRange(lex, text, l, r && r.start < l.end ? r : undefined);
      if (range) anchors.push({ index, range });
    });
    // Per anchor: the lines its range covers ("October 2011" / "to" / "August 2015"), and whether
    // its title and employer come from the line below (a date alone on its line over "Patient
    // Advocate Company Name - City , State") rather than from the lines above.
    const rangeLines = anchors.map((a) => linesCovered(lines, a.index, a.range.end));
    const fromBelow = anchors.map((a, k) => {
      const line = lines[a.index]!;
      const rest = text.slice(line.start, a.range.start) + text.slice(Math.min(a.range.end, line.end), line.end);
      const next = lines[a.index + 1 + rangeLines[k]!];
      if (words(rest) > 0 || !next || isBulletLine(text, next) || anchors[k + 1]?.index === a.index + 1 + rangeLines[k]!) return false;
      const s = text.slice(next.start, next.end);
      return words(s) <= 14 && (ORG_PLACEHOLDER.test(s) || PLACE_PLACEHOLDER.test(s));
    });
    let lastOrg: { org: string; location: string | null } | null = null;
    let lastEnd = -1; // index of the last line used by the previous position's header
    for (const [k, a] of anchors.entries()) {
      let usedBelow = false;
      const line = lines[a.index]!;
      const lineText = text.slice(line.start, line.end);
      const before = lineText.slice(0, a.range.start - line.start);
      const after = a.range.end < line.end ? lineText.slice(a.range.end - line.start) : '';
      const ownLines = rangeLines[k]!;
      const nextLine = lines[a.index + 1 + ownLines];
      // "Data Analyst, Acme Corp, Jan 2020 - Present": a title before a comma, the employer after it.
      const parts = splitTitleComma(lex, [...segments(lex, before), ...segments(lex, after)]);
      // Header lines above: short, not bullets, not part of the previous position's block.
      const header: number[] = [];
      for (let i = a.index - 1; i > lastEnd && header.length < 2 && !fromBelow[k]; i--) {
        const l = lines[i]!;
        if (!isHeaderLine(text, l)) break;
        // A blank line between ends the header: what is above it belongs to the previous entry
        // (unless the line just above is a lone job title: "Database Manager" / "" / "Feb 2000 to ...").
        if (text.slice(l.end, (header.length ? lines[header[0]!]! : line).start).includes('\n\n') &&
          !(header.length === 0 && !parts.some((p) => p.role === null && isJobTitle(lex, p.text)) && isJobTitle(lex, text.slice(l.start, l.end)))) break;
        header.unshift(i);
      }
      const headerParts = header.flatMap((i) => segments(lex, text.slice(lines[i]!.start, lines[i]!.end)));
      // Date on its own line, title on the next line ("Jan 2019 – Present\nSenior Engineer, Acme").
      const below: Segment[] = [];
      const gluedBelow = parts.length === 0 && headerParts.length === 0 && nextLine && !isBulletLine(text, nextLine) ? gluedHeader(text.slice(nextLine.start, nextLine.end)) : null;
      if (parts.length === 0 && headerParts.length === 0 && nextLine && !isBulletLine(text, nextLine) && (gluedBelow !== null || words(text.slice(nextLine.start, nextLine.end)) <= 14)) {
        const s = gluedBelow ?? text.slice(nextLine.start, nextLine.end);
        for (const sg of splitTitleComma(lex, segments(lex, ORG_PLACEHOLDER.test(s) ? s : s.replace(/ at | @ /g, ' | ')))) below.push(sg);
        usedBelow = below.length > 0;
      } else if (header.length === 0 && nextLine && !isBulletLine(text, nextLine) && anchors[k + 1]?.index !== a.index + 1 + ownLines) {
        // "Senior Engineer   Jan 2019 – Present" with the organization on the next line.
        const s = text.slice(nextLine.start, nextLine.end);
        if (words(s) <= 10 && !/[.!?]$/.test(s) && !s.startsWith('(')) for (const sg of segments(lex, s)) below.push(sg);
      }
      const candidates = [...parts, ...headerParts, ...below];
      const plain = candidates.filter((c) => c.role === null).map((c) => c.text);
      const place = candidates.find((c) => c.role === 'place')?.text ?? null;
      const placeholderOrg = candidates.find((c) => c.role === 'org')?.text ?? null;
      let title = plain.find((p) => isJobTitle(lex, p)) ?? null;
      const orgText = placeholderOrg ?? plain.find((p) => p !== title && (ORG_HINT.test(p) || SELF_EMPLOYED.test(p) || !isJobTitle(lex, p))) ?? null;
      if (orgText && below.some((c) => c.text === orgText)) usedBelow = true;
      const ownPlain = [...parts, ...(header.length === 0 ? below : [])].filter((c) => c.role === null).map((c) => c.text);
      if (!title) title = ownPlain.find((p) => p !== orgText) ?? (placeholderOrg ? plain.find((p) => p !== orgText) ?? null : null);
      let org = orgText ? splitOrgLocation(lex, orgText) : null;
      if (org && !org.location && place) org = { org: org.org, location: place };
      // "VELORA COMMERCE, INC. — San Francisco, CA   2015 – present" over its own dated titles: an
      // employer heading. It stays a position (its whole range is experience) with no title, the
      // place goes to its location, and its organization carries to the titles below it.
      if (title !== null && org && lex.places.find(title).some((m) => m.start === 0 && m.end >= title!.length - 4)) {
        org = { org: org.org, location: org.location ?? title };
        title = null;
      }
      // A title with no organization of its own, right after another position: a promotion.
      if (!org && header.length === 0 && candidates.length <= 1 && lastOrg) org = lastOrg;
      if (org) lastOrg = org;
      const startLine = header.length ? header[0]! : a.index;
      const nextAnchor = anchors[k + 1];
      let endLine = nextAnchor ? nextAnchor.index - 1 : lines.length - 1;
      if (nextAnchor && !fromBelow[k + 1]) {
        // Leave the next position's header lines to it.
        for (let i = nextAnchor.index - 1, n = 0; i > a.index + ownLines && n < 2; i--, n++) {
          if (!isHeaderLine(text, lines[i]!)) break;
          endLine = i - 1;
        }
      }
      lastEnd = Math.max(a.index + ownLines + (usedBelow ? 1 : 0), endLine);
      const span = { start: lines[startLine]!.start, end: lines[Math.max(endLine, a.index)]!.end };
      const headText = [title ?? '', ...candidates.map((c) => c.text)].join(' ');
      const kind = body.kind === 'volunteer' ? 'volunteer' : INTERN.test(headText) ? 'internship' : 'job';
      if (title) title = clean(title);
      out.push({ title, organization: org?.org ?? null, location: org?.location ?? place, range: a.range, kind, span });
    }
  }
  return out;
}
