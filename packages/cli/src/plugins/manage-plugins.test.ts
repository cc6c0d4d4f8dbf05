import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fakeNpm, schedulerSource, seedPluginsPrefix, writePluginFolder } from '../test-support/plugin-fixtures.js';
import { pierSandbox, type PierSandbox } from '../test-support/pier-in-process.js';

let npm: ReturnType<typeof fakeNpm>;
let sandbox: PierSandbox;
beforeEach(async () => {
  npm = fakeNpm();
  sandbox = pierSandbox(npm);
  seedPluginsPrefix(sandbox.root);
  writePluginFolder(sandbox.scratch, { name: '@acme/pier-scheduler-k3s', scheduler: 'k3s' });
  expect((await sandbox.pier('plugin:install', './@acme__pier-scheduler-k3s')).exitCode).toBe(0);
  npm.calls.length = 0;
});
afterEach(() => sandbox.dispose());

// Read, not written down: a release bumps it, and the row must still match.
const nullVersion = (createRequire(import.meta.url)('@pier/scheduler-null/package.json') as { version: string }).version;
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const prefix = () => join(sandbox.root, 'plugins');
const registryText = () => readFileSync(join(prefix(), 'registry.json'), 'utf8');
const listLine = async (name: string) => (await sandbox.pier('plugin:list')).stdout.split('\n').find((l) => l.startsWith(name));

describe('plugin:list', () => {
  it('lists built-in and installed plugins with version, kind, API version, enabled and status', async () => {
    const result = await sandbox.pier('plugin:list');

    expect(result.exitCode).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME +VERSION +KIND +API +ENABLED +STATUS$/);
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^@pier/scheduler-null +${escaped(nullVersion)} +scheduler \\(null\\) +1 +true +builtin$`)));
    expect(lines.at(-1)).toMatch(/^@acme\/pier-scheduler-k3s +1\.0\.0 +scheduler \(k3s\) +1 +true +loaded$/);
  });

  it('prints JSON with --format json', async () => {
    const rows = JSON.parse((await sandbox.pier('plugin:list', '--format', 'json')).stdout) as object[];

    expect(rows.at(-1)).toEqual({
      name: '@acme/pier-scheduler-k3s',
      version: '1.0.0',
      kind: 'scheduler',
      scheduler: 'k3s',
      apiVersion: 1,
      enabled: true,
      builtin: false,
      status: 'loaded',
    });
  });

  it('refuses an argument, as other commands word it', async () => {
    expect(await sandbox.pier('plugin:list', 'foo')).toEqual({ exitCode: 1, stdout: '', stderr: ' !     Unexpected argument foo\n' });
  });

  it('rejects an unknown format', async () => {
    expect(await sandbox.pier('plugin:list', '--format', 'yaml')).toEqual({ exitCode: 1, stdout: '', stderr: ' !     Invalid --format value specified\n' });
  });
});

describe('plugin:disable and plugin:enable', () => {
  it('disables a plugin without uninstalling it, and enables it again', async () => {
    expect(await sandbox.pier('plugin:disable', '@acme/pier-scheduler-k3s')).toEqual({
      exitCode: 0,
      stdout: '-----> Plugin @acme/pier-scheduler-k3s disabled\n',
      stderr: '',
    });
    expect(await listLine('@acme')).toMatch(/ false +disabled$/);
    await sandbox.pier('apps:create', 'blog');
    expect(await sandbox.pier('scheduler:set', 'blog', 'selected', 'k3s')).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: ' !     Scheduler k3s is installed but disabled; enable it with plugin:enable @acme/pier-scheduler-k3s\n',
    });

    expect((await sandbox.pier('plugin:enable', '@acme/pier-scheduler-k3s')).stdout).toBe('-----> Plugin @acme/pier-scheduler-k3s enabled\n');
    expect(await listLine('@acme')).toMatch(/ true +loaded$/);
    expect((await sandbox.pier('plugin:enable', '@acme/pier-scheduler-k3s')).stdout).toBe('-----> Plugin @acme/pier-scheduler-k3s is already enabled\n');
  });

  it('names the disabled plugin when a command needs its scheduler', async () => {
    await sandbox.pier('apps:create', 'blog');
    await sandbox.pier('scheduler:set', 'blog', 'selected', 'k3s');
    await sandbox.pier('plugin:disable', '@acme/pier-scheduler-k3s');

    expect(await sandbox.pier('ps:stop', 'blog')).toMatchObject({
      exitCode: 1,
      stderr: ' !     Scheduler k3s is installed but disabled; enable it with plugin:enable @acme/pier-scheduler-k3s\n',
    });
  });

  it('names the disabled plugin in the warning of an --all run too, as a single-app command does', async () => {
    await sandbox.pier('apps:create', 'blog');
    await sandbox.pier('scheduler:set', 'blog', 'selected', 'k3s');
    await sandbox.pier('plugin:disable', '@acme/pier-scheduler-k3s');

    const result = await sandbox.pier('ps:stop', '--all');

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(
      ' !     Error running stop against app blog: Scheduler k3s is installed but disabled; enable it with plugin:enable @acme/pier-scheduler-k3s\n',
    );
  });

  it('warns when a disabled scheduler is still selected', async () => {
    await sandbox.pier('apps:create', 'blog');
    await sandbox.pier('scheduler:set', 'blog', 'selected', 'k3s');

    const result = await sandbox.pier('plugin:disable', '@acme/pier-scheduler-k3s');

    expect(result.stderr).toBe(' !     Scheduler k3s is still selected for blog; select another with scheduler:set\n');
  });

  it('refuses to enable a plugin that no longer loads, and leaves it disabled', async () => {
    await sandbox.pier('plugin:disable', '@acme/pier-scheduler-k3s');
    const entry = join(prefix(), 'node_modules', '@acme', 'pier-scheduler-k3s', 'package.json');
    const pkg = JSON.parse(readFileSync(entry, 'utf8')) as { pier: { apiVersion: number } };
    pkg.pier.apiVersion = 2;
    (await import('node:fs')).writeFileSync(entry, JSON.stringify(pkg));
    const before = registryText();

    expect(await sandbox.pier('plugin:enable', '@acme/pier-scheduler-k3s')).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: ' !     @acme/pier-scheduler-k3s is built for plugin API 2, this pier supports 1\n',
    });
    expect(registryText()).toBe(before);
  });

  it.each([
    ['plugin:enable', ['nope'], 'Plugin nope is not installed'],
    ['plugin:disable', [], 'Please specify a plugin name'],
    ['plugin:disable', ['@pier/scheduler-null'], '@pier/scheduler-null is built into pier and cannot be changed with plugin commands'],
    ['plugin:enable', ['a', 'b'], 'Please specify only one plugin name'],
  ])('%s %j → exit 1, one line, registry unchanged', async (command, args, message) => {
    const before = registryText();

    expect(await sandbox.pier(command, ...args)).toEqual({ exitCode: 1, stdout: '', stderr: ` !     ${message}\n` });
    expect(registryText()).toBe(before);
  });
});

describe('plugin:uninstall', () => {
  it('removes the plugin from the registry, the prefix and the tarballs', async () => {
    const result = await sandbox.pier('plugin:uninstall', '@acme/pier-scheduler-k3s');

    expect(result).toEqual({
      exitCode: 0,
      stdout: '-----> Uninstalling @acme/pier-scheduler-k3s\n-----> Plugin @acme/pier-scheduler-k3s uninstalled\n',
      stderr: '',
    });
    expect(JSON.parse(registryText())).toEqual({ version: 1, plugins: [] });
    expect(npm.calls).toEqual(['uninstall @acme/pier-scheduler-k3s']);
    expect(existsSync(join(prefix(), 'node_modules', '@acme', 'pier-scheduler-k3s'))).toBe(false);
    expect(readdirSync(join(prefix(), 'tarballs'))).toEqual([]);
  });

  it('refuses an unknown plugin and changes nothing', async () => {
    const before = registryText();

    expect(await sandbox.pier('plugin:uninstall', 'pier-scheduler-nope')).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: ' !     Plugin pier-scheduler-nope is not installed\n',
    });
    expect(registryText()).toBe(before);
    expect(npm.calls).toEqual([]);
  });
});

describe('a plugin that throws', () => {
  it('in app:post-create: apps:create fails naming it and leaves no half-created app', async () => {
    const code = `import { appPostCreate, definePlugin } from '@pier/plugin-api';
export const factory = () => definePlugin({ name: 'pier-plugin-notify-throws', register({ bus }) {
  bus.tap(appPostCreate, () => { throw new Error('post-create exploded'); });
} });\n`;
    writePluginFolder(sandbox.scratch, { name: 'pier-plugin-notify-throws', code, pier: { apiVersion: 1, kind: 'plugin', factory: 'factory' } });
    expect((await sandbox.pier('plugin:install', './pier-plugin-notify-throws')).exitCode).toBe(0);

    const result = await sandbox.pier('apps:create', 'zz');

    expect(result).toMatchObject({ exitCode: 1, stderr: ' !     [plugin pier-plugin-notify-throws] app:post-create: post-create exploded\n' });
    expect((await sandbox.pier('apps:exists', 'zz')).exitCode).toBe(20);
    expect(existsSync(join(sandbox.root, 'apps', 'zz'))).toBe(false);
    expect(existsSync(join(sandbox.root, 'config', 'apps', 'zz'))).toBe(false);
  });

  it('is reported by name when a trigger fails, and the app is left as it was', async () => {
    writePluginFolder(sandbox.scratch, { name: 'pier-scheduler-flaky', scheduler: 'flaky', code: schedulerSource('flaky', 'pier-scheduler-flaky', { throwInStop: true }) });
    expect((await sandbox.pier('plugin:install', './pier-scheduler-flaky')).exitCode).toBe(0);
    await sandbox.pier('apps:create', 'blog');
    await sandbox.pier('scheduler:set', 'blog', 'selected', 'flaky');

    const result = await sandbox.pier('apps:destroy', 'blog', '--force');

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(' !     [plugin pier-scheduler-flaky] scheduler:stop: stop exploded\n');
    expect((await sandbox.pier('apps:exists', 'blog')).exitCode).toBe(0);
    expect((await sandbox.pier('scheduler:report', 'blog', '--scheduler-selected')).stdout).toBe('flaky\n');
  });
});
