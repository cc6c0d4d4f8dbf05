import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { npmPack, workspaceRoot } from './support/npm-pack.js';
import { pierEnvironment, type PierEnvironment } from './support/pier.js';

// A third-party scheduler end to end: packed from e2e/fixtures into a tarball, installed with
// `pier plugin:install` into a root that never had a plugin, selected for an app and driven
// through deploy, ps:report and ps:stop. The example implements only what its platform can do
// (no imageInfo), which must be enough for `pier deploy`.
let env: PierEnvironment;
let scratch: string;
let exampleTarball: string;
const stateOf = (app: string) =>
  JSON.parse(readFileSync(join(env.root, 'data', 'scheduler-example', `${app}.json`), 'utf8')) as { deploys: number; stops: number; running: boolean };
// npm may not use the network: the plugin's @pier/plugin-api peer must come from this pier.
const offline = { env: { npm_config_offline: 'true' } };

beforeAll(async () => {
  env = pierEnvironment();
  scratch = mkdtempSync(join(tmpdir(), 'pier-e2e-plugins-'));
  exampleTarball = await npmPack(join(workspaceRoot, 'e2e', 'fixtures', 'plugins', 'pier-scheduler-example'), scratch);
}, 120_000);
afterAll(() => {
  env.dispose();
  rmSync(scratch, { recursive: true, force: true });
});

describe('a third-party scheduler from a tarball', () => {
  it('installs with plugin:install, offline, and shows in plugin:list', async () => {
    expect(await env.pier(['plugin:install', exampleTarball], offline)).toEqual({
      exitCode: 0,
      stdout: '-----> Installing pier-scheduler-example@0.1.0\n-----> Plugin pier-scheduler-example@0.1.0 installed and enabled (scheduler example)\n',
      stderr: '',
    });

    const list = await env.pier(['plugin:list']);
    expect(list.stderr).toBe('');
    expect(list.stdout).toMatch(/\npier-scheduler-example +0\.1\.0 +scheduler \(example\) +1 +true +loaded\n$/);
  });

  it('is selectable with scheduler:set', async () => {
    await env.pier(['apps:create', 'demo']);

    expect(await env.pier(['scheduler:set', 'demo', 'selected', 'example'])).toEqual({
      exitCode: 0,
      stdout: '=====> Setting selected to example\n',
      stderr: '',
    });
  });

  it('deploys through it, reading nothing from the image it cannot inspect', async () => {
    const result = await env.pier(['deploy', 'demo', 'example/app:1']);

    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain("The example scheduler does not read images: no Procfile or app.json, web runs the image's own command\n");
    expect(result.stdout).toContain('-----> Deploying demo via the example scheduler...\n');
    expect(result.stdout).toContain('       example scheduler: demo runs web=1\n');
    expect(stateOf('demo')).toMatchObject({ deploys: 1, stops: 0, running: true });
  });

  it('reports the app through it with ps:report', async () => {
    const json = JSON.parse((await env.pier(['ps:report', 'demo', '--format', 'json'])).stdout) as Record<string, string>;

    expect(json).toMatchObject({ deployed: 'true', processes: '1', running: 'true', 'status-web.1': 'running (CID: example-dem)' });
  });

  it('stops the app through it with ps:stop', async () => {
    const result = await env.pier(['ps:stop', 'demo']);

    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    expect(result.stdout).toContain('Stopping demo');
    expect(stateOf('demo')).toMatchObject({ deploys: 1, stops: 1, running: false });
    expect((await env.pier(['ps:report', 'demo', '--running'])).stdout).toBe('false\n');
  });

  it('names the scheduler and the command for a capability it lacks', async () => {
    expect(await env.pier(['ps:inspect', 'demo'])).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: ' !     Scheduler example does not support ps:inspect\n',
    });
  });

  it('stops dispatching to it once disabled, and again once enabled', async () => {
    await env.pier(['plugin:disable', 'pier-scheduler-example']);
    const disabled = await env.pier(['ps:report', 'demo', '--running']);
    await env.pier(['plugin:enable', 'pier-scheduler-example']);

    expect(disabled.exitCode).toBe(1);
    expect(disabled.stderr).toBe(' !     Scheduler example is installed but disabled; enable it with plugin:enable pier-scheduler-example\n');
    expect((await env.pier(['ps:report', 'demo', '--running'])).stdout).toBe('false\n');
  });
});

function pluginFolder(name: string, pier: object, code: string, extra: object = {}): string {
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version: '1.0.0', type: 'module', exports: './index.js', pier, ...extra }));
  writeFileSync(join(dir, 'index.js'), code);
  return dir;
}

describe('plugins that must not be installed', () => {
  const before = () => readFileSync(join(env.root, 'plugins', 'registry.json'), 'utf8');

  it.each([
    [
      'built for another plugin API',
      ['pier-scheduler-future', { apiVersion: 2, kind: 'scheduler', scheduler: 'future', factory: 'f' }, 'export const f = () => 0;'],
      'pier-scheduler-future is built for plugin API 2, this pier supports 1',
    ],
    [
      'with a malformed manifest',
      ['pier-scheduler-odd', { apiVersion: 1, kind: 'runner', factory: 'f' }, 'export const f = () => 0;'],
      'pier-scheduler-odd has an invalid "pier" manifest: kind: Invalid option: expected one of "scheduler"|"plugin"',
    ],
    [
      'that throws while loading',
      ['pier-plugin-throws', { apiVersion: 1, kind: 'plugin', factory: 'f' }, "throw new Error('cannot start');"],
      'pier-plugin-throws failed while loading: cannot start',
    ],
    [
      'whose code registers another scheduler than its manifest names',
      [
        'pier-scheduler-mismatch',
        { apiVersion: 1, kind: 'scheduler', scheduler: 'mismatch', factory: 'f' },
        `import { defineScheduler } from '@pier/plugin-api';
export const f = () => defineScheduler({ name: 'pier-scheduler-mismatch', scheduler: 'other', description: 'x' }, () => ({
  deploy() {}, stop() {}, appStatus: () => ({ processes: 0, running: 'false', containers: [] }), isDeployed: () => false,
}));`,
      ],
      'pier-scheduler-mismatch registers scheduler other, but its manifest says scheduler mismatch',
    ],
    [
      'built against a plugin-api this pier does not have',
      [
        'pier-scheduler-future-api',
        { apiVersion: 1, kind: 'scheduler', scheduler: 'future-api', factory: 'f' },
        'export const f = () => 0;',
        { peerDependencies: { '@pier/plugin-api': '^99.0.0' } },
      ],
      /^pier-scheduler-future-api requires @pier\/plugin-api \^99\.0\.0, this pier has \d+\.\d+\.\d+$/,
    ],
  ] as const)('refuses a plugin %s: one line, no stack trace, nothing changed', async (_case, [name, pier, code, extra], message) => {
    const registry = before();

    const result = await env.pier(['plugin:install', pluginFolder(name, pier, code, extra)], offline);

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^ ! {5}[^\n]*\n$/);
    expect(result.stderr.slice(' !     '.length, -1)).toMatch(message);
    expect(before()).toBe(registry);
    expect((await env.pier(['plugin:list'])).stdout).not.toContain(name);
  });
});

describe('a failed first install', () => {
  it('leaves the state root as it was: no plugins folder', async () => {
    const fresh = pierEnvironment();
    try {
      const folder = pluginFolder('pier-plugin-fails', { apiVersion: 1, kind: 'plugin', factory: 'f' }, "throw new Error('no');");

      const result = await fresh.pier(['plugin:install', folder], offline);

      expect(result).toMatchObject({ exitCode: 1, stderr: ' !     pier-plugin-fails failed while loading: no\n' });
      expect(readdirSync(fresh.root)).toEqual([]);
    } finally {
      fresh.dispose();
    }
  });
});

describe('plugin:uninstall', () => {
  it('removes the scheduler; the app then names what is missing', async () => {
    const result = await env.pier(['plugin:uninstall', 'pier-scheduler-example']);

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('-----> Uninstalling pier-scheduler-example\n-----> Plugin pier-scheduler-example uninstalled\n');
    expect(result.stderr).toBe(' !     Scheduler example is still selected for demo; select another with scheduler:set\n');
    expect((await env.pier(['plugin:list'])).stdout).not.toContain('pier-scheduler-example');
  });
});
