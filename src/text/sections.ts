// Section detection by heading cues: known wordings ("What you'll do", "Basic Qualifications",
// "Nice to have", "Work History", ...), ALL-CAPS lines and short lines ending in a colon.

import type { Span } from '../domain/types.ts';
import { linePrefix, lineSpans } from './sentences.ts';
import { trimChars } from './trim.ts';
import { classifyByCues, cueWords, isCueWord, type SectionCues, type SectionKind } from './section-cues.ts';

export type { SectionKind } from './section-cues.ts';

export interface Section {
  kind: SectionKind;
  /** Heading text as written (without a trailing colon), or null for text before any heading. */
  title: string | null;
  heading: Span | null;
  /** The body after the heading, up to the next heading. */
  body: Span;
}

const OPT = "(?:key|your|the|our|main|core|primary|essential|general|job|role|position|additional|other|relevant|professional|technical|specific|special)";

// Order matters: the first pattern that matches the whole heading wins.
const CUES: Array<[SectionKind, RegExp]> = [
  ['preferred', /^(?:preferred|desired|desirable|bonus|nice[ -]to[ -]haves?|good[ -]to[ -]haves?|pluses|plus|extra credit|it would be (?:great|nice) if.*|even better if.*|bonus points(?: if.*)?|ideally.*|optional|what would make you stand out|additional (?:preferred )?qualifications|preferred (?:qualifications|skills|experience|requirements)(?: and (?:skills|experience))?|desired (?:skills|qualifications|experience|attributes|characteristics)|preferred (?:attributes|characteristics)|(?:it'?s )?a (?:big )?plus(?: if.*)?|we'?d love (?:it )?if.*|would be a plus|assets?|nice to haves?(?: but not required)?)$/],
  ['requirements', new RegExp(`^(?:${OPT} )?(?:(?:basic|minimum|required|must[ -]have|mandatory|essential|necessary|preferred and required) )?(?:qualifications|requirements|criteria)(?: (?:and|&) (?:skills|experience|qualifications|requirements))?$|^(?:required|minimum|must[ -]have|mandatory|essential|necessary) (?:skills|experience|competencies|knowledge)(?: (?:and|&) (?:experience|qualifications|skills))?$|^(?:skills|experience|knowledge) (?:and|&) (?:experience|qualifications|skills|abilities|requirements)$|^(?:must[ -]haves?|what you (?:must|should|will need to) have|what you(?:'ll)? need|what you(?:'ll)? bring|what we(?:'re| are) looking for|who you are|about you|you have|you bring|you are|your profile|(?:the )?ideal candidate|candidate profile|(?:the )?person we(?:'re| are) looking for|who we(?:'re| are) looking for|what you need to succeed|requirements and qualifications|knowledge,? skills,? (?:and|&) abilities|ksas?|to be successful.*|you(?:'ll)? need|is this you\\??|what it takes|are you.*\\?)$`)],
  ['responsibilities', new RegExp(`^(?:${OPT} )*(?:responsibilities|duties|accountabilities|tasks|functions|duties and responsibilities|responsibilities and duties)$|^(?:what you(?:'ll| will) (?:do|be doing|work on)|in this role,? you will|the role|your role|about the role|role overview|the job|day[ -]to[ -]day|a day in the life|your impact|your mission|the opportunity|your responsibilities|what the job involves|how you(?:'ll| will) contribute|what you(?:'ll)? be responsible for|essential (?:duties|functions)(?: and responsibilities)?)$`)],
  ['benefits', /^(?:benefits|perks|benefits (?:and|&) perks|perks (?:and|&) benefits|what we offer|we offer|what you(?:'ll)? get|compensation|salary|pay(?: range)?|compensation (?:and|&) benefits|why join us|why work (?:with|for|at) us|why you'?ll love.*|what'?s in it for you|our offer|rewards)$/],
  ['company', /^(?:who we are|our team|the team|company (?:description|overview|profile)|our company|our story|about [\p{L}\d .&'-]{2,40}|life at .*|our culture|culture)$/u],
  ['eeo', /^(?:equal (?:employment )?opportunity.*|eeo.*|diversity.*|our commitment.*|accommodation.*)$/],
  ['apply', /^(?:how to apply|application process|to apply|apply now|next steps|hiring process|interview process)$/],
  ['description', /^(?:job description|description|overview|job overview|job summary|position summary|position description|role description|the position|job details|job information|position overview|summary of (?:the )?(?:role|position))$/],
  ['summary', /^(?:summary|professional summary|profile|professional profile|career profile|personal profile|about me|objective|career objective|professional objective|career summary|executive summary|executive profile|summary of qualifications|personal statement|introduction)$/],
  ['experience', /^(?:(?:work|professional|employment|career|relevant|industry|previous|prior|recent|selected|other|additional|related|job|working|research|teaching|military|internship|clinical|consulting|leadership|project|management|international|technical|engineering|software|sales|marketing|nursing|medical|legal|finance|banking|retail|healthcare|corporate|freelance|startup|academic|and) ){0,3}experience$|^(?:(?:work|professional|employment|career|relevant|industry|work and|previous|job|working|research|teaching|military|internship) )?(?:history|background)$|^(?:employment|work history|employment history|career history|professional history|positions held|experience and employment|work experience and internships)$/],
  ['education', /^(?:education|academic background|educational background|education and training|education (?:and|&) qualifications|academic qualifications|academics|academic history|educational qualifications|qualifications and education|academic profile|degrees|scholastics|studies)$/],
  ['skills', /^(?:(?:key|core|technical|professional|relevant|hard|soft|computer|it|software|additional|other) )?(?:skills|competencies|competences|abilities|proficiencies)(?: (?:and|&) (?:tools|technologies|abilities|expertise|interests|languages))?$|^(?:skill set|skillset|technologies|tech stack|technical stack|tools(?: (?:and|&) technologies)?|technologies and tools|areas of expertise|expertise|core strengths|strengths|technical proficiencies|it skills|toolbox|programming languages)$/],
  ['projects', /^(?:(?:key|personal|academic|selected|notable|side|open source) )?projects$/],
  ['certifications', /^(?:certifications?|certificates?|licenses?(?: (?:and|&) certifications?)?|certifications? (?:and|&) (?:licenses?|training|courses)|professional certifications|courses|training|training (?:and|&) certifications?|courses (?:and|&) certifications?|professional development)$/],
  ['languages', /^(?:languages?|language skills|spoken languages|language proficiency|foreign languages)$/],
  ['publications', /^(?:publications|selected publications|papers|research papers|patents|publications (?:and|&) (?:presentations|patents))$/],
  ['volunteering', /^(?:volunteer(?:ing)?(?: experience| work)?|community (?:involvement|service)|volunteer activities|extracurricular activities|activities|leadership (?:and|&) activities)$/],
  ['awards', /^(?:awards|honors|honours|achievements|awards (?:and|&) (?:honors|honours|achievements)|honors (?:and|&) awards|accomplishments|key achievements|recognition)$/],
  ['interests', /^(?:interests|hobbies|hobbies (?:and|&) interests|personal interests|outside interests)$/],
  ['references', /^(?:references|referees|references available.*)$/],
  ['contact', /^(?:contact|contact information|contact details|personal (?:details|information|data))$/],
];

/** Lower-cased heading text without decoration: "## Basic Qualifications:" -> "basic qualifications". */
export function headingKey(line: string): string {
  const key = line
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/ & /g, ' and ')
    .split(/\s+/)
    .filter(Boolean)
    .join(' ');
  return trimChars(trimChars(key, '#=*•-–— ', 'start'), ' :.-–—=*#', 'end');
}

/** The kind a whole heading names by its known wordings (the fixed table), or null. */
function classifyKnown(key: string): SectionKind | null {
  // "Qualifications (Required)", "Skills - preferred": the qualifier decides.
  const qualified = /^(?:qualifications|requirements|skills|experience|education)\s*[(:\-–]\s*(required|preferred|desired|nice to have|optional|must have|mandatory|minimum|basic|bonus)\)?$/.exec(key);
  if (qualified) return /required|must|mandatory|minimum|basic/.test(qualified[1]!) ? 'requirements' : 'preferred';
  for (const [kind, re] of CUES) if (re.test(key)) return kind;
  return null;
}

/**
 * "E D U C A T I O N", "W O R K   E X P E R I E N C E": a heading typed with its letters spaced
 * out, read as its words (a wider gap between words), or null when the line is not spaced out.
 */
export function unspaceLetters(line: string): string | null {
  const t = line.trim();
  if (t.length < 7 || !/^(?:\p{L}[ \t]+){3,}\p{L}:?$/u.test(t)) return null;
  return t.split(/\t| {2,}/).map((w) => w.replace(/[ :]+/g, '')).filter(Boolean).join(' ');
}

/** The kind of a heading whose words ran together ("WORKEXPERIENCE" from spaced letters), trying each split. */
function classifyJoined(word: string, cues?: SectionCues): SectionKind | null {
  const direct = classifyKnown(word.toLowerCase()) ?? (cues ? classifyByCues(cues, word) : null);
  if (direct || word.length > 30) return direct;
  for (let i = 2; i < word.length - 1; i++) {
    const key = `${word.slice(0, i)} ${word.slice(i)}`.toLowerCase();
    const k = classifyKnown(key) ?? (cues ? classifyByCues(cues, key) : null);
    if (k) return k;
  }
  return null;
}

/**
 * A line's heading kind. Known wordings first; with `cues` (the posting's section cue words), a
 * short line made only of cue and filler words ("Would be a plus", "Your job type"). Letter-spaced
 * headings and two headings side by side (two-column PDF text: "EXPERIENCE\tSKILLS") count too;
 * the first names the section.
 */
export function classifyHeading(line: string, cues?: SectionCues): SectionKind | null {
  // Cheap rejections first: headings are short and do not end a sentence.
  if (line.length > 90 || line.endsWith('.') || line.split(' ', 12).length > 11) {
    const spaced = line.length <= 120 ? unspaceLetters(line) : null;
    return spaced ? classifyJoinedWords(spaced, cues) : null;
  }
  const key = headingKey(line);
  if (key.length < 2 || key.length > 70) return null;
  const known = classifyKnown(key);
  if (known) return known;
  const spaced = unspaceLetters(line);
  if (spaced) return classifyJoinedWords(spaced, cues);
  const columns = sideBySide(line, cues);
  if (columns) return columns;
  return cues && !/[.!]$/.test(key) ? classifyByCues(cues, key) : null;
}

function classifyJoinedWords(spaced: string, cues?: SectionCues): SectionKind | null {
  const known = classifyKnown(headingKey(spaced)) ?? (cues ? classifyByCues(cues, spaced) : null);
  if (known) return known;
  return spaced.includes(' ') ? null : classifyJoined(spaced, cues);
}

/** "EXPERIENCE\tSKILLS", "EDUCATION    LANGUAGES": every column a heading; the first one's kind. */
function sideBySide(line: string, cues?: SectionCues): SectionKind | null {
  const t = line.trim();
  // Quick test: a column gap, or an ALL-CAPS start.
  if (!/\t| {2}/.test(t) && !/^\P{Ll}{4}/u.test(t)) return null;
  let parts = t.split(/\t| {2,}/).map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2) {
    // Two ALL-CAPS headings with one space between them ("EDUCATION SKILLS").
    const letters = t.replace(/\P{L}/gu, '');
    const words = t.split(' ');
    if (letters.length < 6 || letters !== letters.toUpperCase() || words.length < 2 || words.length > 6) return null;
    for (let i = 1; i < words.length; i++) {
      const a = words.slice(0, i).join(' ');
      const b = words.slice(i).join(' ');
      const ka = classifyKnown(headingKey(a));
      if (ka && classifyKnown(headingKey(b))) return ka;
    }
    return null;
  }
  if (parts.length > 4) return null;
  parts = parts.map((p) => unspaceLetters(p) ?? p);
  const kinds = parts.map((p) => classifyKnown(headingKey(p)) ?? (cues ? classifyByCues(cues, headingKey(p)) : null));
  return kinds.every((k) => k !== null) ? kinds[0]! : null;
}

/**
 * A lead-in sentence ending in a colon introduces a list: "The ideal candidate will have:",
 * "It would be great if you also bring:", "In this role you will:".
 */
function leadIn(line: string): SectionKind | null {
  const t = line.trim();
  if (!t.endsWith(':') || t.split(/\s+/).length > 12) return null;
  if (/\b(?:nice|bonus|plus|prefer\w*|ideally|desir\w*|great if|love it if|extra)\b/i.test(t)) return 'preferred';
  if (/\b(?:ideal candidate|you (?:will|should|must) have|you(?:'ll| will) need|we(?:'re| are) looking for|qualifications|requirements|must[- ]haves?|you bring|you have|what you need|need to have)\b/i.test(t)) return 'requirements';
  if (/\b(?:you(?:'ll| will)(?: be)?|responsibilit\w*|day[- ]to[- ]day|your role|in this role)\b/i.test(t)) return 'responsibilities';
  return null;
}

/** The rest of a line in markdown bold after its first "*" was read as a bullet: "*Nice to have:**". */
const MARKDOWN_BOLD_REST = /^\*[^*\n]{2,80}\*\*\s*$/;

/** A label line in mixed case: "Collaborative Communicator:", "**Team Player**" (an ALL-CAPS line is a heading). */
function itemLabelLine(line: string): boolean {
  const t = line.trim();
  const letters = t.replace(/\P{L}/gu, '');
  return letters !== letters.toUpperCase() && (/:[\s*_]*$/.test(t) || /^(?:\*\*|__).*(?:\*\*|__):?$/.test(t));
}

function looksLikeHeading(line: string): boolean {
  const t = line.trim();
  if (t.length < 3 || t.length > 60) return false;
  const words = t.split(/\s+/).length;
  if (words > 6) return false;
  const letters = t.replace(/\P{L}/gu, '');
  if (letters.length < 3) return false;
  if (letters === letters.toUpperCase() && /^[\p{Lu}\d\s&/,'()-]+:?$/u.test(t)) return true;
  return /^\p{Lu}[^.!?]*:$/u.test(t) && words <= 4;
}

export interface SectionOptions {
  /**
   * Keep unknown headings (ALL-CAPS lines such as an employer's name or "UNDERGRADUATE") inside
   * the known section they appear in, instead of starting a section of kind "other".
   */
  nestUnknown?: boolean;
  /**
   * Read labels inside a job entry ("Responsibilities:", "Key achievements:", "Courses") as part
   * of the experience (or volunteering) section they appear in, not as sections of their own: a
   * résumé's in-entry labels. See entryLabel for when a label is one.
   */
  entryLabels?: boolean;
  /**
   * Section cue words (a posting's): headings read by their cue words, labels inside a line
   * ("Must-have skills: A, B; Preferred: C") and headings run into flattened text ("... team.
   * What we expect of you You have ...") open sections of their own.
   */
  cues?: SectionCues;
}

/** Where a heading starts inside a line, its end, and where its body starts (offsets into the text). */
interface InlineHeading {
  kind: SectionKind;
  start: number;
  end: number;
  body: number;
}

const LABEL_BOUNDARY = /[;.|!?•)\]]/;

/**
 * Labels before a colon inside a line: "Must-have skills: A, B; Soft skills: C; Preferred: D",
 * "Skill: html5, ajax Exp: 4-7 years", "Required Skills:- X Preferred Skills:- Y". A label is one
 * to four words right before the colon, read as a heading, starting the line, after a clause
 * end, or with a capital letter. (Each colon looks back at most four words: linear.)
 */
function inlineLabels(text: string, line: Span, cues: SectionCues | undefined, from: number): InlineHeading[] {
  const out: InlineHeading[] = [];
  for (let c = text.indexOf(':', from); c >= 0 && c < line.end; c = text.indexOf(':', c + 1)) {
    // Not a time ("9:30"), a URL ("https://") or a ratio.
    if (/[\d/]/.test(text[c + 1] ?? '') || /\d/.test(text[c - 1] ?? '')) continue;
    let best: InlineHeading | null = null;
    let w = c;
    for (let words = 0; words < 4; words++) {
      // Back over spaces, then over one word.
      let j = w;
      while (j > line.start && text[j - 1] === ' ') j--;
      let k = j;
      while (k > line.start && !/[\s:;.|!?•,()[\]]/.test(text[k - 1]!)) k--;
      if (k === j) break;
      w = k;
      const before = text.slice(Math.max(line.start, w - 2), w);
      const atBoundary = w === line.start || LABEL_BOUNDARY.test(before.trim().slice(-1)) || before.endsWith('\t');
      const capital = /\p{Lu}/u.test(text[w]!);
      if (!atBoundary && !capital) continue;
      const kind = classifyHeading(text.slice(w, c), cues);
      if (kind && kind !== 'other') best = { kind, start: w, end: c, body: c + 1 };
      if (w === line.start || (text[w - 1] !== ' ')) break;
    }
    if (best) out.push(best);
  }
  return out;
}

const EMBEDDED_FIRST = /^(?:we|we're|we are|as|i|it|this|our|you|you're|you are|you'll|you will|if|to|in|for|with)\b/i;
const EMBEDDED_LAST = /\b(?:a|an|the|as|of|to|for|in|with|and|or|our|your|my|their|is|are|be|will|would)$/i;

/**
 * Headings run into a flattened paragraph: "... our resources. Key Responsibilities You and your
 * team ...", "What we expect of you You have at least ...". At a sentence start, one to six
 * words that read as a heading, followed by a capitalised word.
 */
function embeddedHeadings(text: string, line: Span, cues: SectionCues): InlineHeading[] {
  const out: InlineHeading[] = [];
  let at = line.start;
  while (at < line.end) {
    const words: Array<[number, number]> = [];
    let i = at;
    for (let n = 0; n < 8 && i < line.end; n++) {
      while (i < line.end && text[i] === ' ') i++;
      const s = i;
      while (i < line.end && text[i] !== ' ') i++;
      if (i > s) words.push([s, i]);
    }
    // Only words a heading is made of: the first other word ends the candidates (a quick test).
    let most = 0;
    while (most < Math.min(6, words.length - 1) && cueWords(text.slice(words[most]![0], words[most]![1])).every((w) => isCueWord(cues, w))) most++;
    for (let n = most; n >= 1; n--) {
      const next = words[n]!;
      if (!/\p{Lu}/u.test(text[next[0]]!)) continue;
      const last = text.slice(words[n - 1]![0], words[n - 1]![1]);
      if (/[.,;!?]$/.test(last)) continue;
      const head = text.slice(words[0]![0], words[n - 1]![1]);
      if (!/^\p{Lu}/u.test(head)) break;
      // "We require a PhD", "As a Technical Recruiter": a sentence, not a heading.
      if (EMBEDDED_FIRST.test(head) || EMBEDDED_LAST.test(head)) continue;
      const kind = classifyByCues(cues, headingKey(head));
      if (kind && kind !== 'other') { out.push({ kind, start: words[0]![0], end: words[n - 1]![1], body: next[0] }); break; }
    }
    // The next sentence start: after ". " followed by a capital.
    let k = at;
    let found = -1;
    while (k < line.end) {
      const d = text.indexOf('. ', k);
      if (d < 0 || d >= line.end) break;
      if (/\p{Lu}/u.test(text[d + 2] ?? '')) { found = d + 2; break; }
      k = d + 2;
    }
    if (found < 0) break;
    at = found;
  }
  return out;
}

/** Sections a job entry sits in, and labels such an entry may hold. */
const ENTRY_PARENTS = new Set<SectionKind>(['experience', 'volunteering']);
/** Always an entry's label inside an experience section: a job has duties and a description. */
const ENTRY_ALWAYS = new Set<SectionKind>(['responsibilities', 'description']);
/** An entry's label when it is written unlike the section's own heading ("Key achievements:" under "EXPERIENCE"). */
const ENTRY_STYLED = new Set<SectionKind>(['awards', 'certifications']);

/** How a heading line is written: capitals, a closing colon, markdown. */
function headingStyle(raw: string): string {
  const t = raw.trim();
  const letters = t.replace(/\P{L}/gu, '');
  const caps = letters.length > 1 && letters === letters.toUpperCase();
  return `${caps ? 'C' : 'c'}${/:[\s*]*$/.test(t) || /^[^:]{1,40}:\s+\S/.test(t) ? ':' : ''}${/^(?:#|\*\*|__)/.test(t) ? 'm' : ''}`;
}

/**
 * Whether a heading of `kind` inside an experience section is a label of the job entry above it:
 * duties and descriptions always; achievements and courses when written in another style than the
 * section's heading ("Key achievements:" under "EXPERIENCE"; under "Experience:" a same-styled
 * "Awards:" is the next section).
 */
function entryLabel(kind: SectionKind, raw: string, parentStyle: string): boolean {
  if (ENTRY_ALWAYS.has(kind)) return true;
  if (!ENTRY_STYLED.has(kind)) return false;
  const style = headingStyle(raw);
  return style !== parentStyle && !style.startsWith('C');
}

/** Splits text into sections at heading lines; inline "Skills: Java, Python" starts a section too. */
export function detectSections(text: string, opts: SectionOptions = {}): Section[] {
  const sections: Section[] = [];
  let current: Section = { kind: 'other', title: null, heading: null, body: { start: 0, end: 0 } };
  const close = (end: number): void => {
    current.body.end = Math.max(current.body.start, end);
    if (current.heading || current.body.end > current.body.start) sections.push(current);
  };
  // The heading style of the experience section being read (entryLabels), or null outside one.
  let parentStyle: string | null = null;
  const open = (kind: SectionKind, start: number, headingEnd: number, bodyStart: number): void => {
    close(start);
    parentStyle = opts.entryLabels && ENTRY_PARENTS.has(kind) ? headingStyle(text.slice(start, headingEnd)) : null;
    // Markdown emphasis around a heading is markup, not part of its title.
    const title = trimChars(trimChars(text.slice(start, headingEnd), ' \t:-*_', 'end'), '*_', 'start');
    current = { kind, title, heading: { start, end: headingEnd }, body: { start: bodyStart, end: bodyStart } };
  };
  const cues = opts.cues;
  for (const line of lineSpans(text)) {
    const raw = text.slice(line.start, line.end);
    // A list item is never a heading ("- Python experience"); a line wholly in markdown bold
    // ("**Technical requirements:**") is a heading's markup, not a bullet.
    const prefix = linePrefix(text, line);
    if (/[•*·▪◦>+\-\d]/.test(prefix) && !(prefix.trim() === '*' && MARKDOWN_BOLD_REST.test(raw))) continue;
    let kind = classifyHeading(raw, cues);
    let headingEnd = line.end;
    let bodyStart = line.end;
    let inline: InlineHeading[] = [];
    // A lead-in sentence ending in a colon ("Roles and Responsibilities:") is read as a whole.
    if (kind === null && raw.endsWith(':')) kind = leadIn(raw);
    if (kind === null) {
      // "Skills: Java, Python" — a known heading word before a colon, content after it.
      const colon = raw.indexOf(':');
      if (colon > 1 && colon < 40) {
        const label = classifyHeading(raw.slice(0, colon), cues);
        if (label && label !== 'other') { kind = label; headingEnd = line.start + colon; bodyStart = line.start + colon + 1; }
      }
      // More labels later in the line ("...; Preferred: Kafka"), with cue words only.
      if (cues && raw.length > 20) inline = inlineLabels(text, line, cues, kind ? bodyStart : line.start);
      if (kind === null && cues && raw.length > 150) {
        const embedded = embeddedHeadings(text, line, cues);
        inline = [...inline, ...embedded].sort((x, y) => x.start - y.start);
        // Overlapping finds (a label that is also a sentence-start heading): the first wins.
        inline = inline.filter((h, i) => i === 0 || h.start >= inline[i - 1]!.body);
      }
    }
    if (kind === null && inline.length === 0) kind = leadIn(raw);
    if (kind === null && inline.length === 0 && looksLikeHeading(raw)) kind = opts.nestUnknown && current.kind !== 'other' ? null : 'other';
    // "Collaborative Communicator:", "**Team Player**" in a qualification list: a label of the
    // items below it (their words name no section), not a heading that ends the list.
    if (kind === 'other' && cues && (current.kind === 'requirements' || current.kind === 'preferred') && itemLabelLine(raw)) continue;
    // "Responsibilities:", "Key achievements:" inside a job entry: the entry goes on.
    if (kind !== null && parentStyle !== null && entryLabel(kind, raw.slice(0, headingEnd - line.start), parentStyle)) continue;
    if (kind !== null) open(kind, line.start, headingEnd, bodyStart);
    for (const h of inline) if (h.start >= (kind !== null ? bodyStart : line.start)) open(h.kind, h.start, h.end, h.body);
  }
  close(text.length);
  return sections;
}
