#!/usr/bin/env node
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
// Runs one TypeScript file (a benchmark script) through tsx.
import { register } from 'tsx/esm/api';

const [file] = process.argv.splice(2, 1);
if (!file) {
  console.error('usage: run-ts <file.ts> [args…]');
  process.exit(2);
}
register();
await import(pathToFileURL(resolve(file)).href);
