#!/usr/bin/env node
// The one test command (npm test): type-check, lint, then vitest; ends with the plain
// "N passed, N failed" line CI reads, since vitest's own summary is not one CI understands.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

const report = '.vitest-report.json';
const extra = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;

function step(name, cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status === 0) passed += 1;
  else { failed += 1; console.error(`check failed: ${name}`); }
}

if (extra.length === 0) {
  step('typecheck', 'npx', ['tsc', '--noEmit']);
  step('lint', 'npx', ['eslint', '.']);
}
rmSync(report, { force: true });
spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra], { stdio: 'inherit' });
try {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0);
  skipped += r.numPendingTests + r.numTodoTests;
  for (const suite of r.testResults ?? []) if (suite.status === 'failed' && suite.assertionResults.length === 0) failed += 1;
} catch {
  failed += 1;
  console.error('vitest produced no report');
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = failed ? 1 : 0;
