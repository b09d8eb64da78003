// A job posting -> PostingProfile. Finds the part of the text that is the posting (scraped
// pages carry reviews, salaries and interview statistics), reads the header (title, company,
// location, work mode, employment type), and turns each qualification line or requirement-like
// sentence into requirements with spans into the caller's text.

import type { PostingProfile, PostingSkill, Requirement } from '../domain/posting.ts';
import type { Span, Warning } from '../domain/types.ts';
import type { Taxonomy } from '../taxonomy/taxonomy.ts';
import { TECH_CATEGORIES } from '../taxonomy/schema.ts';
import type { RawMatch } from '../taxonomy/matcher.ts';
import { looksFlattened, normalizeText, toOriginalSpan, type NormalizedText } from '../text/normalize.ts';
import { relineText } from '../text/relines.ts';
import { boilerplateSpans, isBoilerplate } from '../text/section-cues.ts';
import { classifyHeading, detectSections, type Section } from '../text/sections.ts';
import { endsWithAbbreviation, linePrefix, lineSpans, sentenceSpans, trimSpan } from '../text/sentences.ts';
import { firstEndingAfter, firstStartingAt, SpanIndex, spansWithin } from '../text/spans.ts';
import { capWarning, LIMITS, listedSections, mentionCapWarning } from './limits.ts';
import { readHeader } from './posting-header.ts';
import { isJobTitle } from './job-title.ts';
import { isBlurb, isDuty, isDutyVerb, isGerundDuty, looksLikeQualification, requirementAfterLostStop, readRequirementLine, requiredness, type Facets } from './requirement.ts';
import { listItems, runOnItems } from './posting-lists.ts';
import { textOccupation, titleOccupation, withScopeFunctions } from './occupation.ts';
import { postingTerms } from './experience-terms.ts';

const REQUIREMENT_SECTIONS = new Set(['requirements', 'preferred', 'skills', 'experience', 'education', 'languages', 'certifications']);
const SKIP_SECTIONS = new Set(['responsibilities', 'benefits', 'company', 'eeo', 'apply', 'interests', 'references', 'contact']);
const REQUIREMENT_WORDING = /\b(?:you have|you'll have|you will have|you bring|you should have|you possess|you(?:'re| are) (?:proficient|fluent|experienced|comfortable)|we(?:'re| are) looking for (?:someone|a candidate|candidates|people|an? [\w -]{0,40}? (?:with|who (?:has|have|brings))\b)|candidates? (?:must|should|will) have|the ideal candidate (?:has|will have|brings|is)|requires?|must (?:have|be)|is a must|a plus|nice to have|ideally|preferred|experience (?:with|in|of|as|building|leading)|years of|degree|proficien|fluen|familiar(?:ity)? with|knowledge of|background in|expertise in|certifi)/i;
// "You will build ...": a duty, not a qualification, unless it says what you need.
// Plain-sentence requirements of UK and flattened postings: "you will need to have", "applicants
// must hold", "NVQ 2 is desirable", "it is essential that", "the successful candidate will have".
const PROSE_REQUIREMENT = /\b(?:needs? to (?:have|be|hold|possess|demonstrate)|will need|must (?:hold|possess|demonstrate)|(?:is|are) (?:essential|desirable|advantageous)|it is essential|essential (?:that|for (?:this|the) (?:role|post|position))|(?:successful|ideal) (?:candidate|applicant|person)s? (?:will|must|should) (?:have|be|hold|possess|demonstrate)|(?:applicants|candidates) (?:must|should|will need to) (?:have|hold|be)|(?:would be|is) an? advantage)\b/i;
// "You will build ...": a duty, not a qualification, unless it says what you need; so is "To
// manage ..." and "Duties include ...". "You will have a nursing qualification" is a qualification
// ("You will have the opportunity to ..." is not).
const DUTY = /^(?:you(?:'ll| will)(?! (?:have|need|possess|hold|be (?:able|qualified|registered|experienced|educated|fluent|proficient|comfortable))\b(?! (?:the|an?) (?:opportunity|chance|support|freedom|flexibility)\b| access\b))|we(?:'ll| will)?|our|this role (?:is|will|offers)|(?:duties|responsibilities)(?: will)? include|to (?!be\b|apply\b|qualify\b)[a-z]+)\b/i;
const NEED = /\b(?:need|must|required|essential)\b/i;
/** A sentence that states a requirement in so many words: kept even when no skill, degree or years can be read from it. */
const STRONG_NEED = /\b(?:must (?:have|hold|be|possess)|(?:is|are|be) required to (?:have|hold|be|possess)|needs? to (?:have|be|hold)|(?:is|are) (?:essential|desirable|advantageous)|essential (?:that|for)|(?:ideal|successful) (?:candidate|applicant|person)s? (?:will|must|should) (?:have|be|hold))\b/i;

/** "As a member of our team, you will have the opportunity to ...": what the job offers. */
/** A lead-in to a list ("... the following skills and qualifications:", "... as follows:"): up to its colon. */
const LEAD_IN = /^[^:]{0,200}?\b(?:the following|as follows|listed below|below)\b[^:]{0,60}:\s*/i;
const OFFER = /\byou(?:'ll| will) (?:have|get|be given) (?:the|an?|plenty of) (?:opportunity|opportunities|chance|freedom)\b/i;

/** "<job title> Required|Wanted|Needed ...": the words before the verb end in a job title. */
const ADVERT_VERB = /^(.{3,120}?)\s(?:urgently\s|immediately\s)?(?:required|wanted|needed)(?:\s|[.!,]|$)/i;
function isAdvertHeadline(tax: Taxonomy, line: string): boolean {
  const m = ADVERT_VERB.exec(line);
  if (!m) return false;
  // (Unless what follows asks for something: "Python developer needed, 5 years of Python required".)
  if (requirementSentence(line.slice(m[0].length))) return false;
  const before = m[1]!.split(/\s+/).slice(-6).join(' ');
  // (A role noun or a known title ends the words: "Home Care Assistants", "RGN Deputy Home Manager".)
  const end = before.length;
  return tax.occupations.heads.find(before).some((m) => m.end === end) || tax.lexicons.titles.find(before).some((m) => m.value.kind === 'title' && m.end === end);
}

/** Whether a prose sentence reads as a requirement. */
function requirementSentence(s: string): boolean {
  return (REQUIREMENT_WORDING.test(s) || PROSE_REQUIREMENT.test(s)) && !((DUTY.test(s) || OFFER.test(s)) && !NEED.test(s));
}
const END_MARKER = /^(?:similar jobs|related jobs|more jobs|other jobs|jobs you may like|recommended jobs|people also viewed|people also searched|share this job|report this job|total views|views|reviews|company reviews|salary ranges?|salaries|interview experience|interview questions|interviews|benefits & perks reviews|about the company|apply clicks)$/i;
const NUMERIC_LINE = /^[\d\s.,%$€£¥+/:·()-]+(?:k|m|reports?|interviews?|reviews?|data points|weeks|days|years?|employees)?$/i;
const HEAD_SECTIONS = new Set(['requirements', 'preferred', 'responsibilities', 'description', 'company', 'benefits', 'skills', 'experience', 'education']);

export interface ParseOptions {
  modelsVersion: string;
}

/** Where the posting starts (its title line) and ends (before trailing page furniture). */
function findBody(tax: Taxonomy, text: string, lines: Span[], sections: Section[], matches: RawMatch[]): Span {
  let start = 0;
  for (const l of lines.slice(0, 30)) {
    const s = text.slice(l.start, l.end);
    if (s.split(/\s+/).length > 14) break;
    if (isJobTitle(tax.lexicons, s)) { start = l.start; break; }
  }
  const reqStarts = sections.filter((s) => s.kind === 'requirements' || s.kind === 'preferred').map((s) => s.heading?.start ?? 0);
  // Page furniture follows the posting; scan from its first qualification heading (a salary
  // table's "Bonus" row must not pass for a later "nice to have" section).
  // (A loop, not Math.min(...reqStarts): spreading an unbounded array overflows the stack.)
  let after = reqStarts.length ? Infinity : start;
  for (const s of reqStarts) if (s < after) after = s;
  const isNoise = (l: Span): 'numeric' | 'short' | null => {
    const s = text.slice(l.start, l.end);
    if (NUMERIC_LINE.test(s)) return 'numeric';
    const words = s.split(/\s+/).length;
    if (words <= 3 && !anyWithin(matches, l)) return 'short';
    return null;
  };
  // The first end marker, or the start of the first run of 4+ noise lines with 2+ numeric ones.
  const tail = lines.filter((l) => l.start > after);
  let runStart = -1;
  let numeric = 0;
  for (let i = 0; i <= tail.length; i++) {
    const l = tail[i];
    const noise = l ? isNoise(l) : null;
    if (noise) {
      if (runStart < 0) { runStart = i; numeric = 0; }
      if (noise === 'numeric') numeric++;
    }
    if (runStart >= 0 && (!noise || i === tail.length) && i - runStart >= 4 && numeric >= 2) return { start, end: tail[runStart]!.start };
    if (!noise) runStart = -1;
    if (l && END_MARKER.test(text.slice(l.start, l.end).trim())) return { start, end: l.start };
  }
  return { start, end: text.length };
}

/** Whether one of the matches (sorted by start) lies inside `span`. */
function anyWithin(sorted: readonly Span[], span: Span): boolean {
  for (let i = firstStartingAt(sorted, span.start); i < sorted.length && sorted[i]!.start < span.end; i++) if (sorted[i]!.end <= span.end) return true;
  return false;
}

// A clause that explains the one before it ("We're on AWS, but ...", "Your emails are ...").
const ELABORATION = /^(?:we|we're|we've|we'll|our|this|it|it's|that|these|those|they|there|your|please|think|e\.g|for example|i\.e|you don't|you do not|you won't|nobody|no one|which|so|but)\b/i;

/**
 * A qualification line's clauses: the first always, and each later sentence or ";" clause (outside
 * brackets) that states a qualification of its own: "Strong SQL and Python; Scala is a plus" is a
 * must-have and a nice-to-have, "Experience with AWS, GCP or Azure. We're on AWS, but ..." is one.
 */
function qualificationClauses(text: string, l: Span): Span[] {
  const out: Span[] = [];
  let depth = 0;
  let start = l.start;
  const push = (end: number): void => {
    let a = start;
    let b = end;
    while (a < b && /\s/.test(text[a]!)) a++;
    while (b > a && /[\s;,]/.test(text[b - 1]!)) b--;
    if (b <= a) return;
    const clause = text.slice(a, b);
    if (out.length === 0 || !ELABORATION.test(clause)) out.push({ start: a, end: b });
  };
  for (let i = l.start; i < l.end; i++) {
    const c = text[i]!;
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && text[i + 1] === ' ' && (c === ';' || (c === '.' && /[A-Z]/.test(text[i + 2] ?? '') && !endsWithAbbreviation(text, i, l.start)))) {
      push(c === '.' ? i + 1 : i);
      start = i + 1;
    }
  }
  push(l.end);
  return out;
}

// "**Skills:**", "__Experience__:", "Nice to have:" at the start of a list item, then its text.
const ITEM_LABEL = /^(?:\*{1,2}|_{1,2})?([\p{L}][\p{L} &/'’-]{1,40})(?:(?:\*\*|__)\s*:|:\s*(?:\*\*|__)|:)\s+(?=\S)/u;

/** A line (trimmed) that is only a label in markdown bold: "**Cloud Know-How:**", "*Analysing & problem solving:**", "__Team Player__". */
const BOLD_LABEL_LINE = /^(?:\*{1,2}|_{1,2})?[^*_\n]{1,60}?(?::\s*(?:\*\*|__)|(?:\*\*|__)\s*:?)$/;

/** A heading-like label (its words are section cue words, or any words in bold) opening the item `l`, its kind and where its text starts. */
function itemLabel(text: string, l: Span, cues: Parameters<typeof classifyHeading>[1]): { kind: string; body: number } | null {
  const m = ITEM_LABEL.exec(text.slice(l.start, Math.min(l.end, l.start + 60)));
  if (!m || l.start + m[0].length >= l.end) return null;
  const kind = classifyHeading(m[1]!, cues);
  // "**Collaborative Communicator:** Excellent ...": a bold label of no section kind names the item; the item is read without it.
  if ((!kind || kind === 'other') && /\*\*|__/.test(m[0])) return { kind: 'label', body: l.start + m[0].length };
  if (!kind || kind === 'other' || kind === 'responsibilities' || kind === 'description' || kind === 'company' || kind === 'benefits') return null;
  return { kind, body: l.start + m[0].length };
}

/** Whether a line was written as a list item (a bullet or number before its text). */
function isBullet(text: string, l: Span): boolean {
  return linePrefix(text, l).length > 0;
}

/** Whether a line's first sentence states a qualification ("You have 5+ years of ..."). */
function opensWithRequirement(text: string, l: Span): boolean {
  const first = sentenceSpans(text.slice(l.start, Math.min(l.end, l.start + 400)))[0];
  const s = first ? text.slice(l.start + first.start, l.start + first.end) : '';
  return requirementSentence(s);
}

function signature(r: Facets): string {
  const ids = (xs?: Array<{ id: string }>): string => (xs ?? []).map((x) => x.id).sort().join(',');
  return [r.kind, ids(r.anyOf), ids(r.allOf), r.minYears, r.maxYears, r.withinYears, JSON.stringify(r.degree ?? null), JSON.stringify(r.languages ?? null), (r.leadership?.kinds ?? []).join(','), ids(r.certifications)].join('|');
}

/** A whole posting on one line with double-space gaps where its lines were (a flattened export). */
function gapsWereLines(input: string): boolean {
  if (looksFlattened(input)) return true;
  if (input.length < 300 || input.indexOf('\n') >= 0) return false;
  let gaps = 0;
  for (let i = input.indexOf('  '); i >= 0 && gaps < 4; i = input.indexOf('  ', i + 2)) if (/\S/.test(input[i + 2] ?? '')) gaps++;
  return gaps >= 4;
}

/**
 * The posting's text as lines a reader would see: normalized, a flattened export's gaps read as
 * line breaks, list items glued together split, hard-wrapped items joined (spans map back).
 */
function readableText(tax: Taxonomy, input: string): NormalizedText {
  const norm = normalizeText(input, { gapsAsLines: gapsWereLines(input) });
  // A break never cuts a known name ("JavaScript", "TensorFlow"): look at the words around it.
  const protects = (text: string, at: number): boolean => {
    const from = Math.max(0, at - 30);
    return tax.match(text.slice(from, at + 30)).some((m) => m.start + from < at && m.end + from > at);
  };
  return relineText(norm, { protects });
}

const NO_ROLE_SECTIONS = new Set(['benefits', 'eeo', 'apply']);

export function parsePosting(tax: Taxonomy, input: string, opts: ParseOptions): PostingProfile {
  const norm = readableText(tax, input);
  const text = norm.text;
  const cues = tax.lexicons.sections;
  const warnings: Warning[] = [];
  const matches = tax.match(text);
  const nSkills = tax.skills.length;
  const skillHits = matches.filter((m) => m.concept < nSkills);
  const langHits = matches.filter((m) => m.concept >= nSkills).map((m) => ({ ...m, code: tax.languages[m.concept - nSkills]!.code }));
  const lines = lineSpans(text);
  const allSections = detectSections(text, { cues });
  const body = findBody(tax, text, lines, allSections, matches);
  const sections = allSections
    .filter((s) => (s.heading?.start ?? s.body.start) < body.end && s.body.end > body.start)
    .map((s) => ({ ...s, body: { start: Math.max(s.body.start, body.start), end: Math.min(s.body.end, body.end) } }));
  const firstHeading = sections.find((s) => s.heading && HEAD_SECTIONS.has(s.kind));
  const headEnd = firstHeading?.heading?.start ?? body.end;
  const header = readHeader(tax.lexicons, text, lines, body, Math.max(headEnd, Math.min(body.end, body.start + 600)));
  const orig = (s: Span): Span => toOriginalSpan(norm, s);

  type Candidate = { span: Span; required: boolean; source: string; inSection: boolean };
  const candidates: Candidate[] = [];
  // Where the posting lists its qualifications under headings, prose elsewhere is description.
  const isQualification = (s: Section): boolean => s.kind === 'requirements' || s.kind === 'preferred';
  const qualificationSections = sections.filter(isQualification).length;
  const hasRequiredSection = sections.some((s) => s.kind === 'requirements');
  // Qualification sections with a line of more than six words (a list the employer wrote, not
  // keyword tags); found once, on first use, so no section rescans the others.
  let proseSections: Set<Section> | null = null;
  const proseQualificationSections = (): Set<Section> => {
    if (proseSections) return proseSections;
    proseSections = new Set();
    for (const o of sections) {
      if (!isQualification(o)) continue;
      for (let i = firstEndingAfter(lines, o.body.start); i < lines.length && lines[i]!.start < o.body.end; i++) {
        const l = lines[i]!;
        if (l.start >= o.body.start && l.end <= o.body.end && text.slice(l.start, l.end).split(/\s+/).length > 6) { proseSections.add(o); break; }
      }
    }
    return proseSections;
  };
  for (const sec of sections) {
    if (SKIP_SECTIONS.has(sec.kind)) continue;
    // (Only a must-have list makes the prose description: with nothing but a nice-to-have
    // section, the must-haves are in the prose.)
    if (!REQUIREMENT_SECTIONS.has(sec.kind) && hasRequiredSection) continue;
    if (REQUIREMENT_SECTIONS.has(sec.kind)) {
      let listSeen = false;
      const sectionUnits: Span[] = [];
      /** Starts of units under a preferred label ("- **Nice to have:** ..."). */
      const preferredUnits = new Set<number>();
      // The lines that reach into the section (a binary search to the first: never a scan of the document per section).
      for (let li = firstEndingAfter(lines, sec.body.start); li < lines.length && lines[li]!.start < sec.body.end; li++) {
        const line = lines[li]!;
        // "Requirements: 5+ years of Java" — an inline heading's content starts mid-line.
        const l = trimSpan(text, Math.max(line.start, sec.body.start), Math.min(line.end, sec.body.end));
        if (l.end <= l.start) continue;
        const words = text.slice(l.start, l.end).split(/\s+/).length;
        // A list of short items followed by a prose paragraph: the list has ended, and the
        // paragraph is description (a scraped "Required Skills" tag list before the posting text).
        // (A long line that opens with a qualification of its own continues the list.)
        if (listSeen && words >= 25 && !isBullet(text, l) && !looksLikeQualification(text.slice(l.start, l.end)) && !opensWithRequirement(text, l)) {
          const elsewhere = qualificationSections - (isQualification(sec) ? 1 : 0) > 0;
          for (const s of elsewhere ? [] : sentenceSpans(text.slice(l.start, sec.body.end))) {
            const span = { start: l.start + s.start, end: l.start + s.end };
            const sentence = text.slice(span.start, span.end);
            if (requirementSentence(sentence)) candidates.push({ span, required: true, source: 'sentence', inSection: false });
          }
          break;
        }
        if (words < 15) listSeen = true;
        // "- **Skills:** Python, SQL", "- Nice to have: Kafka": a label inside a list item names
        // what follows; the label is no part of the requirement, and a preferred one makes it a nice-to-have.
        // "**Cloud Know-How:**" alone on its line: a label of the item below it, asking nothing itself.
        if (BOLD_LABEL_LINE.test(text.slice(l.start, l.end))) continue;
        const label = itemLabel(text, l, cues);
        if (label) {
          l.start = label.body;
          if (label.kind === 'preferred') preferredUnits.add(l.start);
        }
        for (const u of qualificationClauses(text, l)) for (const item of listItems(text, u)) { sectionUnits.push(item); if (preferredUnits.has(l.start)) preferredUnits.add(item.start); }
      }
      // A site's keyword tags ("Required Skills: System design, Mentoring") beside the posting's own
      // qualification list are keywords, not gates: the qualification list is what the employer wrote.
      const tagList = sectionUnits.length >= 2 && sectionUnits.every((u) => text.slice(u.start, u.end).split(/\s+/).length <= 5) &&
        proseQualificationSections().size - (proseQualificationSections().has(sec) ? 1 : 0) > 0;
      for (const u of sectionUnits) candidates.push({ span: u, required: !tagList && sec.kind !== 'preferred' && !preferredUnits.has(u.start), source: tagList ? 'tags' : sec.kind, inSection: true });
    } else {
      for (const s of sentenceSpans(text.slice(sec.body.start, sec.body.end))) {
        const span = { start: sec.body.start + s.start, end: sec.body.start + s.end };
        if (header.titleSpan && span.start <= header.titleSpan.start && header.titleSpan.end <= span.end) continue;
        const sentence = text.slice(span.start, span.end);
        if (requirementSentence(sentence)) candidates.push({ span, required: true, source: 'sentence', inSection: false });
      }
    }
  }

  const found: Array<{ facets: Facets; span: Span; source: string }> = [];
  const pieces: Candidate[] = [];
  for (const c of candidates) {
    if (c.source === 'sentence') {
      // A flattened posting lost a full stop: the requirement starts mid-"sentence", after a blurb.
      const cut = requirementAfterLostStop(text.slice(c.span.start, c.span.end));
      if (cut > 0) c.span = { start: c.span.start + cut, end: c.span.end };
    }
    // "We are looking for someone with the following essential criteria: NVQ Level 4 ...": the
    // lead-in asks nothing; what follows it is the list.
    const lead = LEAD_IN.exec(text.slice(c.span.start, c.span.end));
    if (lead) c.span = { start: c.span.start + lead[0].length, end: c.span.end };
    if (c.span.end <= c.span.start) continue;
    // A list run together without separators ("... checks Able to demonstrate ..."): item by item.
    // (The items after the first are read as list items: the sentence's need carries over to them.)
    for (const [k, span] of runOnItems(text, c.span, tax.lexicons.itemOpeners, isDutyVerb).entries()) pieces.push({ ...c, span, inSection: c.inSection || k > 0 });
  }
  for (const c of pieces) {
    const line = text.slice(c.span.start, c.span.end);
    // A company blurb ("Our client is one of the leading ...") asks nothing unless it says what is needed.
    if (!c.inSection && isBlurb(line) && !STRONG_NEED.test(line)) continue;
    // An advert's headline ("RGN Deputy Home Manager Required for Large Nursing Home ...", "Chefs
    // Wanted Nationwide"): a title said to be wanted, not a qualification.
    if (!c.inSection && isAdvertHeadline(tax, line) && !STRONG_NEED.test(line)) continue;
    // "This position is designated as ...": a statement about the job, not a qualification.
    if (isBoilerplate(cues, line) || /^(?:this|the) (?:position|role|job) (?:is|will|offers|reports)\b/i.test(line)) continue;
    // "Responsible for ...", "Duties include ...", "Manage the sales process": a duty, wherever it is written.
    if (isDuty(line)) continue;
    const hits = spansWithin(skillHits, c.span).map((m) => ({ n: m.concept, start: m.start - c.span.start, end: m.end - c.span.start }));
    // "Coordinating with management on sales goals": a duty in the -ing form, unless it names a
    // technical skill ("Building data pipelines in Airflow").
    if (isGerundDuty(line) && !hits.some((h) => TECH_CATEGORIES.has(tax.skills[h.n]!.category))) continue;
    const langs = spansWithin(langHits, c.span).map((m) => ({ code: m.code, start: m.start - c.span.start, end: m.end - c.span.start }));
    let facets = readRequirementLine(tax, line, hits, langs);
    // (A label line such as "Education:" asks nothing itself.)
    // (Nor does a lead-in ending in a colon: "The ideal candidate will have:".)
    if (facets.length === 0 && !line.trim().endsWith(':') && (c.inSection ? looksLikeQualification(line) : STRONG_NEED.test(line))) facets = [{ kind: 'other', required: true }];
    const required = requiredness(line, c.required);
    for (const f of facets) found.push({ facets: { ...f, required }, span: c.span, source: c.source });
  }

  // The same requirement stated twice (a site's "Required Skills" tags and the qualification list):
  // keep the one from a qualification section.
  const rank = (src: string): number => (src === 'requirements' || src === 'preferred' ? 0 : src === 'sentence' ? 2 : 1);
  const bySig = new Map<string, number>();
  const kept: typeof found = [];
  for (const f of found) {
    // Requirements of no known kind are told apart by their words.
    const sig = f.facets.kind === 'other' ? `other|${text.slice(f.span.start, f.span.end).toLowerCase()}` : signature(f.facets);
    const prev = bySig.get(sig);
    if (prev === undefined) { bySig.set(sig, kept.length); kept.push(f); continue; }
    // Prefer the qualification-section statement, then the fuller wording.
    const k = kept[prev]!;
    if (rank(f.source) < rank(k.source) || (rank(f.source) === rank(k.source) && f.span.end - f.span.start > k.span.end - k.span.start)) kept[prev] = f;
  }
  kept.sort((a, b) => a.span.start - b.span.start);
  if (kept.length > LIMITS.requirements) {
    warnings.push(capWarning('requirements', kept.length));
    kept.length = LIMITS.requirements;
  }
  const requirements: Requirement[] = kept.map((f, i) => {
    const span = orig(f.span);
    return { id: `r${i + 1}`, kind: f.facets.kind, required: f.facets.required, text: input.slice(span.start, span.end), span, ...stripKind(f.facets), source: f.source };
  });

  // Every skill mentioned in the posting body, with whether a must-have asks for it.
  const reqSpans = new SpanIndex(kept.map((k) => k.span));
  const requiredSpans = new SpanIndex(kept.filter((k) => k.facets.required).map((k) => k.span));
  const skip = new SpanIndex([...sections.filter((s) => SKIP_SECTIONS.has(s.kind) && s.kind !== 'responsibilities').map((s) => ({ start: s.heading?.start ?? s.body.start, end: s.body.end })), ...boilerplateSpans(cues, text, body.start, body.end)]);
  const skills = new Map<string, PostingSkill>();
  const mentionCounts = new Map<string, number>();
  const droppedSkills = new Set<string>();
  for (const m of skillHits) {
    if (m.start < body.start || m.end > body.end || skip.covers(m)) continue;
    const info = tax.skills[m.concept]!;
    let entry = skills.get(info.id);
    if (!entry) {
      if (skills.size >= LIMITS.skills) { droppedSkills.add(info.id); continue; }
      entry = { id: info.id, name: info.name, required: false, contextOnly: true, mentions: [] };
      skills.set(info.id, entry);
    }
    const count = (mentionCounts.get(info.id) ?? 0) + 1;
    mentionCounts.set(info.id, count);
    if (count <= LIMITS.mentionsPerSkill) {
      const span = orig(m);
      entry.mentions.push({ start: span.start, end: span.end, text: input.slice(span.start, span.end) });
    }
    if (!entry.required && requiredSpans.covers(m)) entry.required = true;
    if (entry.contextOnly && reqSpans.covers(m)) entry.contextOnly = false;
  }
  if (droppedSkills.size) warnings.push(capWarning('skills', skills.size + droppedSkills.size));
  const mentionWarning = mentionCapWarning(mentionCounts, (id) => skills.get(id)!.name);
  if (mentionWarning) warnings.push(mentionWarning);

  if (!header.title) warnings.push({ code: 'NO_TITLE', message: 'No job title was found near the top of the posting.' });
  if (requirements.length === 0) warnings.push({ code: 'NO_REQUIREMENTS', message: 'No qualification lines or requirement sentences were found.' });
  if (body.start > 0 || body.end < text.length) {
    warnings.push({ code: 'BODY_TRIMMED', message: 'Text around the posting (page navigation, reviews, salaries, statistics) was not read as the posting.', span: orig(body) });
  }
  const listed = listedSections(sections, warnings);
  const { titleSpan, location, ...rest } = header;
  // The role's function: its title, or the titles its text names.
  // Company blurbs often name the role ("About the job: we are looking for a nurse"); benefits,
  // equal-opportunity and how-to-apply text never does.
  // (Sections only: in a flattened posting one boilerplate "sentence" can be the whole text.)
  const noRole = new SpanIndex(sections.filter((s) => NO_ROLE_SECTIONS.has(s.kind)).map((s) => ({ start: s.heading?.start ?? s.body.start, end: s.body.end })));
  const fromText = (): PostingProfile['occupation'] => {
    const blurbs = new SpanIndex(sections.filter((s) => s.kind === 'company').map((s) => ({ start: s.heading?.start ?? s.body.start, end: s.body.end })));
    const t = textOccupation(tax, text, body, noRole, blurbs);
    return t ? { ...t, span: orig(t.span!) } : null;
  };
  const titled = header.title && !(titleSpan && noRole.covers(titleSpan)) ? titleOccupation(tax, header.title, 'title', titleSpan ? orig(titleSpan) : undefined) : null;
  const occupation = titled ?? fromText();
  const scoped = withScopeFunctions(tax, requirements, occupation);
  const terms = postingTerms(text, header.title, requirements, sections.filter((s) => s.kind === 'responsibilities').map((s) => s.body), body);
  return {
    ...rest,
    ...(titleSpan ? { titleSpan: orig(titleSpan) } : {}),
    occupation,
    location: { ...location, ...(location.span ? { span: orig(location.span) } : {}) },
    body: orig(body),
    sections: listed.map((s) => ({ kind: s.kind, title: s.title, span: orig({ start: s.heading?.start ?? s.body.start, end: s.body.end }) })),
    requirements: scoped,
    terms,
    skills: [...skills.values()],
    warnings,
    modelsVersion: opts.modelsVersion,
  };
}

function stripKind(f: Facets): Omit<Facets, 'kind' | 'required'> {
  const { kind: _k, required: _r, ...rest } = f;
  return rest;
}
