// Maintainer script: document frequencies of content terms over O*NET's occupation descriptions,
// the neutral background corpus text relevance weighs terms by (common words such as "manag" or
// "work" weigh little, "patient" or "ledger" much). Prints the `df` table of terms.yaml.
//   node --import tsx tools/onet-term-weights.ts <O*NET folder> > /tmp/df.yaml
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentTerms } from '../src/text/terms.ts';

const dir = process.argv[2];
if (!dir) throw new Error('usage: onet-term-weights.ts <O*NET folder>');
const rows = readFileSync(join(dir, 'Occupation Data.txt'), 'utf8').split('\n').slice(1).filter((l) => l.trim());
const df = new Map<string, number>();
for (const row of rows) {
  const [, title, description] = row.split('\t');
  for (const t of contentTerms(`${title ?? ''} ${description ?? ''}`)) df.set(t, (df.get(t) ?? 0) + 1);
}
// Terms in fewer than 3 descriptions are left out: absent terms count as rare.
const kept = [...df].filter(([, n]) => n >= 3).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
console.log(`documents: ${rows.length}`);
console.log('df:');
for (const [t, n] of kept) console.log(`  ${JSON.stringify(t)}: ${n}`);
