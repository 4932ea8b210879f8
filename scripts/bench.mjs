#!/usr/bin/env node
// `npm run bench -- <name>`: builds the server and runs bench/<name>.bench.ts from dist/.
// Each benchmark prints its figures and, last, one JSON line with the ratio it is judged on.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const name = process.argv[2];
const available = fs
  .readdirSync(new URL('../bench/', import.meta.url))
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace('.bench.ts', ''));
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <name>   (one of: ${available.join(', ')})`);
  process.exit(2);
}
const build = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const run = spawnSync(process.execPath, [`dist/bench/${name}.bench.js`, ...process.argv.slice(3)], {
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
