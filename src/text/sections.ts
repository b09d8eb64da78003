// Section detection by heading cues: known wordings ("What you'll do", "Basic Qualifications",
// "Nice to have", "Work History", ...), ALL-CAPS lines and short lines ending in a colon.

import type { Span } from '../domain/types.ts';
import { linePrefix, lineSpans } from './sentences.ts';
import { trimChars } from './trim.ts';

export type SectionKind =
  | 'summary' | 'experience' | 'education' | 'skills' | 'projects' | 'certifications' | 'languages'
  | 'publications' | 'volunteering' | 'awards' | 'interests' | 'references' | 'contact'
  | 'description' | 'responsibilities' | 'requirements' | 'preferred' | 'benefits' | 'company'
  | 'eeo' | 'apply' | 'other';

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

export function classifyHeading(line: string): SectionKind | null {
  // Cheap rejections first: headings are short and do not end a sentence.
  if (line.length > 90 || line.endsWith('.') || line.split(' ', 12).length > 11) return null;
  const key = headingKey(line);
  if (key.length < 2 || key.length > 70) return null;
  // "Qualifications (Required)", "Skills - preferred": the qualifier decides.
  const qualified = /^(?:qualifications|requirements|skills|experience|education)\s*[(:\-–]\s*(required|preferred|desired|nice to have|optional|must have|mandatory|minimum|basic|bonus)\)?$/.exec(key);
  if (qualified) return /required|must|mandatory|minimum|basic/.test(qualified[1]!) ? 'requirements' : 'preferred';
  for (const [kind, re] of CUES) if (re.test(key)) return kind;
  return null;
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
}

/** Splits text into sections at heading lines; inline "Skills: Java, Python" starts a section too. */
export function detectSections(text: string, opts: SectionOptions = {}): Section[] {
  const sections: Section[] = [];
  let current: Section = { kind: 'other', title: null, heading: null, body: { start: 0, end: 0 } };
  const close = (end: number): void => {
    current.body.end = Math.max(current.body.start, end);
    if (current.heading || current.body.end > current.body.start) sections.push(current);
  };
  for (const line of lineSpans(text)) {
    const raw = text.slice(line.start, line.end);
    // A list item is never a heading ("- Python experience").
    if (/[•*·▪◦>+\-\d]/.test(linePrefix(text, line))) continue;
    let kind = classifyHeading(raw);
    let headingEnd = line.end;
    let bodyStart = line.end;
    if (kind === null) {
      // "Skills: Java, Python" — a known heading word before a colon, content after it.
      const colon = raw.indexOf(':');
      if (colon > 1 && colon < 40) {
        const inline = classifyHeading(raw.slice(0, colon));
        if (inline && inline !== 'other') { kind = inline; headingEnd = line.start + colon; bodyStart = line.start + colon + 1; }
      }
    }
    if (kind === null) kind = leadIn(raw);
    if (kind === null && looksLikeHeading(raw)) kind = opts.nestUnknown && current.kind !== 'other' ? null : 'other';
    if (kind === null) continue;
    close(line.start);
    const title = trimChars(text.slice(line.start, headingEnd), ' \t:', 'end');
    current = { kind, title, heading: { start: line.start, end: headingEnd }, body: { start: bodyStart, end: bodyStart } };
  }
  close(text.length);
  return sections;
}
