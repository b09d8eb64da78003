#!/usr/bin/env node
/* global process */
// Runs the TypeScript CLI straight from src/ (tsx), so a fresh clone needs no build step.
import { register } from 'tsx/esm/api';
register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
