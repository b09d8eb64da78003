// One qualification line -> requirements. A line can carry several facets ("Bachelor's in CS
// and 5+ years of Java"): education, spoken languages, certifications, leadership, years of
// experience (scoped to skills or a domain, with recency), and skills as OR-groups or AND-lists.

import type { Requirement, SkillRef } from '../domain/posting.ts';
import type { Span } from '../domain/types.ts';
import type { Taxonomy } from '../taxonomy/taxonomy.ts';
import { findRecency, findYears, pickYears, toNumber } from './years.ts';
import { SpanIndex } from '../text/spans.ts';
import { trimChars } from '../text/trim.ts';
import { tokenize } from '../text/tokenize.ts';
import { readDegree } from './degree.ts';
import { contextLanguageHits, languageGroups, readLanguages } from './languages.ts';
import { readLeadership } from './leadership.ts';

export type Facets = Omit<Requirement, 'id' | 'text' | 'span' | 'source'>;

interface SkillHit extends Span {
  n: number;
}

const PREFERRED_WORDS = /\b(?:an? (?:big |huge |strong |major |definite )?plus|is a bonus|a bonus|bonus points?|nice[ -]to[ -]have|preferred|preferably|ideally|desirable|desired|advantage|advantageous|would be (?:great|nice|helpful|a plus)|helpful|an asset|beneficial|welcome|optional)\b/i;
const REQUIRED_WORDS = /\b(?:required|requires?|must|mandatory|essential|necessary|need to have|is a must)\b/i;
const OR_CUE_BEFORE = /(?:such as|one of|one or more of|any of|either|e\.g\.?|for example|like|at least one(?: of)?|i\.e\.?)[\s:(]*$/i;
const LIST_SEP = /^(?:[\s,/|;&()]|\band\b|\bor\b|\bplus\b)*$/i;
/** "Kafka, RabbitMQ, or another message broker": the category joins the alternatives. */
const OPEN_ALTERNATIVE = /^[\s,]*(?:or|and\/or) (?:an?other|other|any other|a similar|similar|an equivalent|equivalent|a comparable|comparable) +$/i;
const QUALIFICATION_CUE = /^(?:experience|prior|previous|knowledge|ability|able to|proficien|familiar|understanding|strong|excellent|solid|demonstrated|proven|track record|background|expertise|deep|hands-on|comfort|willing|must|you|working knowledge|good|great|exceptional|outstanding|advanced|fluen|certif|degree|bachelor|master|phd|education|skills?|exposure|passion|a passion|commitment|at least|minimum)/i;
const EXPERIENCE_WORDING = /\b(?:professional|non-internship|industry|work|relevant|commercial|post-qualification) experience\b|\bexperience in (?:a )?professional\b|\bnon-internship\b/i;

export function requiredness(line: string, sectionDefault: boolean): boolean {
  // "(Postgres or MySQL ideally)": a preference inside brackets is about the example, not the line.
  // Only the main clause decides: "4+ years of accounting, ideally in ..." and "ERP experience.
  // NetSuite preferred" are must-haves with a preference attached.
  const outer = line.replace(/\([^()]*\)/g, ' ').split(/[.;]\s|,\s(?=(?:ideally|preferably|with|including|though|but|and ideally)\b)/i)[0]!;
  // "German is a plus but not required": a negated requirement word is a preference.
  const negated = /\bnot (?:required|mandatory|essential|a must|necessary)\b/i.test(outer);
  const pref = PREFERRED_WORDS.test(outer) || negated;
  const req = REQUIRED_WORDS.test(outer.replace(/\bnot (?:required|mandatory|essential|a must|necessary)\b/gi, ''));
  if (pref && !req) return false;
  if (req && !pref) return true;
  return sectionDefault;
}

// Duties written where qualifications are ("Responsible for ...", "Duties include ...", "You will be
// required to support ...", a requirements list item "Manage the sales process ..."): what the job
// does, not what it asks of the candidate. Qualifications stay: "Experience managing budgets",
// "You will be required to hold a driving licence", "Design patterns and SOLID principles".
const DUTY_OPENER = /^(?:(?:you(?:'ll| will) be|you are|the (?:post ?holder|job ?holder|role|post) (?:is|will be)|will be) )?(?:responsible|accountable) for\b|^(?:(?:main|key|your|other|typical|daily) )?(?:duties|responsibilities|tasks)(?: of the role)?(?: will)? (?:include|involve|are|comprise)\b|^(?:you(?:'ll| will) be|you are) (?:required|expected|asked) to (?!(?:have|hold|possess|demonstrate|show|be|provide (?:an? )?(?:enhanced|evidence|proof|references?|dbs|disclosure)|undergo|pass|obtain|speak|travel|drive|work (?:shifts|weekends|nights|flexibl\w*|on[- ]call|unsociable|early|late|evenings|a rota))\b)/i;
const DUTY_VERBS = ['manage', 'identify', 'develop', 'maintain', 'keep', 'ensure', 'prepare', 'coordinate', 'support', 'conduct', 'oversee', 'handle', 'create', 'build', 'design', 'deliver', 'implement', 'monitor', 'perform', 'provide', 'assist', 'review', 'analyse', 'analyze', 'drive', 'plan', 'organise', 'organize', 'execute', 'document', 'track', 'supervise', 'train', 'respond', 'resolve', 'update', 'administer', 'liaise', 'participate', 'contribute', 'establish', 'define', 'generate', 'negotiate', 'promote', 'achieve', 'meet', 'attend', 'assess', 'evaluate', 'investigate', 'troubleshoot', 'install', 'configure', 'deploy', 'operate', 'schedule', 'arrange', 'answer', 'greet', 'serve', 'clean', 'produce', 'write', 'collect', 'compile', 'undertake', 'complete', 'follow', 'help', 'partner', 'collaborate', 'facilitate', 'recruit', 'source', 'sell', 'prospect', 'process', 'carry', 'foster', 'propose', 'accept', 'identify'];
/** Verbs whose "-s" form is also a plural noun ("Reports and dashboards", "Processes"): read as a duty only with an object. */
const NOUN_LIKE = new Set(['process', 'report', 'document', 'design', 'plan', 'track', 'source', 'schedule', 'review', 'update', 'support', 'train', 'help', 'partner', 'answer', 'promote', 'prospect', 'record', 'serve', 'write', 'sell', 'meet', 'clean', 'attend', 'own']);
const third = (v: string): string => (/(?:s|sh|ch|x|z)$/.test(v) ? `${v}es` : /[^aeiou]y$/.test(v) ? `${v.slice(0, -1)}ies` : `${v}s`);
/** "Develops and maintains ...", "Identifies new customers ...": an item opening with a third-person verb describes the job. */
const DUTY_THIRD = new RegExp(`^(?:${[...new Set(DUTY_VERBS)].filter((v) => !NOUN_LIKE.has(v)).map(third).join('|')})(?=\\s)`, 'i');
const DUTY_VERB = new RegExp(`^(?:to )?(?:${[...new Set(DUTY_VERBS)].map((v) => `${third(v)}|${v}`).join('|')})(?=\\s)`, 'i');
const DUTY_WORDS = new Set([...DUTY_VERBS, ...DUTY_VERBS.filter((v) => !NOUN_LIKE.has(v)).map(third)].filter((v) => !NOUN_LIKE.has(v)));
/** "Contribute", "Manages": a duty verb that is not also a noun ("Design", "Process"). */
export function isDutyVerb(word: string): boolean {
  return DUTY_WORDS.has(word.toLowerCase());
}
const gerund = (v: string): string => (/[^e]e$/.test(v) ? `${v.slice(0, -1)}ing` : /^[^aeiou]*[aeiou][bdgk-nprt]$/.test(v) ? `${v}${v.slice(-1)}ing` : `${v}ing`);
/** "Coordinating with ...", "Analyzing and sharing ...": a duty verb's -ing form opening a line. */
const GERUND_DUTY_MIN_WORDS = 6;
const DUTY_GERUND = new RegExp(`^(?:${[...new Set(DUTY_VERBS)].map(gerund).join('|')})(?=[\\s,])`, 'i');
/** Words that open the verb's object ("Manage the ...", "Support all ...", "Plan and deliver ..."): the first word is a verb, not a noun ("Design patterns"). */
const DUTY_OBJECT = /^ (?:the|a|an|all|and|&|or|our|your|their|its|his|her|with|to|in|on|for|of|abreast|up|out|new|existing|daily|weekly|monthly|any|multiple|various|personal|effective|accurate|appropriate|relevant|regular|key|high|close|strong|positive|complex|comprehensive|timely|efficient|ongoing|overall|end-to-end|clients?|customers?|stakeholders?|staff|students|patients|residents|sales|business|budgets?|projects?|teams?|reports?|records?|day-to-day)\b/i;
const QUALIFICATION_WORD = /\b(?:experience[ds]?|knowledge|abilit(?:y|ies)|able to|skills?|skilled|proficien\w*|years?|degree|familiar\w*|understanding|certifi\w*|qualifi\w*|background|expertise|track record|proven|demonstrated)\b/i;

// A company blurb in a flattened posting ("Our client based in Belfast has requirements for ...",
// "X is one of the leading distributors", "A fantastic opportunity has arisen ..."): it describes
// the employer or the vacancy. Kept only when it also states a requirement in so many words.
const BLURB = /\b(?:(?:our|my|the) client|the (?:company|organisation|organization|group|business|firm|practice|home|trust|charity|employer)|they) (?:[\w-]+ ){0,4}?(?:is|are|has|have|was|were|provides?|offers?|operates?|specialis\w+|specializ\w+|prides?)\b|\b(?:is|are) (?:one of the|among the|an? (?:leading|well[- ]established|renowned|reputable|growing|successful|market[- ]leading|award[- ]winning|thriving|busy|large|small|friendly|dynamic|global|national|international|independent)\b)|\b(?:opportunity|opening|vacancy|position|role) (?:[\w'-]+ ){0,8}?has (?:arisen|become available)|\b(?:fantastic|exciting|excellent|great|unique|rare|superb|fabulous) (?:new )?(?:opportunity|opening|vacancy)\b|\b(?:established|founded) in (?:\d|the)|\bturnover\b|\brevenues? (?:of|in excess)\b/i;

/** Whether a prose sentence describes the employer or the vacancy (a company blurb). */
export function isBlurb(sentence: string): boolean {
  return BLURB.test(sentence);
}

/** "... the excellent standards it has Candidates must hold ...": where a requirement starts after a lost full stop, or -1. */
export function requirementAfterLostStop(sentence: string): number {
  const m = /[\p{Ll},)] ((?:Candidates|Applicants|You|The (?:successful|ideal) (?:candidate|applicant|person)s?|Successful (?:candidates|applicants)|Ideally,? you) (?:must|should|will|need|are required|require|ideally)\b)/u.exec(sentence);
  return m ? m.index + m[0].length - m[1]!.length : -1;
}

/** Whether a line states a duty of the job rather than a qualification. */
export function isDuty(line: string): boolean {
  const t = line.replace(/^[\s*_•·-]+/, '');
  if (DUTY_OPENER.test(t)) return true;
  if (DUTY_THIRD.test(t) && !QUALIFICATION_WORD.test(t)) return true;
  const verb = DUTY_VERB.exec(t);
  if (!verb) return false;
  // "To ensure ...", "Manage the sales process ...": a verb with its object, and no qualification words.
  return (verb[0].toLowerCase().startsWith('to ') || DUTY_OBJECT.test(t.slice(verb[0].length))) && !QUALIFICATION_WORD.test(t);
}

/**
 * Whether a line opens with a duty verb's -ing form and its object ("Coordinating with management
 * on sales goals", "Analyzing and sharing feedback with the marketing team", "Reviewing, analyzing
 * and reporting on ...") and has no qualification words: what the job does. The caller keeps
 * lines that name a skill ("Building data pipelines in Airflow").
 */
export function isGerundDuty(line: string): boolean {
  const t = line.replace(/^[\s*_•·-]+/, '');
  const verb = DUTY_GERUND.exec(t);
  // (A short item is a skill in a few words: "Managing multiple priorities under pressure".)
  if (!verb || QUALIFICATION_WORD.test(t) || t.split(/\s+/).length < GERUND_DUTY_MIN_WORDS) return false;
  const rest = t.slice(verb[0].length);
  return DUTY_OBJECT.test(rest) || /^,\s/.test(rest);
}

export function looksLikeQualification(line: string): boolean {
  return QUALIFICATION_CUE.test(line.trim());
}

function ref(tax: Taxonomy, n: number): SkillRef {
  const s = tax.skills[n]!;
  return { id: s.id, name: s.name };
}

/** A cluster's default share: half of a list of related topics earns full credit. */
export const CLUSTER_SHARE = 0.5;

export interface Cluster {
  items: number[];
  minShare: number;
  /** Introduced by "including", "especially": it spells out the skills named before it. */
  elaborates?: boolean;
}

export interface SkillGroups {
  anyOf: number[];
  allOf: number[];
  /** Further OR-groups of the line, each a requirement of its own. */
  extraOr: number[][];
  /** Comma lists of related topics, credited by the share shown. */
  clusters: Cluster[];
}

/**
 * Sets a facet's anyOf / allOf from grouped skill numbers (each only when non-empty), and its
 * minShare when the line holds a cluster. One line, one requirement: a cluster shares the line
 * with what else it names. A list that spells out what the line named before it ("full software
 * development life cycle, including coding standards, code reviews, testing"; "networking (DNS,
 * TCP/IP, TLS)"; "core iOS concepts: app lifecycle, concurrency, networking") is one cluster with
 * it, and examples of alternatives join the alternatives ("ERP or FP&A software (think NetSuite,
 * SAP)"). Otherwise each other skill (and the OR-group, as one item) counts in full and the list by
 * its share: "Python, with a grasp of architecture, design patterns and best practices" asks for
 * (1 + 0.5 x 2) of 3.
 */
function addSkills(tax: Taxonomy, f: Facets, g: SkillGroups): void {
  let anyOf = g.anyOf;
  let allOf = g.allOf;
  const clusters: Cluster[] = [];
  for (const c of g.clusters) {
    if (c.elaborates && anyOf.length && !allOf.length) anyOf = [...new Set([...anyOf, ...c.items])];
    else if (c.elaborates && allOf.length && !anyOf.length) {
      clusters.push({ items: [...new Set([...allOf, ...c.items])], minShare: c.minShare });
      allOf = [];
    } else clusters.push(c);
  }
  const inCluster = new Set(clusters.flatMap((c) => c.items));
  allOf = allOf.filter((n) => !inCluster.has(n));
  if (anyOf.length) f.anyOf = anyOf.map((n) => ref(tax, n));
  const members = [...new Set([...allOf, ...clusters.flatMap((c) => c.items)])];
  if (members.length) f.allOf = members.map((n) => ref(tax, n));
  if (clusters.length) {
    const whole = (anyOf.length ? 1 : 0) + allOf.length;
    const asked = whole + clusters.reduce((sum, c) => sum + c.minShare * c.items.length, 0);
    const total = whole + clusters.reduce((sum, c) => sum + c.items.length, 0);
    f.minShare = Math.min(1, Math.round((asked / total) * 1000) / 1000);
  }
}

/** Words that make a comma-separated piece prose rather than a listed topic. */
const NOT_TOPIC_WORD = /^(?:with|of|to|for|in|into|the|a|an|is|are|be|being|you|we|our|your|as|at|on|by|from|that|this|which|who|will|would|should|must|can|have|has|having|including|such|like|e\.g\.?|etc\.?|and|or|plus|not|strong|good|solid|excellent|experience|knowledge|skills?|ability|understanding|familiarity|proficiency|years?)$/i;

/** A piece of a comma list the taxonomy may not know ("Regression", "Time Series"): one to three plain words. */
function isTopic(piece: string): boolean {
  const t = piece.trim();
  if (!t || t.length > 30) return false;
  return t.split(/\s+/).every((w) => /^[\p{L}\d][\p{L}\d+#./&-]*$/u.test(w) && !NOT_TOPIC_WORD.test(w)) && t.split(/\s+/).length <= 3;
}

/**
 * The gap between two skills of one comma list, with topics the taxonomy does not know in it
 * (", Regression, ", ", Regression and "): how many such topics, and whether the list ends in
 * "or". Null when the gap is not such a list.
 */
function listGap(sep: string): { topics: number; or: boolean } | null {
  if (sep.length > 120) return null;
  const parts = sep.split(/[,;]/);
  if (parts.length < 2 || parts[0]!.trim() !== '') return null;
  let tail = parts[parts.length - 1]!.trim();
  let or = false;
  const conj = /(?:^|\s)(and\/or|and|or|&|plus)$/i.exec(tail);
  if (conj) {
    tail = tail.slice(0, conj.index).trim();
    or = /or/i.test(conj[1]!);
  }
  let topics = 0;
  for (const p of [...parts.slice(1, -1), tail]) {
    if (p.trim() === '' && p === tail) continue;
    if (!isTopic(p)) return null;
    topics++;
  }
  return topics ? { topics, or } : null;
}

/** Topics of the same comma list right after a chain's last skill (", Forecasting and Time Series"). */
function topicsAfter(line: string, end: number): number {
  const rest = line.slice(end, end + 120).split(/[.;:()]/)[0]!;
  if (!/^\s*(?:,|and\b|&)/i.test(rest)) return 0;
  let n = 0;
  for (const p of rest.split(/,|\band\b|&/i).slice(1)) {
    if (p.trim() === '') continue;
    if (!isTopic(p)) break;
    n++;
  }
  return n;
}

/** "at least two of the following", "any three of", "two or more of": how many a list asks for. */
const COUNT_BEFORE = /\b(?:at least|any|a minimum of|minimum of|min\.?)\s+(two|three|four|five|2|3|4|5)\s+(?:of|from)\b[^.;:]{0,30}:?\s*$|\b(two|three|four|five|2|3|4|5) or more (?:of|from)\b[^.;:]{0,30}:?\s*$/i;
/** The words before a list, past its first topics the taxonomy does not know ("concepts: app lifecycle, "). */
function leadIn(line: string, start: number): string {
  const pieces = line.slice(Math.max(0, start - 120), start).split(',');
  let k = pieces.length - 1;
  if (k > 0 && pieces[k]!.trim() === '') {
    k--;
    while (k > 0 && isTopic(pieces[k]!)) k--;
    // "concepts: app lifecycle": the list began inside this piece.
    const piece = pieces[k]!;
    const open = Math.max(piece.lastIndexOf(':'), piece.lastIndexOf('('));
    if (open >= 0 && isTopic(piece.slice(open + 1))) pieces[k] = piece.slice(0, open + 1);
    else if (k < pieces.length - 1) pieces[k] = `${piece},`;
  }
  return pieces.slice(0, k + 1).join(',').slice(-40);
}

/** "including", "especially": a list that spells out what came before it. */
const ELABORATION_BEFORE = /(?:[(:]|\b(?:including|incl|especially|particularly|in particular|notably|covering|think)\.?:?)\s*$/i;
/** "all of", "each of", "every one of", "both": the wording demands each item. */
const EACH_BEFORE = /\b(?:all of|each of|every one of|all the following|all of the following|both)\b[^.;]{0,30}$/i;

/**
 * Splits skill mentions into one OR-group (alternatives: "Java, C++, or C#", "such as X, Y")
 * and an AND-list (everything else). Generic parents right before an example list drop out,
 * and AND items implied by every OR member are redundant.
 */
export function groupSkills(tax: Taxonomy, line: string, hits: SkillHit[]): SkillGroups {
  const chains: Array<{ items: SkillHit[]; or: boolean; count?: number; each?: boolean; topics: number }> = [];
  for (const h of hits) {
    const last = chains[chains.length - 1];
    const prev = last?.items[last.items.length - 1];
    const sep = prev ? line.slice(prev.end, h.start) : '';
    const gap = last && prev && !(sep.length <= 12 && LIST_SEP.test(sep)) ? listGap(sep) : null;
    if (last && prev && ((sep.length <= 12 && LIST_SEP.test(sep)) || OPEN_ALTERNATIVE.test(sep) || gap)) {
      last.items.push(h);
      if (gap) {
        last.topics += gap.topics;
        if (gap.or) last.or = true;
      } else if (/\bor\b|\//i.test(sep)) last.or = true;
    } else {
      const before = line.slice(Math.max(0, h.start - 60), h.start);
      const count = COUNT_BEFORE.exec(before);
      const k = count ? toNumber(count[1] ?? count[2]!) : null;
      chains.push({ items: [h], or: !k && OR_CUE_BEFORE.test(before), ...(k ? { count: k } : {}), ...(EACH_BEFORE.test(before) ? { each: true } : {}), topics: 0 });
    }
  }
  // "Kafka, NATS, or another streaming system": the list ends in an open alternative.
  for (const c of chains) {
    const after = line.slice(c.items[c.items.length - 1]!.end, c.items[c.items.length - 1]!.end + 30);
    if (c.items.length > 1 && /^[\s,]*(?:or|and\/or) (?:another|other|similar|equivalent|comparable|a similar|any other)\b/i.test(after)) c.or = true;
  }
  // "Statistics, Regression, Forecasting, Time Series", "Experience with Python, Spark and Airflow":
  // three or more topics listed without "or" are a cluster, credited by the share shown; "both X
  // and Y", "all of" and two-item lists ask for each. "At least two of A, B, C, D" asks for 2 of 4.
  const clusters: Cluster[] = [];
  const clustered = new Set<number>();
  for (const c of chains) {
    if (c.or || c.each) continue;
    const items = [...new Set(c.items.map((h) => h.n))];
    // The list's size counts the topics the taxonomy does not know ("Regression", "Time Series").
    const size = items.length + c.topics + topicsAfter(line, c.items[c.items.length - 1]!.end);
    if (items.length < 2 && !c.count || size < 3 && !(c.count && items.length > c.count)) continue;
    const lead = leadIn(line, c.items[0]!.start);
    clusters.push({ items, minShare: c.count ? Math.min(1, Math.round((c.count / items.length) * 1000) / 1000) : CLUSTER_SHARE, ...(ELABORATION_BEFORE.test(lead) ? { elaborates: true } : {}) });
    for (const n of items) clustered.add(n);
  }
  const orChains = chains.filter((c) => c.or && c.items.length > 1);
  const anyOf = orChains[0]?.items.map((h) => h.n) ?? [];
  const extraOr = orChains.slice(1).map((c) => c.items.map((h) => h.n));
  const inOr = new Set(orChains.flatMap((c) => c.items.map((h) => h.n)));
  let allOf = chains.flatMap((c) => (c.or && c.items.length > 1 ? [] : c.items.map((h) => h.n))).filter((n) => !inOr.has(n) && !clustered.has(n));
  // A parent implied by every alternative adds nothing ("a modern language such as Java, C++ or C#").
  // (The ancestors every alternative shares, found once: not a scan of the alternatives per item.)
  const alternatives = [...new Set(anyOf)];
  allOf = [...new Set(allOf)];
  if (alternatives.length) {
    let shared = new Set(tax.skills[alternatives[0]!]!.ancestors);
    for (const a of alternatives.slice(1)) {
      if (shared.size === 0) break;
      const own = new Set(tax.skills[a]!.ancestors);
      shared = new Set([...shared].filter((p) => own.has(p)));
    }
    if (shared.size) allOf = allOf.filter((p) => !shared.has(p));
  }
  return { anyOf: alternatives, allOf, extraOr, clusters };
}

/** Skills a language requirement states when they are "in English": the language says it. */
const COMMUNICATION = new Set(['communication', 'business-writing', 'presentation-skills', 'public-speaking', 'active-listening']);
const GAP_WORDS = new Set(['written', 'verbal', 'oral', 'spoken', 'both', 'business', 'and', 'skills', 'skill', 'abilities', 'ability', 'fluently', 'effectively', 'clearly', 'well', 'presentation', 'communication', 'writing', 'speaking']);
const LANGUAGE_WORDS = new Set(['both', 'the', 'fluent', 'good', 'excellent', 'business', 'professional']);

/** "English (written and verbal) communication": only such words between the language and the skill. */
function langThenSkill(gap: string): boolean {
  return gap.length <= 40 && gap.split(/[\s,()/&]+/).every((w) => w === '' || w.toLowerCase() === 'in' || GAP_WORDS.has(w.toLowerCase()));
}

/** "communication skills (written and verbal) in English", "communicate fluently in Dutch". */
function skillThenLang(gap: string): boolean {
  if (gap.length > 60) return false;
  // "written and verbal communication (Dutch and English)": the language in brackets right after.
  if (/^\s*\(\s*$/.test(gap)) return true;
  const words = gap.toLowerCase().split(/[\s,()/&]+/).filter(Boolean);
  const at = words.findIndex((w) => w === 'in' || w === 'with');
  return at >= 0 && words.slice(0, at).every((w) => GAP_WORDS.has(w)) && words.slice(at + 1).every((w) => LANGUAGE_WORDS.has(w));
}

/** The scope after a years phrase: "of non-internship professional software development experience". */
function scopeText(line: string, from: number): string {
  let rest = line.slice(from);
  const stop = rest.search(/[.;]\s|[.;]$|\(|\bsuch as\b|\bincluding\b|\bpreferably\b|\bideally\b|, (?:with|in|including|where|which)\b/i);
  if (stop >= 0) rest = rest.slice(0, stop);
  const words = rest.split(/\s+/).filter(Boolean);
  if (/^(?:of|in|with|on|at|doing)$/i.test(words[0] ?? '')) words.shift();
  if (/^(?:experience|exp\.?)$/i.test(words[0] ?? '')) {
    words.shift();
    if (/^(?:of|in|with|as|on|at)$/i.test(words[0] ?? '')) words.shift();
  }
  if (/^(?:experience|exp\.?)$/i.test(words[words.length - 1] ?? '')) words.pop();
  return trimChars(words.join(' '), ',:');
}

/** Facets of one line; `hits` are the line's skill mentions (offsets relative to `line`). */
export function readRequirementLine(tax: Taxonomy, line: string, hits: SkillHit[], langHits: Array<Span & { code: string }>): Facets[] {
  const out: Facets[] = [];
  const lex = tax.lexicons;
  const tokens = tokenize(line);
  const consumed = new Set<SkillHit>();

  const degree = readDegree(lex, line, tokens);
  if (degree) {
    out.push({ kind: 'education', required: true, degree: degree.degree });
    const fields = new SpanIndex(degree.fieldSpans);
    for (const h of hits) if (tax.skills[h.n]!.category === 'field' || fields.overlaps(h)) consumed.add(h);
  }

  const allLangHits = contextLanguageHits(tax.languages, line, langHits);
  const languages = readLanguages(lex, line, allLangHits, tokens);
  if (languages.length) {
    // "Dutch or German": one requirement any language of which satisfies; "English and either Dutch
    // or German" asks two things.
    const g = languageGroups(line, allLangHits, languages);
    if (g.all.length) out.push({ kind: 'language', required: true, languages: g.all });
    for (const alternatives of g.any) out.push({ kind: 'language', required: true, languages: alternatives, anyLanguage: true });
    // "Good communication in English", "English communication skills", "communicate fluently in
    // Dutch": the communication asked for is the language; the line is one language requirement.
    for (const h of hits) {
      if (!COMMUNICATION.has(tax.skills[h.n]!.id)) continue;
      if (allLangHits.some((l) => (l.end <= h.start && langThenSkill(line.slice(l.end, h.start))) || (h.end <= l.start && skillThenLang(line.slice(h.end, l.start))))) consumed.add(h);
    }
  }

  const certs = lex.certifications.find(line, tokens);
  if (certs.length) {
    out.push({ kind: 'certification', required: true, certifications: certs.map((c) => ({ id: c.value.id, name: c.value.name })) });
    const certSpans = new SpanIndex(certs);
    for (const h of hits) if (certSpans.overlaps(h)) consumed.add(h);
  }

  const leadership = readLeadership(lex, line, tokens);
  const leadershipFacet = leadership ? { kinds: leadership.kinds, ...(leadership.minTeamSize ? { minTeamSize: leadership.minTeamSize } : {}) } : null;
  if (leadership) {
    // "leading the architecture and design (architecture, design patterns, reliability and scaling)":
    // the bracketed skills illustrate what is led; they are not separate must-haves.
    const brackets = new SpanIndex([...line.matchAll(/\([^()]*\)/g)].map((m) => ({ start: m.index, end: m.index + m[0].length })));
    const phrases = new SpanIndex(leadership.spans);
    for (const h of hits) {
      if (phrases.overlaps(h) || tax.skills[h.n]!.id === 'leadership' || tax.skills[h.n]!.id === 'mentoring' || brackets.covers(h)) consumed.add(h);
    }
  }

  const recency = findRecency(line);
  const years = findYears(line, recency);
  // "Freshers welcome", "no experience required" lower a stated minimum to none; alone they ask
  // for nothing ("recent graduates are welcome to apply" is no requirement of its own).
  if (years.some((y) => !y.none) || recency.length || EXPERIENCE_WORDING.test(line)) {
    const y = pickYears(line, years);
    const scope = y?.none ? '' : y ? scopeText(line, y.end) : recency.length ? scopeText(line.slice(0, recency[0]!.start).replace(/^.*?\bexperience\b/i, ''), 0) : scopeText(line.replace(/^.*?\bexperience\b/i, ''), 0);
    const allBefore = y ? hits.every((o) => o.start < y.start) : true;
    const scoped = hits.filter((h) => !consumed.has(h) && (y ? h.start >= y.end || allBefore : true));
    const f: Facets = { kind: 'experience', required: true };
    addSkills(tax, f, groupSkills(tax, line, scoped));
    if (y?.minYears !== undefined) f.minYears = y.minYears;
    if (y?.maxYears !== undefined) f.maxYears = y.maxYears;
    if (recency[0]) f.withinYears = recency[0].withinYears;
    f.scope = { text: scope, professional: /\b(?:professional|non-internship|post-qualification)\b|\b(?:industry|work|commercial) experience\b/i.test(line) };
    if (leadershipFacet) f.leadership = leadershipFacet;
    out.push(f);
    for (const h of scoped) consumed.add(h);
  } else if (leadershipFacet) {
    out.push({ kind: 'leadership', required: true, leadership: leadershipFacet });
  }

  const rest = hits.filter((h) => !consumed.has(h));
  if (rest.length) {
    const g = groupSkills(tax, line, rest);
    const f: Facets = { kind: 'skill', required: true };
    addSkills(tax, f, g);
    out.push(f);
    for (const extra of g.extraOr) out.push({ kind: 'skill', required: true, anyOf: extra.map((n) => ref(tax, n)) });
  }
  return out;
}
