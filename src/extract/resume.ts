// A résumé -> ResumeProfile: dated positions and experience arithmetic (union of intervals,
// "present" = the injected as-of month, internships apart), skills with months of use and last
// use, education, spoken languages, leadership evidence, certifications, and a contact block
// kept apart for redaction.

import type { Education, Position, ResumeProfile, ResumeSkill } from '../domain/resume.ts';
import type { Span, Warning } from '../domain/types.ts';
import type { Taxonomy } from '../taxonomy/taxonomy.ts';
import { formatYearMonth, monthIndex, fromMonthIndex, unionMonths, findDateRanges, type YearMonth } from '../text/dates.ts';
import { looksFlattened, normalizeText, toOriginalSpan } from '../text/normalize.ts';
import { detectSections } from '../text/sections.ts';
import { lineSpans } from '../text/sentences.ts';
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

function within(spans: Span[], s: Span): boolean {
  return spans.some((x) => s.start >= x.start && s.end <= x.end);
}

export function parseResume(tax: Taxonomy, input: string, opts: ResumeOptions): ResumeProfile {
  const norm = normalizeText(input, { gapsAsLines: looksFlattened(input) });
  const text = norm.text;
  const lex = tax.lexicons;
  const warnings: Warning[] = [];
  const orig = (s: Span): Span => toOriginalSpan(norm, s);
  const asOfIndex = monthIndex(opts.asOf);
  const sections = detectSections(text, { nestUnknown: true });
  const bodyOf = (kinds: string[]): Span[] => sections.filter((s) => kinds.includes(s.kind)).map((s) => s.body);

  // Positions: in experience sections, or, for a résumé without one, anywhere but education.
  let expBodies = sections.filter((s) => s.kind === 'experience' || s.kind === 'volunteering').map((s) => ({ span: s.body, kind: s.kind === 'volunteering' ? ('volunteer' as const) : ('job' as const) }));
  if (expBodies.length === 0) {
    expBodies = sections.filter((s) => !['education', 'certifications', 'publications', 'awards', 'references', 'languages', 'projects'].includes(s.kind)).map((s) => ({ span: { start: s.heading?.start ?? s.body.start, end: s.body.end }, kind: 'job' as const }));
  }
  const raw = findPositions(lex, text, expBodies);
  const positions: Position[] = [];
  const intervals: Array<{ a: number; b: number; kind: Position['kind']; span: Span; leadTitle: boolean }> = [];
  for (const p of raw) {
    let a = monthIndex(p.range.from);
    let b = p.range.to ? monthIndex(p.range.to) : asOfIndex;
    const where = orig(p.span);
    if (p.range.from.m < 1 || p.range.from.m > 12 || (p.range.to && (p.range.to.m < 1 || p.range.to.m > 12))) {
      warnings.push({ code: 'DATE_IMPOSSIBLE', message: 'A position has a month outside 1-12; it was skipped.', span: where });
      continue;
    }
    if (b < a && p.range.to) {
      warnings.push({ code: 'DATE_REVERSED', message: `A date range ends before it starts (${formatYearMonth(p.range.from)} to ${formatYearMonth(p.range.to!)}); it was read the other way round.`, span: where });
      [a, b] = [b, a];
    }
    if (a > asOfIndex) {
      warnings.push({ code: 'DATE_FUTURE', message: `A position starts after the as-of date (${formatYearMonth(p.range.from)}); it counts no months.`, span: where });
    }
    const bClipped = Math.min(b, asOfIndex);
    const months = bClipped >= a ? bClipped - a + 1 : 0;
    const seniority = p.title ? lex.titles.find(p.title).filter((m) => m.value.kind === 'seniority').map((m) => (m.value as { level: string }).level) : [];
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
  const jobs = intervals.filter((i) => i.kind === 'job');
  const totalFromDates = unionMonths(jobs.map((i) => [i.a, i.b]));
  const internshipMonths = unionMonths(intervals.filter((i) => i.kind === 'internship').map((i) => [i.a, i.b]));

  // A stated total ("7+ years of experience") is a claim, used only when dates are missing.
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
  if (positions.length === 0) warnings.push({ code: 'NO_DATED_POSITIONS', message: 'No dated positions were found; experience comes from a stated total, if any.' });

  // Skills: months from the positions whose text mentions them.
  const tokens = tokenize(text); // shared by the skill matcher and the certification lexicon
  const matches = tax.match(text, tokens);
  const nSkills = tax.skills.length;
  const bySkill = new Map<string, ResumeSkill & { iv: Array<[number, number]>; last: number }>();
  const eduBodies = bodyOf(['education']);
  // A name is never a skill ("Julia Roberts", "Ruby Chen"), whatever the context around it.
  const contact = readContact(lex, text);
  const nameAt = contact.name ? text.indexOf(contact.name) : -1;
  const nameSpan = nameAt >= 0 ? { start: nameAt, end: nameAt + contact.name!.length } : null;
  for (const m of matches) {
    if (m.concept >= nSkills) continue;
    if (nameSpan && m.start < nameSpan.end && nameSpan.start < m.end) continue;
    const s = tax.skills[m.concept]!;
    // "BSc Computer Science" names a field of study (education.field), not a skill claim.
    if (s.category === 'field' && within(eduBodies, m)) continue;
    const entry = bySkill.get(s.id) ?? { id: s.id, name: s.name, months: 0, lastUsed: null, listedOnly: true, mentions: [], iv: [], last: -1 };
    const span = orig(m);
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
  const skills: ResumeSkill[] = [...bySkill.values()].map(({ iv, last, ...s }) => ({
    ...s,
    months: unionMonths(iv),
    lastUsed: last >= 0 ? formatYearMonth(fromMonthIndex(last)) : null,
  }));

  // Education: degree lines, with the institution and year on the same or the next lines.
  const education: Education[] = [];
  const lines = lineSpans(text);
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
      span: orig(l),
    });
  }

  // Spoken languages: in a languages section, or with a level word on the same line elsewhere.
  const langBodies = bodyOf(['languages']);
  const languages: ResumeProfile['languages'] = [];
  const langMatches = matches.filter((m) => m.concept >= nSkills);
  for (const l of langMatches.length ? lines : []) {
    const hits = langMatches.filter((m) => m.start >= l.start && m.end <= l.end)
      .map((m) => ({ code: tax.languages[m.concept - nSkills]!.code, start: m.start - l.start, end: m.end - l.start }));
    if (!hits.length) continue;
    const s = text.slice(l.start, l.end);
    const read = readLanguages(lex, s, hits);
    const inSection = langBodies.some((b) => l.end > b.start && l.start < b.end);
    for (const r of read) {
      if (!inSection && r.level === null) continue;
      if (languages.some((x) => x.code === r.code)) continue;
      const h = hits.find((x) => x.code === r.code)!;
      languages.push({ code: r.code, name: tax.languages.find((x) => x.code === r.code)!.name, level: r.level, span: orig({ start: l.start + h.start, end: l.start + h.end }) });
    }
  }

  // Leadership: evidence sentences in the experience text, team sizes, months in such roles.
  const evidence: ResumeProfile['leadership']['evidence'] = [];
  let maxTeam: number | null = null;
  const leadIntervals: Array<[number, number]> = intervals.filter((i) => i.kind === 'job' && i.leadTitle).map((i) => [i.a, i.b]);
  for (const l of lines) {
    if (!expBodies.some((b) => l.start >= b.span.start && l.end <= b.span.end)) continue;
    const s = text.slice(l.start, l.end);
    const r = readLeadership(lex, s, tokenize(s));
    if (!r) continue;
    const span = orig(l);
    evidence.push({ ...span, text: input.slice(span.start, span.end), kinds: r.kinds });
    if (r.minTeamSize) maxTeam = Math.max(maxTeam ?? 0, r.minTeamSize);
    for (const iv of intervals) if (iv.kind === 'job' && l.start >= iv.span.start && l.end <= iv.span.end) leadIntervals.push([iv.a, iv.b]);
  }
  const kinds = [...new Set(evidence.flatMap((e) => e.kinds))];

  const certifications: ResumeProfile['certifications'] = [];
  for (const c of lex.certifications.find(text, tokens)) {
    if (!certifications.some((x) => x.id === c.value.id)) certifications.push({ id: c.value.id, name: c.value.name, span: orig(c) });
  }

  return {
    asOf: formatYearMonth(opts.asOf),
    positions,
    experience,
    skills,
    education,
    languages,
    leadership: { months: unionMonths(leadIntervals), maxTeamSize: maxTeam, kinds, evidence },
    certifications,
    contact,
    sections: sections.map((s) => ({ kind: s.kind, title: s.title, span: orig({ start: s.heading?.start ?? s.body.start, end: s.body.end }) })),
    warnings,
    modelsVersion: opts.modelsVersion,
  };
}
