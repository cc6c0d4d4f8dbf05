import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolvePluginSource } from './plugin-source.js';

const cwd = mkdtempSync(join(tmpdir(), 'pier-source-'));
mkdirSync(join(cwd, 'plugin'));
writeFileSync(join(cwd, 'plugin', 'package.json'), '{}');
mkdirSync(join(cwd, 'empty'));
mkdirSync(join(cwd, 'badjson'));
writeFileSync(join(cwd, 'badjson', 'package.json'), '{ "name": ');
writeFileSync(join(cwd, 'x-1.0.0.tgz'), '');
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe('resolvePluginSource', () => {
  it.each([
    ['./plugin', { kind: 'folder', spec: join(cwd, 'plugin') }],
    [`file:${join(cwd, 'plugin')}`, { kind: 'folder', spec: join(cwd, 'plugin') }],
    ['x-1.0.0.tgz', { kind: 'tarball', spec: join(cwd, 'x-1.0.0.tgz') }],
    ['pier-scheduler-k3s@^1.2.0', { kind: 'npm', spec: 'pier-scheduler-k3s@^1.2.0' }],
    ['@acme/pier-scheduler-k3s', { kind: 'npm', spec: '@acme/pier-scheduler-k3s' }],
  ])('%s', (spec, expected) => {
    expect(resolvePluginSource(spec, cwd)).toEqual(expected);
  });

  it.each([
    ['./missing', 'No such file or directory: ./missing'],
    ['./empty', './empty is not a package folder: it has no package.json'],
    ['--global', 'unknown flag: --global'],
    ['./badjson', /^\.\/badjson has an invalid package\.json: (SyntaxError: )?Unexpected end of JSON input$/],
  ])('%s is bad input', (spec, message) => {
    expect(() => resolvePluginSource(spec, cwd)).toThrow(message);
  });
});
