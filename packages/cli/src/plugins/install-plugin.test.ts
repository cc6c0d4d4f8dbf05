import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, readFileSync, readdirSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { NO_MANIFEST, fakeNpm, schedulerSource, writePluginFolder } from '../test-support/plugin-fixtures.js';
import { pierSandbox, type PierSandbox } from '../test-support/pier-in-process.js';

let npm: ReturnType<typeof fakeNpm>;
let sandbox: PierSandbox;
// Every install starts from a root that never had a plugin: the host must provide the peer.
beforeEach(() => {
  npm = fakeNpm();
  sandbox = pierSandbox(npm);
});
afterEach(() => sandbox.dispose());

const prefix = () => join(sandbox.root, 'plugins');
const registry = () => JSON.parse(readFileSync(join(prefix(), 'registry.json'), 'utf8')) as { plugins: { name: string; version: string; enabled: boolean; tarball: string }[] };
const prefixDependencies = () => Object.keys((JSON.parse(readFileSync(join(prefix(), 'package.json'), 'utf8')) as { dependencies?: object }).dependencies ?? {});
const installed = (name: string) => existsSync(join(prefix(), 'node_modules', name));
const tarballs = () => (existsSync(join(prefix(), 'tarballs')) ? readdirSync(join(prefix(), 'tarballs')) : []);
const hostApiManifest = createRequire(import.meta.url).resolve('@pier/plugin-api/package.json');
const hostApi = realpathSync(dirname(hostApiManifest));
const hostApiVersion = (JSON.parse(readFileSync(hostApiManifest, 'utf8')) as { version: string }).version;

describe('plugin:install', () => {
  it('installs a scheduler from a folder, records it, and loads it from then on', async () => {
    writePluginFolder(sandbox.scratch, { name: 'pier-scheduler-k3s', scheduler: 'k3s' });

    const result = await sandbox.pier('plugin:install', './pier-scheduler-k3s');

    expect(result).toEqual({
      exitCode: 0,
      stdout: '-----> Installing pier-scheduler-k3s@1.0.0\n-----> Plugin pier-scheduler-k3s@1.0.0 installed and enabled (scheduler k3s)\n',
      stderr: '',
    });
    expect(registry().plugins).toMatchObject([{ name: 'pier-scheduler-k3s', version: '1.0.0', enabled: true, kind: 'scheduler', scheduler: 'k3s' }]);
    expect(prefixDependencies()).toEqual(['@pier/plugin-api', 'pier-scheduler-k3s']);
    // The plugin imports this pier's own plugin-api, linked into the prefix: no registry needed.
    expect(realpathSync(join(prefix(), 'node_modules', '@pier', 'plugin-api'))).toBe(hostApi);
    expect(npm.calls).toEqual(['pack pier-scheduler-k3s', expect.stringMatching(new RegExp(`^install ${hostApi} \\./tarballs/pier-scheduler-k3s-1\\.0\\.0-[0-9a-f]{8}\\.tgz$`))]);
    await sandbox.pier('apps:create', 'blog');
    expect(await sandbox.pier('scheduler:set', 'blog', 'selected', 'k3s')).toMatchObject({ exitCode: 0, stderr: '' });
  });

  it.each([
    ['another API version', { apiVersion: 2, kind: 'scheduler', scheduler: 'k3s', factory: 'factory' }, 'pier-scheduler-k3s is built for plugin API 2, this pier supports 1'],
    ['a scheduler without a name', { apiVersion: 1, kind: 'scheduler', factory: 'factory' }, 'pier-scheduler-k3s has an invalid "pier" manifest: scheduler: a scheduler manifest must name its scheduler'],
    ['a manifest that is not an object', 'scheduler', 'pier-scheduler-k3s has an invalid "pier" manifest: pier: Invalid input: expected object, received string'],
    ['a package without a manifest', NO_MANIFEST, 'pier-scheduler-k3s is not a Pier plugin: its package.json has no "pier" field'],
  ])('refuses %s with one line, before installing anything', async (_case, pier, message) => {
    writePluginFolder(sandbox.scratch, { name: 'pier-scheduler-k3s', pier });

    const result = await sandbox.pier('plugin:install', './pier-scheduler-k3s');

    expect(result).toEqual({ exitCode: 1, stdout: '', stderr: ` !     ${message}\n` });
    expect(npm.calls).toEqual(['pack pier-scheduler-k3s']);
    expect(existsSync(prefix())).toBe(false);
  });

  it('refuses a scheduler name a built-in scheduler has', async () => {
    writePluginFolder(sandbox.scratch, { name: 'pier-scheduler-other-null', scheduler: 'null' });

    expect(await sandbox.pier('plugin:install', './pier-scheduler-other-null')).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: ' !     pier-scheduler-other-null cannot be installed: scheduler null is already provided by @pier/scheduler-null\n',
    });
  });

  it.each([
    ['a scheduler other than its manifest names', { scheduler: 'mismatch', code: schedulerSource('other', 'pier-scheduler-k3s') }, 'pier-scheduler-k3s registers scheduler other, but its manifest says scheduler mismatch'],
    ['a scheduler while its manifest says kind plugin', { pier: { apiVersion: 1, kind: 'plugin', factory: 'factory' }, code: schedulerSource('other', 'pier-scheduler-k3s') }, 'pier-scheduler-k3s registers scheduler other, but its manifest says it is not a scheduler (kind "plugin")'],
  ])('refuses a package whose code registers %s, and rolls back', async (_case, options, message) => {
    writePluginFolder(sandbox.scratch, { name: 'pier-scheduler-k3s', ...options });

    const result = await sandbox.pier('plugin:install', './pier-scheduler-k3s');

    expect(result).toMatchObject({ exitCode: 1, stderr: ` !     ${message}\n` });
    expect(existsSync(prefix())).toBe(false);
  });

  it('rolls everything back when the plugin throws while registering: a first install leaves no plugins folder', async () => {
    writePluginFolder(sandbox.scratch, { name: 'pier-scheduler-k3s', code: schedulerSource('k3s', 'pier-scheduler-k3s', { throwInRegister: true }) });

    const result = await sandbox.pier('plugin:install', './pier-scheduler-k3s');

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(' !     pier-scheduler-k3s failed to register: register exploded\n');
    expect(npm.calls).toEqual(['pack pier-scheduler-k3s', expect.stringMatching(/^install \S+ \.\/tarballs\/pier-scheduler-k3s-1\.0\.0-[0-9a-f]{8}\.tgz$/)]);
    expect(existsSync(prefix())).toBe(false);
  });

  it('leaves nothing behind when npm fails on a first install', async () => {
    writePluginFolder(sandbox.scratch, { name: 'pier-scheduler-k3s', scheduler: 'k3s' });
    npm.failInstall = 'npm install in /x failed: 404 Not Found - GET https://registry.npmjs.org/left-pad';

    const result = await sandbox.pier('plugin:install', './pier-scheduler-k3s');

    expect(result).toEqual({
      exitCode: 1,
      stdout: '-----> Installing pier-scheduler-k3s@1.0.0\n',
      stderr: ' !     npm install in /x failed: 404 Not Found - GET https://registry.npmjs.org/left-pad\n',
    });
    expect(existsSync(prefix())).toBe(false);
  });

  describe('next to an installed plugin', () => {
    beforeEach(async () => {
      writePluginFolder(sandbox.scratch, { name: 'pier-scheduler-first', scheduler: 'first' });
      expect((await sandbox.pier('plugin:install', './pier-scheduler-first')).exitCode).toBe(0);
      npm.calls.length = 0;
    });
    const state = () => ({ registry: readFileSync(join(prefix(), 'registry.json'), 'utf8'), dependencies: prefixDependencies(), tarballs: tarballs() });

    it('restores the prefix when the new plugin throws while registering', async () => {
      const before = state();
      writePluginFolder(sandbox.scratch, { name: 'pier-scheduler-k3s', code: schedulerSource('k3s', 'pier-scheduler-k3s', { throwInRegister: true }) });

      expect((await sandbox.pier('plugin:install', './pier-scheduler-k3s')).exitCode).toBe(1);

      expect(npm.calls.at(-1)).toBe('install');
      expect(installed('pier-scheduler-k3s')).toBe(false);
      expect(installed('pier-scheduler-first')).toBe(true);
      expect(state()).toEqual(before);
    });

    it('restores the prefix when npm fails', async () => {
      const before = state();
      writePluginFolder(sandbox.scratch, { name: 'pier-scheduler-k3s', scheduler: 'k3s' });
      npm.failInstall = 'npm install in /x failed: ETARGET';

      expect((await sandbox.pier('plugin:install', './pier-scheduler-k3s')).exitCode).toBe(1);

      expect(state()).toEqual(before);
    });
  });

  it.each([
    ['@pier/plugin-api', 'pier provides it to plugins itself'],
    ['zod', 'pier provides it to plugins itself'],
    ['eventemitter3', 'pier provides it to plugins itself'],
    ['@pier/cli', 'pier provides it to plugins itself'],
  ])('refuses to install a package named %s', async (name, reason) => {
    writePluginFolder(sandbox.scratch, { name, scheduler: 'k3s' });

    expect(await sandbox.pier('plugin:install', `./${name.replace('/', '__')}`)).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: ` !     ${name} cannot be installed as a plugin: ${reason}\n`,
    });
    expect(existsSync(prefix())).toBe(false);
  });

  it.each([
    ['^99.0.0', 'pier-scheduler-k3s requires @pier/plugin-api ^99.0.0, this pier has HOST'],
    ['<0.0.1', 'pier-scheduler-k3s requires @pier/plugin-api <0.0.1, this pier has HOST'],
    ['workspace:*', 'pier-scheduler-k3s has an invalid peer range on @pier/plugin-api: "workspace:*"'],
  ])('refuses a peer range on @pier/plugin-api (%s) this pier cannot meet, before npm runs', async (range, message) => {
    writePluginFolder(sandbox.scratch, { name: 'pier-scheduler-k3s', scheduler: 'k3s', peer: range });

    const expected = message.replace('HOST', hostApiVersion);

    expect(await sandbox.pier('plugin:install', './pier-scheduler-k3s')).toEqual({ exitCode: 1, stdout: '', stderr: ` !     ${expected}\n` });
    expect(npm.calls).toEqual(['pack pier-scheduler-k3s']);
    expect(existsSync(prefix())).toBe(false);
  });

  it('clears staging folders an interrupted install left behind', async () => {
    mkdirSync(join(prefix(), '.staging-killed', 'half'), { recursive: true });
    writePluginFolder(sandbox.scratch, { name: 'pier-scheduler-k3s', scheduler: 'k3s' });

    await sandbox.pier('plugin:install', './pier-scheduler-k3s');

    expect(readdirSync(prefix()).filter((entry) => entry.startsWith('.staging-'))).toEqual([]);
  });

  it('upgrades an installed plugin in place and drops the old tarball', async () => {
    writePluginFolder(sandbox.scratch, { name: 'pier-scheduler-k3s', scheduler: 'k3s', version: '1.0.0' });
    await sandbox.pier('plugin:install', './pier-scheduler-k3s');
    writePluginFolder(sandbox.scratch, { name: 'pier-scheduler-k3s', scheduler: 'k3s', version: '1.1.0' });

    const result = await sandbox.pier('plugin:install', './pier-scheduler-k3s');

    expect(result.exitCode).toBe(0);
    expect(registry().plugins.map((p) => `${p.name}@${p.version}`)).toEqual(['pier-scheduler-k3s@1.1.0']);
    expect(tarballs()).toEqual([expect.stringMatching(/^pier-scheduler-k3s-1\.1\.0-/)]);
  });

  it.each([
    [[], 'Please specify a plugin to install (npm spec, tarball or folder)'],
    [['./a.tgz', './b.tgz'], 'Please specify only one plugin to install'],
    [['./missing.tgz'], 'No such file or directory: ./missing.tgz'],
    [['--force-it'], 'unknown flag: --force-it'],
  ])('plugin:install %j → exit 1, one line, nothing changed', async (args, message) => {
    expect(await sandbox.pier('plugin:install', ...args)).toEqual({ exitCode: 1, stdout: '', stderr: ` !     ${message}\n` });
    expect(npm.calls).toEqual([]);
  });
});
