// Score and gates only, on the compact forms (compact-role.ts, compact-candidate.ts): the fast
// path for ranking many pairs. Each kind's credit below is its scorer's arithmetic with the
// explanation left out (skills.ts skillWithYears and groupCredit, experience.ts scoreExperience,
// education.ts, languages.ts, leadership.ts, certifications.ts), reading typed arrays by index;
// the pure parts (years, clusters, language levels, leadership kinds, the blend) are the
// scorers' own functions. A property test holds it equal to scoreMatch on every pair.

import type { ScoringWeights } from '../domain/match.ts';
import type { Taxonomy } from '../taxonomy/taxonomy.ts';
import { finalScore, lineCredit } from './blend.ts';
import type { Candidate } from './candidate.ts';
import { clamp01, yearsCredit } from './common.ts';
import {
  EFF_IS_OWN, EFF_LISTED_ONLY, EFF_STATED_NONE, F_EFF_FACTOR, F_EFF_LAST, F_EFF_VALUE, F_FLAGS, F_OWN_LAST, F_OWN_VALUE,
  HAS_OWN, OWN_LISTED_ONLY, OWN_STATED_NONE, factAt, shows, type CompactCandidate,
} from './compact-candidate.ts';
import {
  EXP_SKILLS, KIND_EXPERIENCE, KIND_SKILL,
  L_ALL, L_ANY, L_ASK, L_ASK_ID, L_END, L_FLAGS, L_FUNCTION, L_KIND, L_MAX_YEARS, L_MIN_SHARE, L_MIN_YEARS, L_MODE, L_NEED, L_REQUIRED, L_WITHIN,
  LINE_FIELDS, X_HAS_SKILLS, X_LEADERSHIP, X_UNRECOGNISED, type Ask, type CompactRole, type DegreeAsk, type LanguageAsk,
} from './compact-role.ts';
import { equivalentYears } from './education.ts';
import { KIND_ORDER } from './kinds.ts';
import { languageCredit } from './languages.ts';
import { kindCredit, leadershipLineCredit } from './leadership.ts';
import { relevanceFactor, relevanceValue, roleRelevance } from './relevance.ts';
import { clusterCredit } from './skills.ts';
import { textRelevance, type RoleTerms } from './text-relevance.ts';

/**
 * Each kind's weight (`kinds[k] ?? 1`) in KIND_ORDER for the weights of the last pair: ranking
 * scores many pairs with one weights object, and a caller passing fresh overrides per pair costs
 * seven reads, never an allocation. Pairs are scored one at a time on a thread.
 */
const kindW = new Float64Array(KIND_ORDER.length);
let kindWeightsOf: ScoringWeights | null = null;

function kindWeights(w: ScoringWeights): Float64Array {
  if (w !== kindWeightsOf) {
    for (let k = 0; k < KIND_ORDER.length; k++) kindW[k] = w.kinds[KIND_ORDER[k]!] ?? 1;
    kindWeightsOf = w;
  }
  return kindW;
}

/** The listed-only factor: the credit when the evidence is a bare listing (listedFactor in skills.ts). */
function listedFactor(flags: number, listedOnly: number, statedNone: number, listed: number): number {
  return (flags & listedOnly) !== 0 && (flags & statedNone) !== 0 ? listed : 1;
}

/**
 * skillWithYears: the credit for the item at `k` (in `role.ints`) from the skill itself, a more
 * specific skill or a related one, with years (`need` months, 0: none) and recency (`cutoff`).
 */
function itemCredit(c: CompactCandidate, w: ScoringWeights, listed: number, role: CompactRole, k: number, need: number, cutoff: number): number {
  const f = c.facts;
  const ints = role.ints;
  const at = factAt(c, ints[k]!);
  let credit = 0;
  let months = 0;
  let last = -1;
  if (at >= 0) {
    const flags = f[at + F_FLAGS]!;
    if ((flags & HAS_OWN) !== 0) {
      // The skill itself, with its more specific children's months when those are longer.
      const own = f[at + F_OWN_VALUE]!;
      const eff = f[at + F_EFF_VALUE]!;
      if ((flags & EFF_IS_OWN) === 0 && f[at + F_EFF_FACTOR]! >= w.depthFactors.grandchild && eff > own) {
        credit = (flags & OWN_LISTED_ONLY) !== 0 ? listedFactor(flags, EFF_LISTED_ONLY, EFF_STATED_NONE, listed) : 1;
        months = eff;
        last = f[at + F_EFF_LAST]!;
      } else {
        credit = listedFactor(flags, OWN_LISTED_ONLY, OWN_STATED_NONE, listed);
        months = own;
        last = f[at + F_OWN_LAST]!;
      }
    } else {
      credit = w.childCredit * f[at + F_EFF_FACTOR]! * listedFactor(flags, EFF_LISTED_ONLY, EFF_STATED_NONE, listed);
      months = f[at + F_EFF_VALUE]!;
      last = f[at + F_EFF_LAST]!;
    }
  } else {
    // The first related skill with the best credit.
    for (let x = ints[k + 1]!, end = ints[k + 2]!; x < end; x++) {
      const r = factAt(c, ints[x]!);
      if (r < 0) continue;
      const cr = w.relatedCredit * listedFactor(f[r + F_FLAGS]!, EFF_LISTED_ONLY, EFF_STATED_NONE, listed);
      if (cr > credit) {
        credit = cr;
        months = f[r + F_EFF_VALUE]!;
        last = f[r + F_EFF_LAST]!;
      }
    }
  }
  if (credit > 0 && need !== 0) credit *= yearsCredit(months, need, w.yearsCreditExponent);
  if (credit > 0 && last < cutoff) credit *= w.staleCredit;
  return clamp01(credit);
}

/** groupCredit: the OR-group's best member as one item, each AND member as one, their mean (a cluster's by its share). */
function groupCredit(c: CompactCandidate, w: ScoringWeights, listed: number, role: CompactRole, at: number, ignoreYears: boolean, cutoff: number): number {
  const L = role.nums;
  const need = ignoreYears ? 0 : L[at + L_NEED]!;
  const any = L[at + L_ANY]!;
  const all = L[at + L_ALL]!;
  const end = L[at + L_END]!;
  let sum = 0;
  let count = 0;
  if (all > any) {
    let best = 0;
    // Credits are at most 1: once a member earns it, no other can earn more.
    for (let k = any; k < all && best < 1; k += 3) {
      const cr = itemCredit(c, w, listed, role, k, need, cutoff);
      if (cr > best) best = cr;
    }
    sum += best;
    count++;
  }
  for (let k = all; k < end; k += 3) {
    sum += itemCredit(c, w, listed, role, k, need, cutoff);
    count++;
  }
  return clusterCredit(count ? sum / count : 0, L[at + L_MIN_SHARE]!);
}

/** The months a scope counts (scopeMonths in experience.ts); NaN in `monthsFor` marks a function without them. */
function functionMonths(c: CompactCandidate, fn: number): number {
  return fn >= 0 && c.monthsFor !== null ? c.monthsFor[fn]! : NaN;
}

/** scopeCredit in experience.ts: an experience line without skills, before recency. */
function scopeCredit(c: CompactCandidate, w: ScoringWeights, leadership: boolean, minYears: number, unrecognised: boolean, fn: number): number {
  const byFn = leadership ? NaN : functionMonths(c, fn);
  const byFunction = byFn === byFn;
  const months = leadership ? c.leadershipMonths : byFunction ? byFn : c.totalMonths;
  // NaN (no minimum stated) is neither <= 0 nor truthy, as undefined is.
  if (minYears <= 0) return 1;
  const credit = minYears ? yearsCredit(months, minYears * 12, w.yearsCreditExponent) : months > 0 || c.stated ? 1 : 0;
  return unrecognised && !byFunction ? Math.min(credit, w.unrecognisedScopeCredit) : credit;
}

/** scoreExperience without the explanation. */
function experienceCredit(c: CompactCandidate, w: ScoringWeights, listed: number, role: CompactRole, at: number, cutoff: number): number {
  const L = role.nums;
  const fn = L[at + L_FUNCTION]!;
  const minYears = L[at + L_MIN_YEARS]!;
  if (L[at + L_MODE] === EXP_SKILLS) {
    const s = groupCredit(c, w, listed, role, at, false, cutoff);
    const m = functionMonths(c, fn);
    const byFunction = m === m ? scopeCredit(c, w, false, minYears, false, fn) : 0;
    return byFunction > s ? byFunction : s;
  }
  const flags = L[at + L_FLAGS]!;
  const leadership = (flags & X_LEADERSHIP) !== 0;
  const byFn = leadership ? NaN : functionMonths(c, fn);
  const months = leadership ? c.leadershipMonths : byFn === byFn ? byFn : c.totalMonths;
  let credit = scopeCredit(c, w, leadership, minYears, (flags & X_UNRECOGNISED) !== 0, fn);
  const maxYears = L[at + L_MAX_YEARS]!;
  if (maxYears > 0 && months - (maxYears + w.overqualifiedYears) * 12 > 0) credit *= 1 - w.overqualificationPenalty;
  const within = L[at + L_WITHIN]!;
  if (within !== 0 && !(c.lastWorked >= c.asOf - within)) credit *= w.staleCredit;
  if ((flags & X_HAS_SKILLS) !== 0) credit *= groupCredit(c, w, listed, role, at, true, cutoff);
  return clamp01(credit);
}

/** scoreEducation without the explanation. */
function educationCredit(c: CompactCandidate, w: ScoringWeights, d: DegreeAsk): number {
  const ranks = c.degreeRank;
  let credit = 0;
  let top = false;
  for (let i = 0; i < ranks.length; i++) {
    if (ranks[i]! < d.need) break;
    const f = fieldCredit(d, c.degreeField[i]!, w);
    if (f > credit) {
      credit = f;
      top = true;
    }
  }
  const best = ranks.length ? ranks[0]! : -1;
  if (!top && ranks.length) credit = best === d.need - 1 ? w.degreeBelowCredit : 0;
  if (credit < 1 && d.orEquivalent && c.totalMonths >= equivalentYears(w, d.level) * 12) credit = 1;
  if (ranks.length && w.overqualifiedDegreeLevels > 0 && best - d.need >= w.overqualifiedDegreeLevels) credit *= 1 - w.overqualificationPenalty;
  return clamp01(credit);
}

/** fieldCredit in education.ts, on lower-cased fields. */
function fieldCredit(d: DegreeAsk, field: string | null, w: ScoringWeights): number {
  if (d.fields.length === 0) return 1;
  if (field) for (const f of d.fields) if (f === field) return 1;
  return d.relatedFields ? w.relatedFieldCredit : w.otherFieldCredit;
}

/** scoreLanguages without the explanation. */
function languagesCredit(c: CompactCandidate, w: ScoringWeights, a: LanguageAsk): number {
  let sum = 0;
  let best = 0;
  for (let j = 0; j < a.codes.length; j++) {
    const h = c.languageCode.indexOf(a.codes[j]!);
    const cr = h >= 0 ? languageCredit(w, a.levels[j]!, c.languageLevel[h]!) : 0;
    sum += cr;
    best = Math.max(best, cr);
  }
  return a.any ? best : sum / a.codes.length;
}

/**
 * The candidate's remembered ask credits for these weights and the numbering the role's asks came
 * with (cleared when either changes), with room for the role's ask numbers; NaN marks an ask not
 * yet scored.
 */
function askCredits(c: CompactCandidate, w: ScoringWeights, role: CompactRole): Float64Array {
  const memo = c.askCredits;
  if (memo.weights !== w || memo.numbering !== role.askNumbering) {
    memo.weights = w;
    memo.numbering = role.askNumbering;
    memo.byId.fill(NaN);
  }
  const maxId = role.maxAskId;
  if (maxId >= memo.byId.length) {
    const grown = new Float64Array(Math.max(64, (maxId + 1) * 2)).fill(NaN);
    grown.set(memo.byId);
    memo.byId = grown;
  }
  return memo.byId;
}

/** The credit of a line whose kind reads an ask (education, languages, leadership, certifications). */
function scoreAsk(c: CompactCandidate, w: ScoringWeights, candidate: Candidate, a: Ask): number {
  switch (a.type) {
    case 'degree':
      return educationCredit(c, w, a);
    case 'languages':
      return languagesCredit(c, w, a);
    case 'leadership':
      // bestKindCredit: the best over the evidence is the best over the kinds it shows.
      return leadershipLineCredit(candidate.profile.leadership, w, kindCredit(w, a.kinds, c.leadershipKinds), a.minTeamSize, c.dated);
    case 'certifications':
      return certificationCredit(c, a.ids);
  }
}

function certificationCredit(c: CompactCandidate, asked: string[]): number {
  for (const id of c.certificationIds) if (asked.includes(id)) return 1;
  return 0;
}

/** What of a Role (score.ts) the fast path reads. */
interface QuickRole {
  compact: CompactRole;
  fn: number;
  terms: RoleTerms;
}

/**
 * Score and gates only: exactly scoreMatch's score and gate result, with no explanation built.
 * `failedLines`, when given, receives the line (requirement) numbers of the failed gates.
 */
export function quickScore(tax: Taxonomy, w: ScoringWeights, candidate: Candidate, r: QuickRole, failedLines: number[] | null = null): { score: number; passed: boolean } {
  const c = candidate.compact;
  const role = r.compact;
  const L = role.nums;
  const kindW = kindWeights(w);
  const credits = askCredits(c, w, role);
  // skillCredit: a listing counts for less, and for less still in a résumé with no dated position.
  const listed = c.dated ? w.listedOnlyCredit : Math.min(w.listedOnlyCredit, w.listedWithoutPositionsCredit);
  let num = 0;
  let den = 0;
  let must = 0;
  let failed = 0;
  for (let i = 0; i < role.count; i++) {
    const at = i * LINE_FIELDS;
    const kind = L[at + L_KIND]!;
    const within = L[at + L_WITHIN]!;
    const cutoff = within !== 0 ? c.asOf - within : -Infinity;
    const ask = L[at + L_ASK]!;
    let credit: number;
    if (kind === KIND_SKILL) {
      credit = groupCredit(c, w, listed, role, at, false, cutoff);
      // An unshown soft skill is left out of the score (scoreSkill).
      if (credit === 0 && L[at + L_MODE] === 1) continue;
    } else if (kind === KIND_EXPERIENCE) credit = experienceCredit(c, w, listed, role, at, cutoff);
    // Nothing this kind can check (and every "other" line): unknown, left out.
    else if (ask < 0) continue;
    else {
      // Postings ask the same few things over and over: each ask is scored once per candidate.
      const id = L[at + L_ASK_ID]!;
      credit = credits[id]!;
      if (credit !== credit) credit = credits[id] = scoreAsk(c, w, candidate, role.asks[ask]!);
    }
    const required = L[at + L_REQUIRED] === 1;
    const weight = kindW[kind]! * (required ? 1 : w.preferredFactor);
    const cr = lineCredit(credit);
    num += weight * cr;
    den += weight;
    if (!required) continue;
    must++;
    if (cr < w.gateThreshold) {
      failed++;
      failedLines?.push(i);
    }
  }
  // similarityOf: the share of the role's concept weight the candidate shows, in the role's order.
  let similarity = 0;
  if (role.conceptTotal !== 0) {
    let got = 0;
    const n = role.ints;
    const wt = role.nums;
    for (let j = 0, at = role.conceptAt, wAt = role.count * LINE_FIELDS; j < role.concepts; j++) if (shows(c, n[at + j]!)) got += wt[wAt + j]!;
    similarity = got / role.conceptTotal;
  }
  similarity = Math.round(similarity * 1000) / 1000;
  const rel = roleRelevance(tax.occupations, w, candidate.occupation, r.fn);
  const text = textRelevance(r.terms, candidate.terms, w.textFullShare) ?? 1;
  const score = finalScore(w, num, den, must, failed, similarity, relevanceValue(w, r.fn, rel), relevanceFactor(w, r.fn, rel), text);
  return { score, passed: failed === 0 };
}
