// Composition root: reads the compiled models once (checking MANIFEST checksums), builds the
// taxonomy and matcher, and hands out the parse/score functions the CLI and server use.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Mention } from './domain/types.ts';
import type { PostingProfile } from './domain/posting.ts';
import type { ResumeProfile } from './domain/resume.ts';
import { parseResume } from './extract/resume.ts';
import { parseAsOf, type YearMonth } from './text/dates.ts';
import type { Match, ScoringWeights } from './domain/match.ts';
import { compileCandidate, type Candidate } from './scoring/candidate.ts';
import { compileRole, quickScore, scoreMatch, withOverrides, type Role, type ScoringModel } from './scoring/score.ts';
import { parsePosting } from './extract/posting.ts';
import { postingFromJson, postingText, resumeFromJson, resumeText } from './ingest/document.ts';
import { createError } from './errors.ts';
import { sha256 } from './taxonomy/compile.ts';
import { createTaxonomy, type ModelFiles, type Taxonomy } from './taxonomy/taxonomy.ts';
import { loadConfig } from './config/load.ts';
import type { Config } from './config/defaults.ts';

export interface Engine {
  config: Config;
  modelsVersion: string;
  taxonomy: Taxonomy;
  /** Model load time in milliseconds (read + verify + compile matcher). */
  loadMs: number;
  /** Hard-skill and spoken-language mentions; `soft` adds transversal skills. */
  skills(text: string, opts?: { soft?: boolean; roles?: boolean }): { mentions: Mention[] };
  /** A posting as plain text, HTML (a saved page) or schema.org JobPosting JSON-LD. */
  parsePosting(raw: string): PostingProfile;
  /** The same, with the text the spans point into (extracted text for HTML and JSON-LD). */
  parsePostingDocument(raw: string | { json: unknown }): { profile: PostingProfile; text: string };
  /** A résumé's text; "present" means `asOf` (YYYY-MM or YYYY-MM-DD; default: this month). */
  parseResume(raw: string, opts?: { asOf?: string | YearMonth }): ResumeProfile;
  /** The same, with the text the spans point into (rendered text for JSON Resume and HTML). */
  parseResumeDocument(raw: string | { json: unknown }, opts?: { asOf?: string | YearMonth }): { profile: ResumeProfile; text: string };
  scoring: ScoringModel;
  /** A parsed résumé compiled for scoring (do it once per résumé when scoring many pairs). */
  candidate(raw: string, opts?: { asOf?: string | YearMonth }): Candidate;
  /** A parsed posting compiled for scoring. */
  role(raw: string): Role;
  /** A stored résumé profile compiled for scoring. */
  candidateOf(profile: ResumeProfile): Candidate;
  /** A stored posting profile compiled for scoring; `keep` picks what of the profile it holds. */
  roleOf(profile: PostingProfile, keep?: (p: PostingProfile) => PostingProfile): Role;
  /** How well the candidate fits the role, requirement by requirement. */
  match(candidate: Candidate, role: Role, opts?: { weights?: Partial<ScoringWeights>; explain?: boolean }): Match;
  /** Score and gates only, without building an explanation: the fast path for ranking. */
  quickScore(candidate: Candidate, role: Role, opts?: { weights?: Partial<ScoringWeights> }): { score: number; passed: boolean };
  /** quickScore with the weights resolved once, for scoring many pairs under them (`failedLines` as quickScore's). */
  pairScorer(weights?: Partial<ScoringWeights>): (candidate: Candidate, role: Role, failedLines?: number[] | null) => { score: number; passed: boolean };
  /** Parse both documents and score them. */
  score(resume: string, posting: string, opts?: { asOf?: string | YearMonth; weights?: Partial<ScoringWeights>; explain?: boolean }): Match;
}

/** The as-of month: given (already parsed, or as text), or today's (read here, at the edge, never inside the core). */
export function resolveAsOf(asOf?: string | YearMonth): YearMonth {
  if (typeof asOf === 'object') return asOf;
  if (asOf === undefined) {
    const d = new Date();
    return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1 };
  }
  const ym = parseAsOf(asOf);
  if (!ym) throw createError('USAGE', { reason: `--as-of must be YYYY-MM-DD or YYYY-MM, not "${asOf}"` });
  return ym;
}

export function readModelFiles(dir: string): ModelFiles {
  const manifestPath = join(dir, 'MANIFEST.json');
  if (!existsSync(manifestPath)) throw createError('MODELS_MISSING', { dir });
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { files: Record<string, string> };
  const out: Record<string, unknown> = {};
  for (const [file, sum] of Object.entries(manifest.files)) {
    const path = join(dir, file);
    if (!existsSync(path)) throw createError('MODELS_CORRUPT', { file, reason: 'missing' });
    const text = readFileSync(path, 'utf8');
    if (sha256(text) !== sum) throw createError('MODELS_CORRUPT', { file, reason: 'checksum differs' });
    out[file.replace(/\.json$/, '')] = JSON.parse(text);
  }
  return out as ModelFiles;
}

export function createEngine(overrides: Partial<Config> = {}): Engine {
  const config = loadConfig(undefined, overrides);
  const t0 = performance.now();
  const files = readModelFiles(config.modelsDir);
  const taxonomy = createTaxonomy(files);
  const scoringFile = (files as unknown as { scoring?: ScoringModel }).scoring;
  if (!scoringFile) throw createError('MODELS_CORRUPT', { file: 'scoring.json', reason: 'missing' });
  const scoring: ScoringModel = { scoringVersion: scoringFile.scoringVersion, weights: scoringFile.weights };
  const loadMs = performance.now() - t0;

  // A structured body (JSON Resume, JSON-LD) is rendered as it is: never stringified and parsed again.
  const parseResumeDoc = (raw: string | { json: unknown }, opts: { asOf?: string | YearMonth } = {}): { profile: ResumeProfile; text: string } => {
    const doc = typeof raw === 'string' ? resumeText(raw) : resumeFromJson(raw.json);
    const profile = parseResume(taxonomy, doc.text, { asOf: resolveAsOf(opts.asOf), modelsVersion: taxonomy.version });
    return { profile: { ...profile, format: doc.format }, text: doc.text };
  };
  const parsePostingDoc = (raw: string | { json: unknown }): { profile: PostingProfile; text: string } => {
    const doc = typeof raw === 'string' ? postingText(raw) : postingFromJson(raw.json);
    return { profile: { ...parsePosting(taxonomy, doc.text, { modelsVersion: taxonomy.version }), format: doc.format }, text: doc.text };
  };
  const candidate = (raw: string, opts: { asOf?: string | YearMonth } = {}): Candidate => compileCandidate(taxonomy, parseResumeDoc(raw, opts).profile, scoring.weights);
  const role = (raw: string): Role => compileRole(taxonomy, parsePostingDoc(raw).profile);
  // Overrides resolve once per overrides object, not once per pair (a ranking passes the same one
  // for every pair; resolving it each time halved the fast path).
  const resolved = new WeakMap<Partial<ScoringWeights>, ScoringWeights>();
  const weightsFor = (o: Partial<ScoringWeights> | undefined): ScoringWeights => {
    if (!o) return scoring.weights;
    let w = resolved.get(o);
    if (!w) resolved.set(o, (w = withOverrides(scoring.weights, o)));
    return w;
  };
  const match = (c: Candidate, r: Role, opts: { weights?: Partial<ScoringWeights>; explain?: boolean } = {}): Match =>
    scoreMatch(taxonomy, scoring, weightsFor(opts.weights), c, r, { explain: opts.explain ?? true });

  return {
    config,
    modelsVersion: taxonomy.version,
    taxonomy,
    loadMs,
    skills: (text, opts = {}) => ({
      mentions: taxonomy.mentions(text).filter((m) =>
        m.kind !== 'skill' || ((opts.soft || !taxonomy.byId.get(m.id)!.transversal) && (opts.roles || !m.role))),
    }),
    parsePosting: (raw) => parsePostingDoc(raw).profile,
    parsePostingDocument: parsePostingDoc,
    parseResume: (raw, opts = {}) => parseResumeDoc(raw, opts).profile,
    parseResumeDocument: parseResumeDoc,
    scoring,
    candidate,
    role,
    candidateOf: (profile) => compileCandidate(taxonomy, profile, scoring.weights),
    roleOf: (profile, keep) => compileRole(taxonomy, profile, keep),
    match,
    quickScore: (c, r, opts = {}) => quickScore(taxonomy, weightsFor(opts.weights), c, r),
    pairScorer: (weights) => {
      const w = weightsFor(weights);
      return (c, r, failedLines) => quickScore(taxonomy, w, c, r, failedLines);
    },
    score: (resume, posting, opts = {}) => match(candidate(resume, opts), role(posting), opts),
  };
}
