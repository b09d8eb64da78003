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
function anchorRange(text: string, l: Span, r: DateRange | undefined): DateRange | null {
  if (!r) return null;
  const line = text.slice(l.start, l.end);
  // "(Jan 2020 – May 2020: career break)": a note, not a position.
  if (line.startsWith('(') || words(line) > 14) return null;
  const isRange = r.to === null || isTwoEnded(r);
  const rel = { start: r.start - l.start, end: Math.min(r.end, l.end) - l.start };
  if (!isRange && (words(line) > 10 || (rel.start > 0 && rel.end < line.length - 2))) return null;
  return r;
}

/** A two-ended range ("2019 - 2021", "Jan 2019 Mar 2021"), as opposed to a lone date ("2019"). */
function isTwoEnded(r: DateRange): boolean {
  return r.to !== null && (r.to.y !== r.from.y || r.to.m !== r.from.m) && !(r.yearOnly && r.to.y === r.from.y && r.to.m === 12 && r.from.m === 1);
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
      const range = anchorRange(text, l, r && r.start < l.end ? r : undefined);
      if (range) anchors.push({ index, range });
    });
    let lastOrg: { org: string; location: string | null } | null = null;
    let lastEnd = -1; // index of the last line used by the previous position's header
    for (const [k, a] of anchors.entries()) {
      let usedBelow = false;
      const line = lines[a.index]!;
      const lineText = text.slice(line.start, line.end);
      const before = lineText.slice(0, a.range.start - line.start);
      const after = a.range.end < line.end ? lineText.slice(a.range.end - line.start) : '';
      // A range that ran onto the next line ("6/2014" / "Present") used that line up.
      const rangeLines = a.range.end > line.end ? 1 : 0;
      // "Data Analyst, Acme Corp, Jan 2020 - Present": a title before a comma, the employer after it.
      const parts = [...before.split(PART_SEP), ...after.split(PART_SEP)].map(clean).filter((p) => p.length > 1 && !/^\d+$/.test(p))
        .flatMap((p) => {
          const comma = p.indexOf(', ');
          const rest = p.slice(comma + 2);
          return comma > 0 && isJobTitle(lex, p.slice(0, comma)) && (!isJobTitle(lex, rest) || SELF_EMPLOYED.test(rest)) ? [p.slice(0, comma), rest] : [p];
        });
      // Header lines above: short, not bullets, not part of the previous position's block.
      const header: number[] = [];
      for (let i = a.index - 1; i > lastEnd && header.length < 2; i--) {
        const l = lines[i]!;
        if (!isHeaderLine(text, l)) break;
        // A blank line between ends the header: what is above it belongs to the previous entry.
        if (text.slice(l.end, (header.length ? lines[header[0]!]! : line).start).includes('\n\n')) break;
        header.unshift(i);
      }
      const headerParts = header.flatMap((i) => text.slice(lines[i]!.start, lines[i]!.end).split(PART_SEP).map(clean).filter(Boolean));
      // Date on its own line, title on the next line ("Jan 2019 – Present\nSenior Engineer, Acme").
      if (parts.length === 0 && headerParts.length === 0) {
        const next = lines[a.index + 1];
        if (next && !isBulletLine(text, next) && words(text.slice(next.start, next.end)) <= 10) {
          // (A loop, not push(...): a one-"word" line of a million commas must not overflow the stack.)
          for (const p of text.slice(next.start, next.end).split(/[,|—–]| - | at | @ /)) { const c = clean(p); if (c) parts.push(c); }
        }
      }
      // "Senior Engineer   Jan 2019 – Present" with the organization on the next line.
      const below: string[] = [];
      const next = lines[a.index + 1 + rangeLines];
      // (Anchors are in line order, one per line: only the next one can sit on the next line.)
      if (header.length === 0 && next && !isBulletLine(text, next) && anchors[k + 1]?.index !== a.index + 1) {
        const s = text.slice(next.start, next.end);
        if (words(s) <= 10 && !/[.!?]$/.test(s) && !s.startsWith('(')) below.push(clean(s));
      }
      const candidates = [...parts, ...headerParts, ...below];
      let title = candidates.find((p) => isJobTitle(lex, p)) ?? null;
      const orgText = candidates.find((p) => p !== title && (ORG_HINT.test(p) || SELF_EMPLOYED.test(p) || !isJobTitle(lex, p)) && !lex.places.find(p).some((m) => m.start === 0 && m.end === p.length)) ?? null;
      if (orgText && below.includes(orgText)) usedBelow = true;
      if (!title && parts.length) title = parts.find((p) => p !== orgText) ?? null;
      let org = orgText ? splitOrgLocation(lex, orgText) : null;
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
      if (nextAnchor) {
        // Leave the next position's header lines to it.
        for (let i = nextAnchor.index - 1, n = 0; i > a.index && n < 2; i--, n++) {
          if (!isHeaderLine(text, lines[i]!)) break;
          endLine = i - 1;
        }
      }
      lastEnd = Math.max(a.index + rangeLines + (usedBelow ? 1 : 0), endLine);
      const span = { start: lines[startLine]!.start, end: lines[Math.max(endLine, a.index)]!.end };
      const headText = [title ?? '', ...candidates].join(' ');
      const kind = body.kind === 'volunteer' ? 'volunteer' : INTERN.test(headText) ? 'internship' : 'job';
      if (title) title = clean(title);
      out.push({ title, organization: org?.org ?? null, location: org?.location ?? null, range: a.range, kind, span });
    }
  }
  return out;
}
