import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ErrorCodes, schedulerAppStatus } from '@pier/plugin-api';
import { createTestIO } from '@pier/plugin-testkit';
import { createHost } from '../host.js';
import { installByHand, schedulerSource, writePluginFolder } from '../test-support/plugin-fixtures.js';
import { pierSandbox, type PierSandbox } from '../test-support/pier-in-process.js';

let sandbox: PierSandbox;
beforeEach(() => {
  sandbox = pierSandbox();
});
afterEach(() => sandbox.dispose());

async function install(name: string, options: Parameters<typeof writePluginFolder>[1] extends infer P ? Partial<P> : never = {}) {
  await installByHand(sandbox.root, writePluginFolder(sandbox.scratch, { name, scheduler: 'k3s', ...options }));
}

describe('loading installed plugins', () => {
  it('touches nothing under the root when no plugin was ever installed', async () => {
    await sandbox.pier('apps:create', 'blog');

    expect(existsSync(join(sandbox.root, 'plugins'))).toBe(false);
  });

  // Under jest, plugin code runs in another realm, so some messages keep an "Error: " prefix.
  it.each([
    ['throws while registering', { code: schedulerSource('k3s', 'pier-scheduler-k3s', { throwInRegister: true }) }, 'register exploded'],
    ['is built for another API version', { pier: { apiVersion: 2, kind: 'scheduler', scheduler: 'k3s', factory: 'factory' } }, 'pier-scheduler-k3s is built for plugin API 2, this pier supports 1'],
    ['does not export its factory', { pier: { apiVersion: 1, kind: 'scheduler', scheduler: 'k3s', factory: 'missing' } }, 'pier-scheduler-k3s does not export the factory "missing" its manifest names'],
    ['registers a scheduler its manifest does not name', { code: schedulerSource('other', 'pier-scheduler-k3s') }, 'pier-scheduler-k3s registers scheduler other, but its manifest says scheduler k3s'],
    ['fails to import', { code: "import 'no-such-package';\n" }, expect.stringMatching(/^pier-scheduler-k3s failed while loading: (Error: )?Cannot find (module|package) .no-such-package/)],
  ])('skips a plugin that %s: one line naming it, other commands unaffected', async (_case, options, reason) => {
    await install('pier-scheduler-k3s', options);

    const result = await sandbox.pier('apps:create', 'blog');

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('-----> Creating blog...\n');
    const lines = result.stderr.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toEqual(typeof reason === 'string' ? ` !     Plugin pier-scheduler-k3s could not be loaded and is skipped: ${reason}` : expect.any(String));
    if (typeof reason !== 'string') expect(lines[0]!.replace(/^ ! {5}Plugin pier-scheduler-k3s could not be loaded and is skipped: /, '')).toEqual(reason);
  });

  it('leaves none of a broken plugin’s handlers behind and lists it as broken', async () => {
    await install('pier-scheduler-k3s', { code: schedulerSource('k3s', 'pier-scheduler-k3s', { throwInRegister: true }) });
    await sandbox.pier('apps:create', 'blog');

    const selected = await sandbox.pier('scheduler:set', 'blog', 'selected', 'k3s');
    const list = await sandbox.pier('plugin:list');

    expect(selected.exitCode).toBe(1);
    expect(selected.stderr).toMatch(/ !     Scheduler k3s could not be loaded \(pier-scheduler-k3s: register exploded\); reinstall it with plugin:install\n$/);
    expect(list.stdout).toMatch(/\npier-scheduler-k3s +1\.0\.0 +scheduler \(k3s\) +1 +true +broken: register exploded\n$/);
  });

  it('refuses a plugin that claims a built-in command, keeping the built-in', async () => {
    const code = `import { definePlugin, registerCommands } from '@pier/plugin-api';
export const factory = () => definePlugin({ name: 'pier-plugin-greedy', register(context) {
  registerCommands(context, { topic: 'greedy', description: 'x', commands: { 'apps:create': { usage: 'x', description: 'x', run: () => undefined } } });
} });\n`;
    await install('pier-plugin-greedy', { code, pier: { apiVersion: 1, kind: 'plugin', factory: 'factory' } });

    const result = await sandbox.pier('apps:create', 'blog');

    expect(result.stdout).toBe('-----> Creating blog...\n');
    expect(result.stderr).toBe(
      ' !     Plugin pier-plugin-greedy could not be loaded and is skipped: pier-plugin-greedy cannot handle command:run for "apps:create": @pier/apps already does\n',
    );
    expect((await sandbox.pier('help')).stdout).not.toContain('greedy');
  });

  it('reports a plugin whose files are gone', async () => {
    await install('pier-scheduler-k3s');
    const { rmSync } = await import('node:fs');
    rmSync(join(sandbox.root, 'plugins', 'node_modules', 'pier-scheduler-k3s'), { recursive: true });

    expect((await sandbox.pier('apps')).stderr).toMatch(
      /^ ! {5}Plugin pier-scheduler-k3s could not be loaded and is skipped: pier-scheduler-k3s is missing from .*\/plugins \((Error: )?ENOENT.*\); reinstall it with plugin:install\n/,
    );
  });

  it('carries on without third-party plugins when the registry is corrupt, and refuses to change it', async () => {
    mkdirSync(join(sandbox.root, 'plugins'), { recursive: true });
    writeFileSync(join(sandbox.root, 'plugins', 'registry.json'), '{ not json');
    writePluginFolder(sandbox.scratch, { name: 'pier-scheduler-k3s' });

    const unrelated = await sandbox.pier('apps:create', 'blog');
    const install = await sandbox.pier('plugin:install', './pier-scheduler-k3s');

    expect(unrelated.exitCode).toBe(0);
    expect(unrelated.stderr).toMatch(/^ ! {5}The plugin registry .*registry\.json is corrupt \(.*\); fix or remove it; continuing without third-party plugins\n$/);
    expect(install.exitCode).toBe(1);
    expect(install.stderr.split('\n').at(-2)).toMatch(/^ ! {5}The plugin registry .* is corrupt \(.*\); fix or remove it$/);
  });

  it('validates what an installed scheduler returns: a malformed answer names the plugin', async () => {
    const code = schedulerSource('k3s', 'pier-scheduler-k3s').replace("appStatus: () => ({ processes: 1, running: 'true', containers: [] })", "appStatus: () => ({ processes: -1, running: 'yes' })");
    await install('pier-scheduler-k3s', { code });
    const host = await createHost({ root: sandbox.root, env: {}, io: createTestIO(), quiet: false, trace: false });

    const attempt = host.bus.keyed(schedulerAppStatus, 'k3s', { app: 'blog' });

    await expect(attempt).rejects.toMatchObject({
      code: ErrorCodes.TRIGGER_CONTRACT,
      message: expect.stringMatching(/^\[plugin pier-scheduler-k3s\] scheduler:app-status: invalid output: processes: .*; running: .*; containers: /),
    });
  });
});
