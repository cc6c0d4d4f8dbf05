import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { boundaryViolations, readPackage, workspacePackages } from './boundaries.js';

const workspaceRoot = fileURLToPath(new URL('../../..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'pier-boundaries-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function fakePackage(name: string, tag: string, deps: Record<string, string>, source: string) {
  const dir = join(scratch, name.replace('@pier/', ''));
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, nx: { tags: [tag] }, dependencies: deps }));
  writeFileSync(join(dir, 'src', 'index.ts'), source);
  return readPackage(dir);
}

describe('package boundaries of this workspace', () => {
  const packages = workspacePackages(workspaceRoot);

  it('finds the packages (so the check below is not vacuous)', () => {
    expect(packages.map((p) => p.name)).toEqual(
      expect.arrayContaining(['@pier/plugin-api', '@pier/cli', '@pier/scheduler-docker-local', '@pier/scheduler-null']),
    );
  });

  it.each(packages.map((p) => [p.name, p] as const))('%s follows the dependency rule', (_name, pkg) => {
    expect(boundaryViolations(pkg)).toEqual([]);
  });

  it('plugin-api depends on nothing internal', () => {
    const contract = packages.find((p) => p.name === '@pier/plugin-api');
    expect(contract?.type).toBe('type:contract');
    expect(contract?.declared).toEqual([]);
  });
});

describe('the boundary check itself', () => {
  it('catches a plugin that imports another plugin', () => {
    const pkg = fakePackage('@pier/bad-plugin', 'type:plugin', { '@pier/plugin-api': '^0.1.0' }, "import { apps } from '@pier/apps';\n");

    expect(boundaryViolations(pkg)).toEqual(['@pier/bad-plugin (type:plugin) imports @pier/apps in src/index.ts']);
  });

  it('catches a contract that declares an internal dependency', () => {
    const pkg = fakePackage('@pier/bad-contract', 'type:contract', { '@pier/report': '^0.1.0' }, 'export {};\n');

    expect(boundaryViolations(pkg)).toEqual(['@pier/bad-contract (type:contract) declares a dependency on @pier/report']);
  });

  it('catches a dynamic import of an undeclared package and an untagged package', () => {
    const dynamic = fakePackage('@pier/lazy', 'type:plugin', {}, "await import('@pier/plugin-api');\n");
    const untagged = fakePackage('@pier/untagged', 'misc', {}, '');

    expect(boundaryViolations(dynamic)).toEqual(['@pier/lazy imports undeclared @pier/plugin-api in src/index.ts']);
    expect(boundaryViolations(untagged)).toEqual(['@pier/untagged: unknown or missing nx tag "untagged"']);
  });
});
