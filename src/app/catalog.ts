// The service's working set: the store (truth, on disk) and, in memory, every posting compiled
// for scoring inside the ranking index and every stored candidate compiled likewise. Writes go
// to the store first, in one transaction, and reach memory only once committed.

import { createHash } from 'node:crypto';
import type { Engine } from '../engine.ts';
import type { PostingProfile, SkillRef } from '../domain/posting.ts';
import type { ResumeProfile } from '../domain/resume.ts';
import { createError, isRolefitError } from '../errors.ts';
import { RoleIndex } from '../retrieval/role-index.ts';
import { formatYearMonth } from '../text/dates.ts';
import type { Candidate } from '../scoring/candidate.ts';
import type { Role } from '../scoring/score.ts';
import { rankCandidates, rankRoles, roleMeta, type RankQuery, type RankedRow, type RankStats } from './rank.ts';
import type { PostingInput, PutOutcome, Store } from '../storage/store.ts';
import type { Change, ChangeBus } from '../storage/changes.ts';
import type { AsOf, DocumentSource, ParsedPosting, ParsedResume } from '../workers/parse-document.ts';
import { inProcessParser, type DocumentParser } from '../workers/parse-pool.ts';

/** A document to store: text or a file's bytes, with the caller's id if any. */
export type DocumentIn = DocumentSource & {
  /** The caller's id; when absent, one is made from the content (so a re-post is idempotent). */
  id?: string;
  /** How the document is named in error messages; default "the posting" / "the résumé". */
  what?: string;
};

export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');
const contentId = (prefix: string, raw: string): string => `${prefix}_${sha256(raw).slice(0, 16)}`;

/** Ids are what callers choose, within reason: they travel in URLs and JSONL lines. */
export const ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$';
// The same pattern goes into the JSON schemas, where a regex has no flags and no \w shorthand.
// eslint-disable-next-line regexp/use-ignore-case, regexp/prefer-w
const ID_RE = new RegExp(ID_PATTERN);

const EMPTY_CONTACT: ResumeProfile['contact'] = { name: null, email: null, phone: null, location: null, links: [] };

export class Catalog {
  readonly engine: Engine;
  readonly store: Store;
  readonly index: RoleIndex;
  private readonly candidates = new Map<string, Candidate>();
  /** Frozen skill objects shared by the in-memory postings. */
  private readonly shared = new Map<string, unknown>();
  private loaded = false;

  /** Other instances sharing the store: told of this one's writes, and telling it of theirs. */
  private readonly bus: ChangeBus | null;
  /** Where documents are parsed: the service's thread pool, or this thread. */
  readonly parser: DocumentParser;

  constructor(engine: Engine, store: Store, bus: ChangeBus | null = null, parser: DocumentParser = inProcessParser(engine)) {
    this.engine = engine;
    this.store = store;
    this.parser = parser;
    this.index = new RoleIndex(engine.taxonomy);
    this.bus = bus;
    bus?.subscribe((c) => {
      void this.refresh(c).catch(() => {
        // The store is unreachable: the next change, or a restart, brings the index back in step.
      });
    });
  }

  /** Re-reads changed documents from the store into memory (another instance wrote them). */
  async refresh(change: Change): Promise<void> {
    if (change.kind === 'posting') {
      const found = new Map((await this.store.getPostings(change.ids)).map((p) => [p.id, p]));
      for (const id of change.ids) {
        const p = found.get(id);
        if (p) this.indexPosting(p.id, p.profile);
        else this.index.remove(id);
      }
      return;
    }
    for (const id of change.ids) {
      const c = await this.store.getCandidate(id);
      if (c) this.candidates.set(id, this.engine.candidateOf(c.profile));
      else this.candidates.delete(id);
    }
  }

  get ready(): boolean {
    return this.loaded;
  }

  get candidateCount(): number {
    return this.candidates.size;
  }

  /** Builds the in-memory index from the store (at start-up). */
  async load(): Promise<{ postings: number; candidates: number; ms: number }> {
    const t0 = performance.now();
    // Small batches: the full profiles parsed from the store die young instead of fragmenting the
    // old generation (100,000 postings: 0.87 GB resident with batches of 100, 1.3 GB with 1,000).
    for await (const batch of this.store.eachPosting(100)) for (const p of batch) this.indexPosting(p.id, p.profile);
    for await (const batch of this.store.eachCandidate(1000)) for (const c of batch) this.candidates.set(c.id, this.engine.candidateOf(c.profile));
    this.loaded = true;
    return { postings: this.index.size, candidates: this.candidates.size, ms: Math.round(performance.now() - t0) };
  }

  private indexPosting(id: string, profile: PostingProfile): void {
    this.index.put(id, this.engine.roleOf(profile, (p) => this.forRanking(p)), roleMeta(profile));
  }

  /**
   * What ranking and its explanations read of a posting (requirements, skill ids, title), kept
   * in memory for every stored posting: mention and section spans stay in the store, and skill
   * objects repeated across postings are shared (about a tenth less heap).
   */
  private forRanking(p: PostingProfile): PostingProfile {
    const share = <T>(key: string, make: () => T): T => {
      let v = this.shared.get(key) as T | undefined;
      if (v === undefined) this.shared.set(key, (v = Object.freeze(make())));
      return v;
    };
    const refs = (xs: SkillRef[] | undefined): SkillRef[] | undefined => xs?.map((r) => share(`ref\u0000${r.id}\u0000${r.name}`, () => ({ id: r.id, name: r.name })));
    return {
      ...p,
      titleSpan: undefined,
      sections: [],
      location: { ...p.location, span: undefined },
      skills: p.skills.map((s) => share(`skill\u0000${s.id}\u0000${s.name}\u0000${s.required}\u0000${s.contextOnly}`, () => ({ id: s.id, name: s.name, required: s.required, contextOnly: s.contextOnly, mentions: [] }))),
      requirements: p.requirements.map((r) => ({ ...r, ...(r.anyOf ? { anyOf: refs(r.anyOf) } : {}), ...(r.allOf ? { allOf: refs(r.allOf) } : {}) })),
    };
  }

  parsePosting(source: DocumentSource, what = 'the posting'): Promise<ParsedPosting> {
    return this.parser.parse({ kind: 'posting', source: onlySource(source), what });
  }

  parseResume(source: DocumentSource, asOf?: AsOf, what = 'the résumé'): Promise<ParsedResume> {
    return this.parser.parse({ kind: 'resume', source: onlySource(source), what, ...(asOf ? { asOf } : {}) });
  }

  /**
   * Parses every posting (as many at once as the parser runs), then stores them all in one
   * transaction, then indexes them. A posting that cannot be read rejects the whole request, and
   * nothing is stored.
   */
  async putPostings(docs: DocumentIn[]): Promise<Array<{ id: string; outcome: PutOutcome }>> {
    for (const d of docs) if (d.id !== undefined) checkId(d.id);
    const inputs: PostingInput[] = new Array(docs.length);
    let next = 0;
    const parseOne = async (i: number): Promise<void> => {
      const d = docs[i]!;
      try {
        const { raw, text, profile, fileFormat } = await this.parsePosting(d, d.what);
        const id = d.id ?? contentId('p', raw);
        inputs[i] = { id, text, format: fileFormat ?? profile.format ?? 'text', hash: sha256(raw), profile };
      } catch (e) {
        next = docs.length; // nothing will be stored: the other lanes stop taking documents
        if (docs.length > 1 && isRolefitError(e) && e.status < 500) throw createError('BULK_REJECTED', { index: i, id: d.id ?? '(none)', reason: e.message });
        throw e;
      }
    };
    const lanes = Array.from({ length: Math.min(docs.length, this.parser.concurrency) }, async () => {
      while (next < docs.length) await parseOne(next++);
    });
    await Promise.all(lanes);
    const outcomes = await this.store.putPostings(inputs);
    // Last one wins for a repeated id, as in the store.
    const changed: string[] = [];
    inputs.forEach((p, i) => {
      if (outcomes[i] === 'unchanged') return;
      this.indexPosting(p.id, p.profile);
      changed.push(p.id);
    });
    if (changed.length) this.bus?.publish({ kind: 'posting', ids: changed });
    return inputs.map((p, i) => ({ id: p.id, outcome: outcomes[i]! }));
  }

  async deletePosting(id: string): Promise<boolean> {
    const gone = await this.store.deletePosting(id);
    this.index.remove(id);
    if (gone) this.bus?.publish({ kind: 'posting', ids: [id] });
    return gone;
  }

  async putCandidate(doc: DocumentIn, asOf?: AsOf): Promise<{ id: string; outcome: PutOutcome; profile: ResumeProfile }> {
    if (doc.id !== undefined) checkId(doc.id);
    const { raw, text, profile, fileFormat } = await this.parseResume(doc, asOf, doc.what);
    const id = doc.id ?? contentId('c', raw);
    const stored = { ...profile, contact: EMPTY_CONTACT };
    const outcome = await this.store.putCandidate({ id, text, format: fileFormat ?? profile.format ?? 'text', hash: sha256(`${asOfKey(asOf)}\n${raw}`), profile: stored, contact: profile.contact });
    if (outcome !== 'unchanged') {
      this.candidates.set(id, this.engine.candidateOf(stored));
      this.bus?.publish({ kind: 'candidate', ids: [id] });
    }
    return { id, outcome, profile: stored };
  }

  async deleteCandidate(id: string): Promise<boolean> {
    const gone = await this.store.deleteCandidate(id);
    this.candidates.delete(id);
    if (gone) this.bus?.publish({ kind: 'candidate', ids: [id] });
    return gone;
  }

  storedCandidate(id: string): Candidate {
    const c = this.candidates.get(id);
    if (!c) throw createError('NOT_FOUND', { what: 'candidate', id });
    return c;
  }

  storedRole(id: string): Role {
    const r = this.index.role(id);
    if (!r) throw createError('NOT_FOUND', { what: 'posting', id });
    return r;
  }

  /** The best stored roles for a candidate: exact top-k from the index, then explained. */
  rankRoles(candidate: Candidate, q: RankQuery): { results: RankedRow[]; stats: RankStats } {
    return rankRoles(this.engine, this.index, candidate, q);
  }

  /** The best stored candidates for a role (a scan: candidate pools are small next to postings). */
  rankCandidates(role: Role, q: RankQuery): { results: RankedRow[]; stats: RankStats } {
    return rankCandidates(this.engine, this.candidates, role, q);
  }
}

/** The document itself, without the fields that travel with it (a parser thread gets only this). */
function onlySource(d: DocumentSource): DocumentSource {
  return 'bytes' in d ? { bytes: d.bytes } : 'json' in d ? { json: d.json } : { raw: d.raw };
}

/** The as-of as it was written before it was parsed once per request (YYYY-MM, or "document"), so stored hashes stay comparable. */
function asOfKey(asOf: AsOf | undefined): string {
  return asOf === undefined ? '' : asOf === 'document' ? asOf : formatYearMonth(asOf);
}

function checkId(id: string): string {
  if (!ID_RE.test(id)) throw createError('REQUEST_INVALID', { reason: `id "${id.slice(0, 40)}" must be 1-128 letters, digits, ".", "_", ":" or "-", starting with a letter or digit` });
  return id;
}
