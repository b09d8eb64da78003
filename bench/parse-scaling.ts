// Parse time against input size (not a test): `npm run bench:parse`. For each hostile shape (and
// a normal posting and résumé repeated) it parses 100 KB, 1 MB, 3 MB and 10 MB as a posting and as
// a résumé and prints the time and the time per MB, which should stay flat (linear parsing).
//
// Options: --sizes 0.1,1,3,10 (MB)  --only name,name  --kind posting|resume  --budget 60 (seconds:
// a shape whose run took longer skips its larger sizes, so a superlinear build still finishes).

import { readFileSync } from 'node:fs';
import { createEngine } from '../src/engine.ts';

const root = new URL('../', import.meta.url).pathname;
const samplePosting = readFileSync(`${root}data/samples/postings/a01-senior-java-backend.txt`, 'utf8');
const sampleResume = readFileSync(`${root}data/samples/resumes/r01-java-backend-senior.txt`, 'utf8');

/** Each shape is a unit repeated to the wanted size (then a suffix, where given). */
const SHAPES: Array<[name: string, unit: string, suffix?: string]> = [
  ['java-blank-lines', 'Java\n\n'],
  ['requirements-headings', 'Requirements\n'],
  ['dated-lines', 'Engineer at Acme 2011-2014\n'],
  ['one-line-no-newline', 'Experience with Java, Python and AWS is required. '],
  ['mixed-headings', 'REQUIREMENTS\n5+ years of Java\nNice to have:\nGo or Rust\nEXPERIENCE\nSenior Engineer, Acme Corp\nJan 2019 - Present\nEDUCATION\nBSc Computer Science\n'],
  ['bullets', '- 5+ years of Java, Python and SQL; Kafka is a plus\n'],
  ['dates-one-line', 'Jan 2019 - Mar 2020, 2014-2016, since 2018; '],
  ['commas', 'Java, '],
  ['or-lists', 'Java or '],
  ['years-phrases', '5+ years of experience in '],
  ['long-word', 'a'],
  ['parentheses', '('],
  ['nested-parens', '((Java) '],
  ['dots-abbrev', 'e.g. '],
  ['spaces-gaps', 'Java  Python   '],
  ['languages-levels', 'English (native), German B2, fluent French; '],
  ['leadership-lines', 'Led a team of 5 engineers\n'],
  ['education-blocks', 'EDUCATION\nBSc Computer Science, MIT 2010\n'],
  ['language-sections', 'Languages\nEnglish (native)\n'],
  // Ambiguous names ("Go") each confirmed only by the next one, from a technical name at the end.
  ['context-chain', 'Go now ', ' Java'],
  ['addresses', 'jane@example.com https://x.io/a '],
  ['normal-posting', `${samplePosting}\n\n`],
  ['normal-resume', `${sampleResume}\n\n`],
];

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const sizes = (arg('sizes') ?? '0.1,1,3,10').split(',').map(Number);
const only = arg('only')?.split(',');
const kinds = (arg('kind') ? [arg('kind')!] : ['posting', 'resume']) as Array<'posting' | 'resume'>;
const budget = Number(arg('budget') ?? 60) * 1000;
const MB = 1024 * 1024;

function make(unit: string, bytes: number, suffix = ''): string {
  const n = bytes - suffix.length;
  return unit.repeat(Math.max(1, Math.ceil(n / unit.length))).slice(0, n) + suffix;
}

const engine = createEngine();
// Warm up the code paths once.
engine.parsePosting(samplePosting);
engine.parseResume(sampleResume, { asOf: '2026-12' });

const label = (mb: number): string => (mb < 1 ? `${Math.round(mb * 1024)} KB` : `${mb} MB`);
console.log(`kind     shape                  ${sizes.map((s) => label(s).padStart(18)).join('')}`);
console.log(`                                ${sizes.map(() => '      ms    ms/MB'.padStart(18)).join('')}`);
for (const kind of kinds) {
  for (const [name, unit, suffix] of SHAPES) {
    if (only && !only.includes(name)) continue;
    const cells: string[] = [];
    let skip = false;
    for (const mb of sizes) {
      if (skip) { cells.push('skipped'.padStart(18)); continue; }
      const text = make(unit, Math.round(mb * MB), suffix);
      const t0 = performance.now();
      let note = '';
      try {
        if (kind === 'posting') engine.parsePosting(text);
        else engine.parseResume(text, { asOf: '2026-12' });
      } catch (e) {
        note = e instanceof RangeError ? ' (stack)' : ' (error)';
      }
      const ms = performance.now() - t0;
      cells.push(`${ms.toFixed(0).padStart(8)}${(ms / mb).toFixed(0).padStart(9)}${note}`.padStart(18));
      if (ms > budget) skip = true;
    }
    console.log(`${kind.padEnd(9)}${name.padEnd(23)}${cells.join('')}`);
  }
}
