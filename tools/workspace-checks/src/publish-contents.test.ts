import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { caretSatisfies, pluginApiVersion, pluginManifestProblems } from './plugin-manifests.js';
import { entryFiles, packWorkspacePackages, publishProblems, type PackedPackage } from './publish-contents.js';

const workspaceRoot = fileURLToPath(new URL('../../..', import.meta.url));

// Needs every package built (dist/ is what is published): test-all.sh builds first.
describe('what each package under packages/ would publish', () => {
  const packed = packWorkspacePackages(workspaceRoot);

  it('finds the publishable packages (so the checks below are not vacuous)', () => {
    expect(packed.map((p) => p.name)).toEqual(expect.arrayContaining(['@pier/plugin-api', '@pier/plugin-testkit', '@pier/scheduler-null', '@pier/cli']));
  });

  it.each(packed.map((p) => [p.name, p] as const))('%s publishes only dist (+ package.json, README, LICENSE), with every entry point', (_name, pkg) => {
    expect(publishProblems(pkg)).toEqual([]);
  });

  it.each(packed.map((p) => [p.name, p] as const))('%s follows the plugin contract in its manifest', (_name, pkg) => {
    const contract = JSON.parse(readFileSync(`${workspaceRoot}/packages/plugin-api/package.json`, 'utf8')) as { version: string };
    const manifest = JSON.parse(readFileSync(`${workspaceRoot}/${pkg.dir}/package.json`, 'utf8')) as Parameters<typeof pluginManifestProblems>[0];

    expect(pluginManifestProblems(manifest, pluginApiVersion(workspaceRoot), contract.version)).toEqual([]);
  });
});

describe('the publish checks themselves', () => {
  const pkg = (files: string[], manifest: Partial<PackedPackage['manifest']> = {}): PackedPackage => ({
    name: '@pier/x',
    dir: 'packages/x',
    files,
    manifest: {
      name: '@pier/x',
      files: ['dist'],
      publishConfig: { access: 'public' },
      exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' }, './package.json': './package.json' },
      ...manifest,
    },
  });

  it('lists entry points from exports, main, types and bin', () => {
    expect(entryFiles({ name: 'x', exports: { '.': { types: './a.d.ts', default: './a.js' } }, main: 'm.js', bin: { x: './bin/x.js' } })).toEqual([
      'a.d.ts',
      'a.js',
      'm.js',
      'bin/x.js',
    ]);
  });

  it('accepts dist, package.json, README and LICENSE', () => {
    expect(publishProblems(pkg(['LICENSE', 'README.md', 'dist/index.d.ts', 'dist/index.js', 'package.json']))).toEqual([]);
  });

  it('catches a package that would publish no README or no LICENSE', () => {
    expect(publishProblems(pkg(['dist/index.d.ts', 'dist/index.js', 'package.json']))).toEqual([
      '@pier/x would publish no README.md',
      '@pier/x would publish no LICENSE',
    ]);
  });

  it('catches sources, tests, build info and missing entry points', () => {
    expect(publishProblems(pkg(['LICENSE', 'README.md', 'dist/index.d.ts', 'dist/x.test.d.ts', 'dist/tsconfig.lib.tsbuildinfo', 'package.json', 'src/index.ts']))).toEqual([
      '@pier/x would publish test or build file dist/x.test.d.ts',
      '@pier/x would publish test or build file dist/tsconfig.lib.tsbuildinfo',
      '@pier/x would publish src/index.ts',
      '@pier/x: entry dist/index.js is not in the tarball (built? listed in "files"?)',
    ]);
  });

  it('catches a package without files, exports or public access', () => {
    expect(publishProblems(pkg(['LICENSE', 'README.md', 'package.json'], { files: undefined, exports: undefined, publishConfig: undefined }))).toEqual([
      '@pier/x has no "files" list',
      '@pier/x lacks publishConfig.access "public"',
      '@pier/x has no "exports" map',
    ]);
  });

  it.each([
    ['^0.1.0', '0.1.3', true],
    ['^0.1.0', '0.2.0', false],
    ['^1.2.0', '1.4.0', true],
    ['^1.2.0', '2.0.0', false],
    ['^1.2.3', '1.2.2', false],
    ['>=0.1.0', '0.1.0', false],
  ])('caret range %s with version %s → %s', (range, version, ok) => {
    expect(caretSatisfies(range, version)).toBe(ok);
  });

  it('catches a plugin manifest out of step with the contract', () => {
    const manifest = { name: 'p', pier: { apiVersion: 2 }, peerDependencies: { '@pier/plugin-api': '^0.2.0' }, dependencies: { '@pier/plugin-api': '^0.1.0' } };

    expect(pluginManifestProblems(manifest, 1, '0.1.4')).toEqual([
      'p: "pier".apiVersion is 2, plugin-api implements 1',
      'p: peer @pier/plugin-api "^0.2.0" must be a caret range that 0.1.4 satisfies',
      'p: @pier/plugin-api belongs in peerDependencies, not dependencies',
    ]);
  });
});
