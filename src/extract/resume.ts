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
import { firstEndingAfter, SpanIndex } from '../text/spans.ts';
import { tokenize } from '../text/tokenize.ts';
import { readContact } from './contact.ts';
import { readDegree } from './degree.ts';
import { readLanguages } from './languages.ts';
import { readLeadership } from './leadership.ts';
import { findPositions } from './positions.ts';
import { headlineOccupation, positionFunctions } from './occupation.ts';
import { addPositionTerms } from './experience-terms.ts';
import { toNumber } from './years.ts';
import { capWarning, LIMITS, listedSections, mentionCapWarning } from './limits.ts';

export interface ResumeOptions {
  asOf: YearMonth;
  modelsVersion: string;
}

// A stated total: "7+ years of experience", "over 8 yrs of experience", "2.5 years overall",
// "Total IT experience 5 Years 6 Months", "Experience: 5years". Years may carry months.
const STATED_NUMBER = '(\\d{1,2}(?:\\.\\d{1,2})?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)';
const YEARS_MONTHS = `${STATED_NUMBER}\\+? ?(?:years?|yrs?)\\.?'?(?:,? (?:and )?(\\d{1,2}) ?(?:months?|mnths?|mos\\.?|mo\\.))?`;
const ABOUT = '(?:(?:over|more than|about|around|nearly|almost|approximately|approx\\.?|close to|roughly) )?';
/** Tried in order: a labelled total, a number of years of experience, a number of years overall. */
const STATED_TOTALS = [
  new RegExp(`\\b(?:total|overall)(?: [\\w-]+){0,2}? (?:experience|exp)\\.?(?: of| ?[:-])? ?${ABOUT}${YEARS_MONTHS}`, 'i'),
  new RegExp(`\\b(?:(?:work|professional|industry|it|relevant) )?experience(?: of| ?[:-]) ?${ABOUT}${YEARS_MONTHS}`, 'i'),
  new RegExp(`\\b${YEARS_MONTHS}(?: of)? (?:[\\w-]+ ){0,3}?(?:experience|exp\\b)`, 'i'),
  new RegExp(`\\b${YEARS_MONTHS} (?:overall|in total|total)\\b`, 'i'),
];
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
  const found = findPositions(doc.lex, doc.text, doc.lines, bodies);
  if (found.length > LIMITS.positions) {
    warnings.push(capWarning('positions', found.length));
    found.length = LIMITS.positions;
  }
  for (const p of found) {
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

/** The first stated total in the summary part of the text, in months (years and months). */
function statedTotal(summary: string): number | undefined {
  for (const re of STATED_TOTALS) {
    const st = re.exec(summary);
    if (!st) continue;
    const n = toNumber(st[1]!);
    if (n !== null && n > 0 && n <= 50) return Math.round(n * 12) + (st[2] ? Math.min(11, Number(st[2])) : 0);
  }
  return undefined;
}

/** Total professional months from dates; a stated total ("7+ years of experience") only when there are none. */
function experienceTotals(text: string, intervals: Interval[]): ResumeProfile['experience'] {
  const totalFromDates = unionMonths(intervals.filter((i) => i.kind === 'job').map((i) => [i.a, i.b]));
  const internshipMonths = unionMonths(intervals.filter((i) => i.kind === 'internship').map((i) => [i.a, i.b]));
  const statedMonths = statedTotal(text.slice(0, Math.min(text.length, 2500)));
  const experience: ResumeProfile['experience'] = totalFromDates > 0
    ? { totalMonths: totalFromDates, internshipMonths, source: 'dates' }
    : statedMonths !== undefined ? { totalMonths: statedMonths, internshipMonths, source: 'stated' } : { totalMonths: 0, internshipMonths, source: 'none' };
  if (statedMonths !== undefined) experience.statedMonths = statedMonths;
  return experience;
}

/** Skills with the months of the positions that mention them, last use, and stated years. */
function resumeSkills(doc: Doc, matches: RawMatch[], intervals: Interval[], eduBodies: Span[], nameSpan: Span | null, warnings: Warning[]): ResumeSkill[] {
  const { tax, text, input } = doc;
  const nSkills = tax.skills.length;
  const bySkill = new Map<string, ResumeSkill & { iv: Set<Interval>; last: number }>();
  const jobs = intervals.filter((iv) => iv.kind === 'job');
  const jobSpans = new SpanIndex(jobs.map((iv) => iv.span));
  const eduSpans = new SpanIndex(eduBodies);
  const mentionCounts = new Map<string, number>();
  const dropped = new Set<string>();
  for (const m of matches) {
    if (m.concept >= nSkills) continue;
    // A name is never a skill ("Julia Roberts", "Ruby Chen"), whatever the context around it.
    if (nameSpan && m.start < nameSpan.end && nameSpan.start < m.end) continue;
    const s = tax.skills[m.concept]!;
    // "BSc Computer Science" names a field of study (education.field), not a skill claim.
    if (s.category === 'field' && eduSpans.covers(m)) continue;
    let entry = bySkill.get(s.id);
    if (!entry) {
      if (bySkill.size >= LIMITS.skills) { dropped.add(s.id); continue; }
      entry = { id: s.id, name: s.name, months: 0, lastUsed: null, listedOnly: true, mentions: [], iv: new Set(), last: -1 };
      bySkill.set(s.id, entry);
    }
    const count = (mentionCounts.get(s.id) ?? 0) + 1;
    mentionCounts.set(s.id, count);
    if (count <= LIMITS.mentionsPerSkill) {
      const span = doc.orig(m);
      entry.mentions.push({ start: span.start, end: span.end, text: input.slice(span.start, span.end) });
    }
    // The job positions whose text mentions it (found by binary search: never a scan of every position per mention).
    for (const k of jobSpans.containing(m)) {
      const iv = jobs[k]!;
      entry.iv.add(iv);
      entry.last = Math.max(entry.last, iv.b);
      entry.listedOnly = false;
    }
    const stated = SKILL_YEARS.exec(text.slice(m.end, m.end + 16));
    if (stated) {
      const n = toNumber(stated[1]!);
      if (n !== null && n <= 40) entry.statedMonths = Math.max(entry.statedMonths ?? 0, Math.round(n * 12));
    }
  }
  if (dropped.size) warnings.push(capWarning('skills', bySkill.size + dropped.size));
  const mentionWarning = mentionCapWarning(mentionCounts, (id) => bySkill.get(id)!.name);
  if (mentionWarning) warnings.push(mentionWarning);
  return [...bySkill.values()].map(({ iv, last, ...s }) => ({
    ...s,
    months: unionMonths([...iv].map((i) => [i.a, i.b])),
    lastUsed: last >= 0 ? formatYearMonth(fromMonthIndex(last)) : null,
  }));
}

/** Degree lines, with the institution and year on the same or the next lines. */
function resumeEducation(doc: Doc, eduBodies: Span[], warnings: Warning[]): Education[] {
  const { text, lines, lex } = doc;
  const education: Education[] = [];
  // Lines of the education section, without an inline heading ("Education: BSc ..."): for each
  // body, a binary search to its first line (a line is clipped to the first body it reaches into).
  const clipped = new Map<number, Span>();
  for (const b of eduBodies) {
    for (let i = firstEndingAfter(lines, b.start); i < lines.length && lines[i]!.start < b.end; i++) {
      const l = lines[i]!;
      if (l.end > b.start && !clipped.has(i)) clipped.set(i, { start: Math.max(l.start, b.start), end: Math.min(l.end, b.end) });
    }
  }
  const inEducation = [...clipped.entries()].sort((x, y) => x[0] - y[0]).map(([, span]) => span);
  const degreeOf = new Map<Span, ReturnType<typeof readDegree>>();
  const inSection = new Set(inEducation);
  const read = (l: Span): ReturnType<typeof readDegree> => {
    const s = text.slice(l.start, l.end);
    if (!degreeOf.has(l)) degreeOf.set(l, readDegree(lex, s, tokenize(s), { inEducation: inSection.has(l), highest: true }));
    return degreeOf.get(l)!;
  };
  const eduLines = inEducation.length && inEducation.some((l) => read(l)) ? inEducation : lines;
  let degrees = 0;
  for (const [i, l] of eduLines.entries()) {
    const s = text.slice(l.start, l.end);
    const d = read(l);
    if (!d || (eduLines !== inEducation && !INSTITUTION.test(s) && d.degree.fields.length === 0)) continue;
    if (++degrees > LIMITS.education) continue; // counted for the warning, not read

    const near = [s, eduLines[i + 1] ? text.slice(eduLines[i + 1]!.start, eduLines[i + 1]!.end) : '', eduLines[i - 1] ? text.slice(eduLines[i - 1]!.start, eduLines[i - 1]!.end) : ''];
    const inst = near.find((x) => INSTITUTION.test(x)) ?? null;
    let year: number | null = null; // the latest (a loop: a line may hold any number of dates)
    for (const x of near.slice(0, 2)) for (const r of findDateRanges(x)) year = Math.max(year ?? -Infinity, (r.to ?? r.from).y);
    education.push({
      level: d.degree.level,
      field: d.degree.fields[0] ?? null,
      institution: inst ? (inst.split(/[,|—–]| - /).find((x) => INSTITUTION.test(x)) ?? inst).trim() : null,
      year,
      span: doc.orig(l),
    });
  }
  if (degrees > LIMITS.education) warnings.push(capWarning('education', degrees));
  return education;
}

/** Spoken languages: in a languages section, or with a level word on the same line elsewhere. */
function resumeLanguages(doc: Doc, matches: RawMatch[], langBodies: Span[]): ResumeProfile['languages'] {
  const { tax, text } = doc;
  const nSkills = tax.skills.length;
  const languages: ResumeProfile['languages'] = [];
  const langMatches = matches.filter((m) => m.concept >= nSkills);
  const sections = new SpanIndex(langBodies);
  const seen = new Set<string>();
  let next = 0; // matches and lines are both in text order: one pointer walks the matches
  for (const l of langMatches.length ? doc.lines : []) {
    while (next < langMatches.length && langMatches[next]!.start < l.start) next++;
    const hits: Array<Span & { code: string }> = [];
    for (let k = next; k < langMatches.length && langMatches[k]!.start < l.end; k++) {
      const m = langMatches[k]!;
      if (m.end <= l.end) hits.push({ code: tax.languages[m.concept - nSkills]!.code, start: m.start - l.start, end: m.end - l.start });
    }
    if (!hits.length) continue;
    const inSection = sections.overlaps(l);
    for (const r of readLanguages(doc.lex, text.slice(l.start, l.end), hits)) {
      if ((!inSection && r.level === null) || seen.has(r.code)) continue;
      seen.add(r.code);
      const h = hits.find((x) => x.code === r.code)!;
      languages.push({ code: r.code, name: tax.languages.find((x) => x.code === r.code)!.name, level: r.level, span: doc.orig({ start: l.start + h.start, end: l.start + h.end }) });
    }
  }
  return languages;
}

/** Leadership evidence sentences in the experience text, team sizes, months in such roles. */
function resumeLeadership(doc: Doc, expBodies: Array<{ span: Span }>, intervals: Interval[], warnings: Warning[]): ResumeProfile['leadership'] {
  const evidence: ResumeProfile['leadership']['evidence'] = [];
  let maxTeam: number | null = null;
  const leadIntervals: Array<[number, number]> = intervals.filter((i) => i.kind === 'job' && i.leadTitle).map((i) => [i.a, i.b]);
  const bodies = new SpanIndex(expBodies.map((b) => b.span));
  const jobs = intervals.filter((iv) => iv.kind === 'job');
  const jobSpans = new SpanIndex(jobs.map((iv) => iv.span));
  const kinds = new Set<string>();
  let lines = 0;
  for (const l of doc.lines) {
    if (!bodies.covers(l)) continue;
    const s = doc.text.slice(l.start, l.end);
    const r = readLeadership(doc.lex, s, tokenize(s));
    if (!r) continue;
    // Every line counts for the months, team size and kinds; the first ones are kept as evidence.
    if (++lines <= LIMITS.leadershipEvidence) {
      const span = doc.orig(l);
      evidence.push({ ...span, text: doc.input.slice(span.start, span.end), kinds: r.kinds });
    }
    for (const k of r.kinds) kinds.add(k);
    if (r.minTeamSize) maxTeam = Math.max(maxTeam ?? 0, r.minTeamSize);
    for (const k of jobSpans.containing(l)) leadIntervals.push([jobs[k]!.a, jobs[k]!.b]);
  }
  if (lines > LIMITS.leadershipEvidence) warnings.push(capWarning('leadershipEvidence', lines));
  return { months: unionMonths(leadIntervals), maxTeamSize: maxTeam, kinds: [...kinds], evidence };
}

/**
 * Experience and volunteering bodies. Labels inside a job entry ("Responsibilities:", "Key
 * achievements:", "Courses") are no sections of their own: the section reader keeps them in the
 * entry (entryLabels).
 */
function experienceBodies(sections: ReturnType<typeof detectSections>): Array<{ span: Span; kind: 'job' | 'volunteer' }> {
  return sections
    .filter((s) => s.kind === 'experience' || s.kind === 'volunteering')
    .map((s) => ({ span: { ...s.body }, kind: s.kind === 'volunteering' ? 'volunteer' as const : 'job' as const }));
}

export function parseResume(tax: Taxonomy, input: string, opts: ResumeOptions): ResumeProfile {
  const norm = normalizeText(input, { gapsAsLines: looksFlattened(input) });
  const text = norm.text;
  const doc: Doc = { tax, lex: tax.lexicons, input, text, lines: lineSpans(text), orig: (s) => toOriginalSpan(norm, s) };
  const warnings: Warning[] = [];
  const sections = detectSections(text, { nestUnknown: true, entryLabels: true });
  const bodyOf = (kinds: string[]): Span[] => sections.filter((s) => kinds.includes(s.kind)).map((s) => s.body);

  // Positions: in experience sections, or, for a résumé without one, anywhere but education.
  let expBodies = experienceBodies(sections);
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
  const certIds = new Set<string>();
  for (const c of doc.lex.certifications.find(text, tokens)) {
    if (!certIds.has(c.value.id)) { certIds.add(c.value.id); certifications.push({ id: c.value.id, name: c.value.name, span: doc.orig(c) }); }
  }

  const skills = resumeSkills(doc, matches, intervals, eduBodies, nameSpan, warnings);
  const education = resumeEducation(doc, eduBodies, warnings);
  const languages = resumeLanguages(doc, matches, bodyOf(['languages']));
  const leadership = resumeLeadership(doc, expBodies, intervals, warnings);
  const listed = listedSections(sections, warnings);
  // A headline title may itself look like a heading ("SOUS CHEF"): read up to the first known section.
  const firstHeading = sections.find((s) => s.heading && s.kind !== 'other')?.heading!.start ?? text.length;
  const headline = headlineOccupation(tax, text, doc.lines, firstHeading, contact.name);
  const occupation = { headline: headline ? { ...headline, span: doc.orig(headline.span!) } : null, functions: positionFunctions(tax, positions) };
  addPositionTerms(tax, input, positions);
  return {
    asOf: formatYearMonth(opts.asOf),
    positions,
    experience: experienceTotals(text, intervals),
    occupation,
    skills,
    education,
    languages,
    leadership,
    certifications,
    contact,
    sections: listed.map((s) => ({ kind: s.kind, title: s.title, span: doc.orig({ start: s.heading?.start ?? s.body.start, end: s.body.end }) })),
    warnings,
    modelsVersion: opts.modelsVersion,
  };
}
