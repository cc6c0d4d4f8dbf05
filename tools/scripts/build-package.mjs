#!/usr/bin/env node
// Builds the package in the current directory: `tsc` writes the .d.ts files, esbuild writes one
// ESM file per entry of the package's `exports` map. One file per package instead of one per
// source file: Node's ESM loader costs ~0.5 ms per module, which decided whether `pier` starts in
// under twice the time of `node -e 0`. Dependencies (including other @pier packages) stay external,
// so each package is still published and loaded on its own, and lazy `import()`s of heavy
// libraries (dockerode, zod) stay lazy.
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
rmSync('dist', { recursive: true, force: true }); // no stale files from an earlier layout
// npm publishes a package folder's LICENSE, never the repository's: every tarball carries the
// licence text its "license" field names. The copy is git-ignored; the root file is the source.
copyFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../LICENSE'), 'LICENSE');
// typescript's exports map hides bin/tsc, so use the workspace's .bin link.
const tsc = join(dirname(fileURLToPath(import.meta.url)), '../../node_modules/.bin/tsc');
execFileSync(tsc, ['-p', 'tsconfig.lib.json', '--emitDeclarationOnly'], { stdio: 'inherit' });

const entries = Object.values(pkg.exports ?? {})
  .map((target) => (typeof target === 'object' ? target.default : undefined))
  .filter((target) => typeof target === 'string' && target.startsWith('./dist/') && target.endsWith('.js'));

await build({
  entryPoints: entries.map((out) => ({ in: out.replace('./dist/', './src/').replace(/\.js$/, '.ts'), out: out.slice(2, -3) })),
  outdir: '.',
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
});
