// The application layer: what the CLI, the HTTP routes and the batch workers call. None of them
// imports scoring, retrieval or extraction internals; everything they need is named here.

export { createEngine, type Engine } from '../engine.ts';
export { Catalog, ID_PATTERN, sha256, type DocumentIn } from './catalog.ts';
export { rankCandidates, rankRoles, roleSet, scoreRoles, scorePair, type RankQuery, type RankedRow, type RankStats, type RoleSet, type PairScore, type Candidate, type Role } from './rank.ts';
export { asOfOption, weightsOption, CLI, REQUEST, type AsOf, type Asker } from './options.ts';
export { listInputs, readFileDocument, readInputs, type InputDoc, type InputEntry, type Inputs } from './inputs.ts';
export { parseResumeDated, type DocumentSource, type ParsedPosting, type ParsedResume } from '../workers/parse-document.ts';
export { resumeResult, type BatchQuery, type ResumeResult } from './batch.ts';
export { modelVersions } from './models.ts';
