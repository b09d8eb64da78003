// The rolefit command line. Each command reads documents at the edge, calls the engine, and
// prints JSON; coded errors go to stderr as "rolefit: CODE: message" with a non-zero exit.

import { Command, CommanderError } from 'commander';
import { createError, isRolefitError, toErrorBody } from '../errors.ts';
import { loadConfig } from '../config/load.ts';
import type { Config } from '../config/defaults.ts';
import type { ScoringWeights } from '../domain/match.ts';
import {
  asOfOption, CLI, createEngine, parseResumeDated, rankCandidates, rankRoles, readFileDocument, readInputs, roleSet, scorePair, weightsOption,
  type AsOf, type Engine, type RankedRow,
} from '../app/index.ts';
import { buildModels, DEFAULT_TAXONOMY_DIR, importInto, modelDrift, modelVersions, PACKAGE_VERSION } from '../app/models.ts';
import { emitAll, type Writer } from './output.ts';
import { matchTable, rankTable, type RankRow } from './match.ts';

export interface Io {
  out: Writer;
  err: Writer;
}

const defaultIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

const AS_OF_HELP = 'what "present" means in a résumé: YYYY-MM-DD, or "document" for the date a PDF or DOCX file carries (default: today)';

const positiveInt = (flag: string) => (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw createError('USAGE', { reason: `${flag} must be a whole number of 1 or more` });
  return n;
};

/** A ranked row as the CLI prints it: no title for a candidate. */
function cliRow(r: RankedRow): RankRow {
  const { title, match: _m, ...rest } = r;
  return { ...rest, ...(title !== null ? { title } : {}) };
}

function buildProgram(io: Io, state: { code: number }): Command {
  let engine: Engine | null = null;
  const getEngine = (): Engine => (engine ??= createEngine());
  /** Reads the input's documents and prints one result (or coded error) per document. */
  const eachDocument = async (input: string, fn: (eng: Engine, text: string, date: string | null | undefined) => object): Promise<void> => {
    const eng = getEngine();
    const { docs, many } = await readInputs(input, eng.config);
    const failures = emitAll(docs, many, (text, d) => fn(eng, text, d.date), io.out, toErrorBody);
    if (!many && failures) state.code = 1;
  };
  const program = new Command();
  program
    .name('rolefit')
    .description('Explainable candidate–job matching: parse résumés and postings, score fit, explain why.')
    .version(PACKAGE_VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.replace(/\n$/, '')), writeErr: (s) => io.err(s.replace(/\n$/, '')) });

  program
    .command('skills')
    .description('print the skill and spoken-language mentions the phrase matcher finds, with spans')
    .argument('<input>', 'a file, a directory, or a .jsonl file of {"id","text"} or {"id","path"} lines')
    .option('--soft', 'include transversal (soft) skills such as communication or teamwork')
    .option('--roles', 'include names inside job titles and team names ("Java Developer", "DevOps team")')
    .action(async (input: string, opts: { soft?: boolean; roles?: boolean }) => {
      await eachDocument(input, (eng, text) => eng.skills(text, { soft: opts.soft === true, roles: opts.roles === true }));
    });

  const parse = program.command('parse').description('parse documents into structured profiles');
  parse
    .command('posting')
    .description('job postings -> PostingProfile (requirements, skills, title, location)')
    .argument('<input>', 'a file, a directory, or a .jsonl file of {"id","text"} or {"id","path"} lines')
    .option('--include-text', 'add the text the spans point into')
    .action(async (input: string, opts: { includeText?: boolean }) => {
      await eachDocument(input, (eng, raw) => {
        const { profile, text } = eng.parsePostingDocument(raw);
        return opts.includeText ? { ...profile, text } : profile;
      });
    });

  parse
    .command('resume')
    .description('résumés -> ResumeProfile (positions, experience, skills with months, education, languages)')
    .argument('<input>', 'a file, a directory, or a .jsonl file of {"id","text"} or {"id","path"} lines')
    .option('--as-of <date>', AS_OF_HELP)
    .option('--include-text', 'add the text the spans point into')
    .action(async (input: string, opts: { asOf?: string; includeText?: boolean }) => {
      const asOf = asOfOption(opts.asOf, CLI);
      await eachDocument(input, (eng, raw, date) => {
        const { profile, text } = parseResumeDated(eng, raw, asOf, date);
        return opts.includeText ? { ...profile, text } : profile;
      });
    });

  const weightsFlag = (s: string): Partial<ScoringWeights> => weightsOption(s, CLI)!;
  program
    .command('score')
    .description('how well one résumé fits one posting, requirement by requirement -> Match')
    .argument('<resume>', 'a résumé file (text, PDF, DOCX, HTML or JSON Resume)')
    .argument('<posting>', 'a posting file (text, HTML or JSON-LD JobPosting)')
    .option('--as-of <date>', AS_OF_HELP)
    .option('--weights <json>', 'per-request weight overrides, e.g. \'{"kinds":{"education":0.2}}\'', weightsFlag)
    .option('--format <format>', 'json or table', 'json')
    .action(async (resume: string, posting: string, opts: { asOf?: string; weights?: Partial<ScoringWeights>; format: string }) => {
      const eng = getEngine();
      const asOf = asOfOption(opts.asOf, CLI);
      const r = await readFileDocument(resume, eng.config);
      const p = await readFileDocument(posting, eng.config);
      const candidate = eng.candidateOf(parseResumeDated(eng, r.text, asOf, r.date).profile);
      const m = scorePair(eng, candidate, eng.role(p.text), opts.weights ? { weights: opts.weights } : {});
      io.out(opts.format === 'table' ? matchTable(m) : JSON.stringify(m, null, 2));
    });
  program
    .command('rank')
    .description('rank postings for a résumé, or résumés for a posting, best first')
    .argument('[resume]', 'a résumé file (with --postings)')
    .option('--postings <input>', 'postings: a file, a directory or a .jsonl file')
    .option('--posting <file>', 'a posting (with --resumes)')
    .option('--resumes <input>', 'résumés: a file, a directory or a .jsonl file')
    .option('--top <n>', 'how many results', (s: string) => Number(s))
    .option('--as-of <date>', AS_OF_HELP)
    .option('--weights <json>', 'per-request weight overrides', weightsFlag)
    .option('--format <format>', 'json or table', 'json')
    .action(async (resume: string | undefined, opts: { postings?: string; posting?: string; resumes?: string; top?: number; asOf?: string; weights?: Partial<ScoringWeights>; format: string }) => {
      const eng = getEngine();
      const asOf: AsOf = asOfOption(opts.asOf, CLI);
      const q = { ...(opts.top && opts.top > 0 ? { top: opts.top } : {}), ...(opts.weights ? { weights: opts.weights } : {}) };
      const candidateOf = (text: string, date: string | null | undefined) => eng.candidateOf(parseResumeDated(eng, text, asOf, date).profile);
      let ranked: RankedRow[];
      let failed: RankRow[];
      if (resume && opts.postings) {
        const r = await readFileDocument(resume, eng.config);
        const candidate = candidateOf(r.text, r.date);
        const { docs } = await readInputs(opts.postings, eng.config);
        const postings = docs.flatMap((d) => ('error' in d ? [] : [{ id: d.id, profile: eng.parsePosting(d.text) }]));
        ranked = rankRoles(eng, roleSet(eng, postings), candidate, q).results;
        failed = docs.flatMap((d) => ('error' in d ? [d] : []));
      } else if (opts.posting && opts.resumes) {
        const role = eng.role((await readFileDocument(opts.posting, eng.config)).text);
        const { docs } = await readInputs(opts.resumes, eng.config);
        const candidates = docs.flatMap((d): Array<[string, ReturnType<typeof candidateOf>]> => ('error' in d ? [] : [[d.id, candidateOf(d.text, d.date)]]));
        ranked = rankCandidates(eng, candidates, role, q).results;
        failed = docs.flatMap((d) => ('error' in d ? [d] : []));
      } else {
        throw createError('USAGE', { reason: 'use `rank <resume> --postings <input>` or `rank --posting <file> --resumes <input>`' });
      }
      // Documents that could not be read follow the ranking, so none is lost from the output.
      const rows = [...ranked.map(cliRow), ...failed];
      io.out(opts.format === 'table' ? rankTable(rows) : JSON.stringify({ results: rows }, null, 2));
    });

  program
    .command('batch')
    .description('score many résumés against many postings, in worker threads, streaming NDJSON or CSV in input order')
    .requiredOption('--resumes <input>', 'résumés: a file, a directory or a .jsonl file')
    .requiredOption('--postings <input>', 'postings: a file, a directory or a .jsonl file')
    .requiredOption('--out <file>', 'file.ndjson, file.csv, or - for standard output (NDJSON)')
    .option('--top <n>', 'the best N roles per résumé, explained (default 10)', positiveInt('--top'))
    .option('--all', 'every pair, on the fast path (score and whether the must-haves pass)')
    .option('--min-score <s>', 'leave out results scoring below this', (v: string) => Number(v))
    .option('--passing-only', 'leave out results whose must-haves are not all met')
    .option('--workers <n>', 'worker threads (default: every core)', positiveInt('--workers'))
    .option('--queue [url]', 'score on `rolefit worker` processes through Redis (default URL: ROLEFIT_REDIS_URL, which turns this on by itself)')
    .option('--no-queue', "score in this machine's threads even when ROLEFIT_REDIS_URL is set")
    .option('--resume', 'continue the run this --out file was left off at (after a crash or kill)')
    .option('--as-of <date>', AS_OF_HELP)
    .option('--weights <json>', 'per-request weight overrides', weightsFlag)
    .option('--quiet', 'no progress bar')
    .action(async (opts: { resumes: string; postings: string; out: string; top?: number; all?: boolean; minScore?: number; passingOnly?: boolean; workers?: number; resume?: boolean; asOf?: string; weights?: Partial<ScoringWeights>; quiet?: boolean; queue?: string | boolean }) => {
      if (opts.all && opts.top !== undefined) throw createError('USAGE', { reason: 'give --top or --all, not both' });
      if (opts.minScore !== undefined && !(opts.minScore >= 0 && opts.minScore <= 100)) throw createError('USAGE', { reason: '--min-score must be a number from 0 to 100' });
      // The threads build the engines: this process only reads the models' versions.
      const config = loadConfig();
      const query = {
        ...(opts.all ? { all: true } : { top: opts.top ?? 10 }),
        ...(opts.minScore !== undefined ? { minScore: opts.minScore } : {}),
        ...(opts.passingOnly ? { passingOnly: true } : {}),
        ...(opts.weights ? { weights: opts.weights } : {}),
        asOf: asOfOption(opts.asOf, CLI),
      };
      const { runBatch } = await import('../batch/run.ts');
      const redisUrl = opts.queue === false ? null : typeof opts.queue === 'string' ? opts.queue : config.redisUrl;
      if (opts.queue === true && !redisUrl) throw createError('USAGE', { reason: '--queue needs a Redis URL: --queue redis://host:6379, or ROLEFIT_REDIS_URL' });
      const scorer = redisUrl ? (await import('../batch/queue.ts')).batchScorer(config, redisUrl, { log: (m) => io.err(`rolefit: queue: ${m}`) }) : undefined;
      const { progressBar } = await import('../batch/progress.ts');
      const bar = progressBar(process.stderr, opts.quiet === true || opts.out === '-');
      try {
        const summary = await runBatch({
          resumes: opts.resumes, postings: opts.postings, out: opts.out, query, config,
          ...(opts.workers ? { workers: opts.workers } : {}), ...(scorer ? { scorer } : {}), resume: opts.resume === true,
          ...modelVersions(config.modelsDir),
          progress: (done, total) => bar.update(done, total),
          stdout: (text) => process.stdout.write(text),
          warn: (m) => io.err(`rolefit: ${m}`),
        });
        bar.stop();
        if (opts.out !== '-') io.err(`rolefit: ${JSON.stringify(summary)}`);
      } finally {
        bar.stop();
      }
    });

  program
    .command('worker')
    .description('score batch runs queued on Redis (`batch --queue`, or the service with ROLEFIT_REDIS_URL), in worker threads; run one on each machine')
    .option('--redis <url>', 'the queue\'s Redis (default: ROLEFIT_REDIS_URL)')
    .option('--concurrency <n>', 'worker threads, so résumés scored at once (default: every core)', positiveInt('--concurrency'))
    .action(async (opts: { redis?: string; concurrency?: number }) => {
      const config = loadConfig();
      const redisUrl = opts.redis ?? config.redisUrl;
      if (!redisUrl) throw createError('USAGE', { reason: 'give --redis redis://host:6379, or set ROLEFIT_REDIS_URL' });
      const { startWorker } = await import('../batch/worker.ts');
      const w = await startWorker({ redisUrl, config, ...(opts.concurrency ? { threads: opts.concurrency } : {}), log: (m) => io.err(`rolefit: ${m}`) });
      // SIGTERM (or Ctrl-C): take no more jobs, finish those held, then exit.
      const stop = (): void => {
        io.err('rolefit: worker stopping after its current jobs');
        void w.close();
      };
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
      await w.closed;
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      io.err('rolefit: worker stopped');
    });

  program
    .command('serve')
    .description('start the HTTP service (SQLite by default, PostgreSQL with --pg); seeds the sample postings into an empty store')
    .option('--port <n>', 'port (default 3000, or ROLEFIT_PORT)', (v: string) => Number(v))
    .option('--host <host>', 'address to bind (default 127.0.0.1, or ROLEFIT_HOST)')
    .option('--db <file>', 'SQLite file (default rolefit.db, or ROLEFIT_DB)')
    .option('--pg <url>', 'PostgreSQL URL of a shared store (or ROLEFIT_PG_URL)')
    .option('--no-seed', 'do not store the sample postings when the store is empty')
    .option('--workers <n>', 'service processes sharing the port (default 1, or ROLEFIT_WORKERS)', (v: string) => Number(v))
    .action(async (opts: { port?: number; host?: string; db?: string; pg?: string; seed: boolean; workers?: number }) => {
      const config = loadConfig(undefined, serverOverrides(opts));
      const { default: cluster } = await import('node:cluster');
      if (config.workers > 1 && cluster.isPrimary) {
        const { runPrimary } = await import('../server/cluster.ts');
        await runPrimary(config, { workers: config.workers, seed: opts.seed, log: (line) => io.err(`rolefit: ${line}`) });
        io.err(`rolefit: ${config.workers} workers serving on http://${config.host}:${config.port}`);
      } else {
        const { startServer } = await import('../server/start.ts');
        const { clusterBus } = await import('../server/cluster.ts');
        // A worker's primary has seeded already.
        const s = await startServer(config, { seed: opts.seed && cluster.isPrimary, version: PACKAGE_VERSION, signals: true, ...(cluster.isWorker && !config.pg ? { bus: clusterBus() } : {}) });
        io.err(`rolefit: serving on ${s.address} (docs at ${s.address}/docs)`);
      }
      await new Promise(() => {});
    });
  program
    .command('reindex')
    .description('re-parse stored postings and candidates with the current models (after a model change)')
    .option('--db <file>', 'SQLite file (default rolefit.db, or ROLEFIT_DB)')
    .option('--pg <url>', 'PostgreSQL URL (or ROLEFIT_PG_URL)')
    .option('--all', 'also re-parse documents already parsed with the current models')
    .action(async (opts: { db?: string; pg?: string; all?: boolean }) => {
      const { reindex } = await import('../server/reindex.ts');
      const config = loadConfig(undefined, serverOverrides(opts));
      const r = await reindex(config, getEngine(), { all: opts.all === true });
      io.out(JSON.stringify(r));
    });

  const models = program.command('models').description('build, check and extend the compiled taxonomy models');
  models
    .command('build')
    .description('compile data/taxonomy/ into models/ with a MANIFEST of checksums')
    .option('--taxonomy <dir>', 'taxonomy source folder', DEFAULT_TAXONOMY_DIR)
    .option('--out <dir>', 'models folder', loadConfig().modelsDir)
    .action((opts: { taxonomy: string; out: string }) => {
      const r = buildModels(opts.taxonomy, opts.out);
      for (const w of r.warnings) io.err(`warning: ${w}`);
      const manifest = JSON.parse(r.files['MANIFEST.json']!) as { version: string; counts: { skills: number } };
      io.out(JSON.stringify({ version: manifest.version, skills: manifest.counts.skills, files: Object.keys(r.files), warnings: r.warnings.length }));
    });
  models
    .command('check')
    .description('fail when models/ differs from what the taxonomy sources compile to')
    .option('--taxonomy <dir>', 'taxonomy source folder', DEFAULT_TAXONOMY_DIR)
    .option('--models <dir>', 'models folder', loadConfig().modelsDir)
    .action((opts: { taxonomy: string; models: string }) => {
      const drift = modelDrift(opts.taxonomy, opts.models);
      if (drift.length) {
        io.err(`models/ is out of date (${drift.join(', ')}): run \`rolefit models build\``);
        state.code = 1;
      } else io.out('models/ matches data/taxonomy/');
    });
  models
    .command('import')
    .description('add skills from an ESCO skills CSV or the O*NET "Technology Skills.txt" to data/taxonomy/imported/')
    .option('--esco <csv>', 'an ESCO skills collection CSV (digital or transversal skills)')
    .option('--onet <txt>', "O*NET's Technology Skills.txt")
    .option('--taxonomy <dir>', 'taxonomy source folder', DEFAULT_TAXONOMY_DIR)
    .action((opts: { esco?: string; onet?: string; taxonomy: string }) => {
      if (!opts.esco === !opts.onet) throw createError('USAGE', { reason: 'give exactly one of --esco <csv> or --onet <txt>' });
      const r = opts.esco ? importInto(opts.taxonomy, 'esco', opts.esco) : importInto(opts.taxonomy, 'onet', opts.onet!);
      io.out(JSON.stringify({ added: r.added, skipped: r.skipped, out: r.out }));
      io.err('now run `rolefit models build` to compile the imported skills');
    });
  return program;
}

function serverOverrides(opts: { port?: number; host?: string; db?: string; pg?: string; workers?: number }): Partial<Config> {
  if (opts.port !== undefined && !(Number.isInteger(opts.port) && opts.port >= 0 && opts.port < 65536)) throw createError('USAGE', { reason: '--port must be a port number' });
  if (opts.workers !== undefined && !(Number.isInteger(opts.workers) && opts.workers >= 1 && opts.workers <= 64)) throw createError('USAGE', { reason: '--workers must be a whole number from 1 to 64' });
  return {
    ...(opts.workers !== undefined ? { workers: opts.workers } : {}),
    ...(opts.port !== undefined ? { port: opts.port } : {}),
    ...(opts.host ? { host: opts.host } : {}),
    ...(opts.db ? { db: opts.db } : {}),
    ...(opts.pg ? { pg: opts.pg } : {}),
  };
}

/** Runs the CLI; returns the process exit code. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const state = { code: 0 };
  const program = buildProgram(io, state);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return state.code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (isRolefitError(e)) {
      io.err(`rolefit: ${e.code}: ${e.message}`);
      return e.code === 'USAGE' ? 2 : 1;
    }
    const body = toErrorBody(e);
    io.err(`rolefit: ${body.code}: ${body.message}`);
    return 1;
  }
}
