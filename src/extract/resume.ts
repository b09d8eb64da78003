// A résumé -> ResumeProfile: dated positions and experience arithmetic (union of intervals,
// "present" = the injected as-of month, internships apart), skills with months of use and last
// use, education, spoken languages, leadership evidence, certifications, and a contact block
// kept apart for redaction.

import type { Education, Position, ResumeProfile, ResumeSkill } from '../domain/resume.ts';
import type { Span, Warning } from '../domain/types.ts';
import type { Taxonomy } from '../taxonomy/taxonomy.ts';
import type { RawMatch } from '../taxonomy/matcher.ts';
import { formatYearMonth, monthIndex, fromMonthIndex, unionMonths, findDateRanges, type YearMonth } from '../text/dates.ts';
import { looksFlattened, normalizeText, toOriginalSpan } from '../text/normalize.ts';
import { detectSections } from '../text/sections.ts';
import { lineSpans } from '../text/sentences.ts';
import { insideAny } from '../text/spans.ts';
import { tokenize } from '../text/tokenize.ts';
import { readContact } from './contact.ts';
import { readDegree } from './degree.ts';
import { readLanguages } from './languages.ts';
import { readLeadership } from './leadership.ts';
import { findPositions } from './positions.ts';
import { toNumber } from './years.ts';

export interface ResumeOptions {
  asOf: YearMonth;
  modelsVersion: string;
}

const STATED_TOTAL = /\b(\d{1,2}(?:\.\d)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)\+? ?(?:years?|yrs?)(?: and (\d{1,2}) months?)?(?: of)? (?:[\w-]+ ){0,3}?(?:experience|exp\b)/i;
const STATED_TOTAL_LABEL = /\b(?:total|overall)? ?(?:work |professional |it )?experience ?[:-] ?(\d{1,2}(?:\.\d)?)\+? ?(?:years?|yrs?)(?: and (\d{1,2}) months?)?/i;
const SKILL_YEARS = /^[\s(:,–-]{0,4}(\d{1,2}(?:\.\d)?)\+? ?(?:years?|yrs?)\b/i;
const LEAD_TITLE = new Set(['lead', 'manager', 'director', 'vp', 'executive']);
const INSTITUTION = /\b(?:univ\.|universit\p{L}*|universidad\p{L}*|college|institut\p{L}*|school|academy|polytechnic|politecnico|iit|nit|bits|hochschule|fachhochschule|[eé]cole|conservatory|faculty|campus)\b/iu;

/** What every part of the résumé reader needs: the texts, the span mapping and the lines. */
interface Doc {
  tax: Taxonomy;
  lex: Taxonomy['lexicons'];
  input: string;
  text: string;
  lines: Span[];
  orig: (s: Span) => Span;
}

type Interval = { a: number; b: number; kind: Position['kind']; span: Span; leadTitle: boolean };

/** Dated positions, with their month intervals clipped to the as-of month, and date warnings. */
function datedPositions(doc: Doc, bodies: Array<{ span: Span; kind: 'job' | 'volunteer' }>, asOfIndex: number, warnings: Warning[]): { positions: Position[]; intervals: Interval[] } {
  const positions: Position[] = [];
  const intervals: Interval[] = [];
  for (const p of findPositions(doc.lex, doc.text, doc.lines, bodies)) {
    let a = monthIndex(p.range.from);
    let b = p.range.to ? monthIndex(p.range.to) : asOfIndex;
    const where = doc.orig(p.span);
    if (p.range.from.m < 1 || p.range.from.m > 12 || (p.range.to && (p.range.to.m < 1 || p.range.to.m > 12))) {
      warnings.push({ code: 'DATE_IMPOSSIBLE', message: 'A position has a month outside 1-12; it was skipped.', span: where });
      continue;
    }
    if (b < a && p.range.to) {
      warnings.push({ code: 'DATE_REVERSED', message: `A date range ends before it starts (${formatYearMonth(p.range.from)} to ${formatYearMonth(p.range.to)}); it was read the other way round.`, span: where });
      [a, b] = [b, a];
    }
    if (a > asOfIndex) {
      warnings.push({ code: 'DATE_FUTURE', message: `A position starts after the as-of date (${formatYearMonth(p.range.from)}); it counts no months.`, span: where });
    }
    const bClipped = Math.min(b, asOfIndex);
    const months = bClipped >= a ? bClipped - a + 1 : 0;
    const seniority = p.title ? doc.lex.titles.find(p.title).filter((m) => m.value.kind === 'seniority').map((m) => (m.value as { level: string }).level) : [];
    positions.push({
      title: p.title,
      organization: p.organization,
      location: p.location,
      start: formatYearMonth(fromMonthIndex(a)),
      end: p.range.to ? formatYearMonth(fromMonthIndex(b)) : null,
      months,
      kind: p.kind,
      span: where,
    });
    if (months > 0) intervals.push({ a, b: bClipped, kind: p.kind, span: p.span, leadTitle: seniority.some((s) => LEAD_TITLE.has(s)) });
  }
  return { positions, intervals };
}

/** Total professional months from dates; a stated total ("7+ years of experience") only when there are none. */
function experienceTotals(text: string, intervals: Interval[]): ResumeProfile['experience'] {
  const totalFromDates = unionMonths(intervals.filter((i) => i.kind === 'job').map((i) => [i.a, i.b]));
  const internshipMonths = unionMonths(intervals.filter((i) => i.kind === 'internship').map((i) => [i.a, i.b]));
  let statedMonths: number | undefined;
  const summaryish = text.slice(0, Math.min(text.length, 2500));
  const st = STATED_TOTAL_LABEL.exec(summaryish) ?? STATED_TOTAL.exec(summaryish);
  if (st) {
    const n = toNumber(st[1]!);
    if (n !== null && n > 0 && n <= 50) statedMonths = Math.round(n * 12) + (st[2] ? Number(st[2]) : 0);
  }
  const experience: ResumeProfile['experience'] = totalFromDates > 0
    ? { totalMonths: totalFromDates, internshipMonths, source: 'dates' }
    : statedMonths !== undefined ? { totalMonths: statedMonths, internshipMonths, source: 'stated' } : { totalMonths: 0, internshipMonths, source: 'none' };
  if (statedMonths !== undefined) experience.statedMonths = statedMonths;
  return experience;
}

/** Skills with the months of the positions that mention them, last use, and stated years. */
function resumeSkills(doc: Doc, matches: RawMatch[], intervals: Interval[], eduBodies: Span[], nameSpan: Span | null): ResumeSkill[] {
  const { tax, text, input } = doc;
  const nSkills = tax.skills.length;
  const bySkill = new Map<string, ResumeSkill & { iv: Array<[number, number]>; last: number }>();
  for (const m of matches) {
    if (m.concept >= nSkills) continue;
    // A name is never a skill ("Julia Roberts", "Ruby Chen"), whatever the context around it.
    if (nameSpan && m.start < nameSpan.end && nameSpan.start < m.end) continue;
    const s = tax.skills[m.concept]!;
    // "BSc Computer Science" names a field of study (education.field), not a skill claim.
    if (s.category === 'field' && insideAny(m, eduBodies)) continue;
    const entry = bySkill.get(s.id) ?? { id: s.id, name: s.name, months: 0, lastUsed: null, listedOnly: true, mentions: [], iv: [], last: -1 };
    const span = doc.orig(m);
    entry.mentions.push({ ...span, text: input.slice(span.start, span.end) });
    for (const iv of intervals) {
      if (iv.kind !== 'job' || m.start < iv.span.start || m.end > iv.span.end) continue;
      entry.iv.push([iv.a, iv.b]);
      entry.last = Math.max(entry.last, iv.b);
      entry.listedOnly = false;
    }
    const stated = SKILL_YEARS.exec(text.slice(m.end, m.end + 16));
    if (stated) {
      const n = toNumber(stated[1]!);
      if (n !== null && n <= 40) entry.statedMonths = Math.max(entry.statedMonths ?? 0, Math.round(n * 12));
    }
    bySkill.set(s.id, entry);
  }
  return [...bySkill.values()].map(({ iv, last, ...s }) => ({
    ...s,
    months: unionMonths(iv),
    lastUsed: last >= 0 ? formatYearMonth(fromMonthIndex(last)) : null,
  }));
}

/** Degree lines, with the institution and year on the same or the next lines. */
function resumeEducation(doc: Doc, eduBodies: Span[]): Education[] {
  const { text, lines, lex } = doc;
  const education: Education[] = [];
  // Lines of the education section, without an inline heading ("Education: BSc ...").
  const inEducation = lines.filter((l) => eduBodies.some((b) => l.end > b.start && l.start < b.end)).map((l) => {
    const b = eduBodies.find((x) => l.end > x.start && l.start < x.end)!;
    return { start: Math.max(l.start, b.start), end: Math.min(l.end, b.end) };
  });
  const degreeOf = new Map<Span, ReturnType<typeof readDegree>>();
  const read = (l: Span): ReturnType<typeof readDegree> => {
    if (!degreeOf.has(l)) degreeOf.set(l, readDegree(lex, text.slice(l.start, l.end)));
    return degreeOf.get(l)!;
  };
  const eduLines = inEducation.length && inEducation.some((l) => read(l)) ? inEducation : lines;
  for (const [i, l] of eduLines.entries()) {
    const s = text.slice(l.start, l.end);
    const d = read(l);
    if (!d || (eduLines !== inEducation && !INSTITUTION.test(s) && d.degree.fields.length === 0)) continue;
    const near = [s, eduLines[i + 1] ? text.slice(eduLines[i + 1]!.start, eduLines[i + 1]!.end) : '', eduLines[i - 1] ? text.slice(eduLines[i - 1]!.start, eduLines[i - 1]!.end) : ''];
    const inst = near.find((x) => INSTITUTION.test(x)) ?? null;
    const years = near.slice(0, 2).flatMap((x) => findDateRanges(x)).map((r) => (r.to ?? r.from).y);
    education.push({
      level: d.degree.level,
      field: d.degree.fields[0] ?? null,
      institution: inst ? (inst.split(/[,|—–]| - /).find((x) => INSTITUTION.test(x)) ?? inst).trim() : null,
      year: years.length ? Math.max(...years) : null,
      span: doc.orig(l),
    });
  }
  return education;
}

/** Spoken languages: in a languages section, or with a level word on the same line elsewhere. */
function resumeLanguages(doc: Doc, matches: RawMatch[], langBodies: Span[]): ResumeProfile['languages'] {
  const { tax, text } = doc;
  const nSkills = tax.skills.length;
  const languages: ResumeProfile['languages'] = [];
  const langMatches = matches.filter((m) => m.concept >= nSkills);
  for (const l of langMatches.length ? doc.lines : []) {
    const hits = langMatches.filter((m) => m.start >= l.start && m.end <= l.end)
      .map((m) => ({ code: tax.languages[m.concept - nSkills]!.code, start: m.start - l.start, end: m.end - l.start }));
    if (!hits.length) continue;
    const inSection = langBodies.some((b) => l.end > b.start && l.start < b.end);
    for (const r of readLanguages(doc.lex, text.slice(l.start, l.end), hits)) {
      if ((!inSection && r.level === null) || languages.some((x) => x.code === r.code)) continue;
      const h = hits.find((x) => x.code === r.code)!;
      languages.push({ code: r.code, name: tax.languages.find((x) => x.code === r.code)!.name, level: r.level, span: doc.orig({ start: l.start + h.start, end: l.start + h.end }) });
    }
  }
  return languages;
}

/** Leadership evidence sentences in the experience text, team sizes, months in such roles. */
function resumeLeadership(doc: Doc, expBodies: Array<{ span: Span }>, intervals: Interval[]): ResumeProfile['leadership'] {
  const evidence: ResumeProfile['leadership']['evidence'] = [];
  let maxTeam: number | null = null;
  const leadIntervals: Array<[number, number]> = intervals.filter((i) => i.kind === 'job' && i.leadTitle).map((i) => [i.a, i.b]);
  for (const l of doc.lines) {
    if (!expBodies.some((b) => l.start >= b.span.start && l.end <= b.span.end)) continue;
    const s = doc.text.slice(l.start, l.end);
    const r = readLeadership(doc.lex, s, tokenize(s));
    if (!r) continue;
    const span = doc.orig(l);
    evidence.push({ ...span, text: doc.input.slice(span.start, span.end), kinds: r.kinds });
    if (r.minTeamSize) maxTeam = Math.max(maxTeam ?? 0, r.minTeamSize);
    for (const iv of intervals) if (iv.kind === 'job' && l.start >= iv.span.start && l.end <= iv.span.end) leadIntervals.push([iv.a, iv.b]);
  }
  return { months: unionMonths(leadIntervals), maxTeamSize: maxTeam, kinds: [...new Set(evidence.flatMap((e) => e.kinds))], evidence };
}

export function parseResume(tax: Taxonomy, input: string, opts: ResumeOptions): ResumeProfile {
  const norm = normalizeText(input, { gapsAsLines: looksFlattened(input) });
  const text = norm.text;
  const doc: Doc = { tax, lex: tax.lexicons, input, text, lines: lineSpans(text), orig: (s) => toOriginalSpan(norm, s) };
  const warnings: Warning[] = [];
  const sections = detectSections(text, { nestUnknown: true });
  const bodyOf = (kinds: string[]): Span[] => sections.filter((s) => kinds.includes(s.kind)).map((s) => s.body);

  // Positions: in experience sections, or, for a résumé without one, anywhere but education.
  let expBodies = sections.filter((s) => s.kind === 'experience' || s.kind === 'volunteering').map((s) => ({ span: s.body, kind: s.kind === 'volunteering' ? ('volunteer' as const) : ('job' as const) }));
  if (expBodies.length === 0) {
    expBodies = sections.filter((s) => !['education', 'certifications', 'publications', 'awards', 'references', 'languages', 'projects'].includes(s.kind)).map((s) => ({ span: { start: s.heading?.start ?? s.body.start, end: s.body.end }, kind: 'job' as const }));
  }
  const { positions, intervals } = datedPositions(doc, expBodies, monthIndex(opts.asOf), warnings);
  if (positions.length === 0) warnings.push({ code: 'NO_DATED_POSITIONS', message: 'No dated positions were found; experience comes from a stated total, if any.' });

  const tokens = tokenize(text); // shared by the skill matcher and the certification lexicon
  const matches = tax.match(text, tokens);
  const contact = readContact(doc.lex, text, doc.lines);
  const nameAt = contact.name ? text.indexOf(contact.name) : -1;
  const nameSpan = nameAt >= 0 ? { start: nameAt, end: nameAt + contact.name!.length } : null;
  const eduBodies = bodyOf(['education']);

  const certifications: ResumeProfile['certifications'] = [];
  for (const c of doc.lex.certifications.find(text, tokens)) {
    if (!certifications.some((x) => x.id === c.value.id)) certifications.push({ id: c.value.id, name: c.value.name, span: doc.orig(c) });
  }

  return {
    asOf: formatYearMonth(opts.asOf),
    positions,
    experience: experienceTotals(text, intervals),
    skills: resumeSkills(doc, matches, intervals, eduBodies, nameSpan),
    education: resumeEducation(doc, eduBodies),
    languages: resumeLanguages(doc, matches, bodyOf(['languages'])),
    leadership: resumeLeadership(doc, expBodies, intervals),
    certifications,
    contact,
    sections: sections.map((s) => ({ kind: s.kind, title: s.title, span: doc.orig({ start: s.heading?.start ?? s.body.start, end: s.body.end }) })),
    warnings,
    modelsVersion: opts.modelsVersion,
  };
}
