import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { noEngine, pierEnvironment, type PierEnvironment } from './support/pier.js';

// The findings of the Dokku conformance audit (issue 2) that need no Docker engine: what Dokku
// prints for global flags, help, report argument order and app locks, and "changes nothing" when
// the engine cannot be reached. Commands that would reach Docker get an engine that is not there.
let env: PierEnvironment;
beforeAll(() => {
  env = pierEnvironment();
});
afterAll(() => env.dispose());

const engineError = /^ ! {5}Cannot reach the Docker engine at unix:\/\/.*pier-e2e-no-engine\.sock: .*\n$/;

/** Every file and directory under PIER_ROOT with its content, to prove a failed command changed nothing. */
function stateTree(): Record<string, string> {
  const tree: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        tree[`${relative(env.root, path)}/`] = '';
        walk(path);
      } else tree[relative(env.root, path)] = readFileSync(path, 'utf8');
    }
  };
  if (existsSync(env.root)) walk(env.root);
  return tree;
}

const header = 'Usage: pier [--quiet|--trace|--force] COMMAND <app> [command-specific-options]\n';

describe('before any app exists', () => {
  it('a report with a bad format only warns, as Dokku checks apps before the format', async () => {
    expect(await env.pier(['scheduler:report', '--format', 'yaml'])).toEqual({
      exitCode: 0,
      stdout: '',
      stderr: " !     You haven't deployed any applications yet\n",
    });
  });

  it('refuses an app name longer than 63 characters up front, creating nothing', async () => {
    const result = await env.pier(['apps:create', 'a'.repeat(300)]);

    expect(result).toEqual({ exitCode: 1, stdout: '', stderr: ' !     App name must be at most 63 characters long\n' });
    expect(stateTree()).toEqual({});
  });
});

describe('global flags and help', () => {
  beforeAll(async () => {
    await env.pier(['apps:create', 'node-js-app']);
  });

  it('skips unknown leading --flags, as Dokku does', async () => {
    const help = await env.pier(['help']);

    expect(help.stdout.startsWith(header)).toBe(true);
    expect(await env.pier(['--bogus', '--rm', 'help'])).toEqual(help);
  });

  it('--quiet drops the help header', async () => {
    const quiet = await env.pier(['--quiet', 'help']);

    expect(quiet.exitCode).toBe(0);
    expect(quiet.stdout).toMatch(/^ {4}apps +Manage apps\n/);
  });

  it('help --all lists the lock commands and ends with the (empty) community section', async () => {
    const all = (await env.pier(['help', '--all'])).stdout;

    expect(all).toMatch(/\n {4}apps:lock <app> +Locks an app for deployment\n/);
    expect(all).toMatch(/\n {4}apps:unlock <app> +Unlocks an app for deployment\n/);
    expect(all.endsWith('\n\nCommunity plugin commands:\n\n')).toBe(true);
  });

  it('an empty --app inserts nothing: the report covers every app', async () => {
    expect(await env.pier(['--app=', 'scheduler:report', '--scheduler-computed-selected'])).toEqual({
      exitCode: 0,
      stdout: 'docker-local\n',
      stderr: '',
    });
  });

  it('the unknown-command message of a known topic shows the app --app inserted', async () => {
    expect((await env.pier(['--app', 'node-js-app', 'scheduler:bogus', 'x'])).stderr).toBe(
      ' !     `scheduler:bogus node-js-app x` is not a pier command.\n !     See `pier help` for a list of available commands.\n',
    );
  });
});

describe('with the Docker engine unreachable', () => {
  it('apps:rename fails with one line and changes nothing', async () => {
    await env.pier(['scheduler:set', 'node-js-app', 'selected', 'docker-local']);
    await env.pier(['scheduler-docker-local:set', 'node-js-app', 'init-process', 'false']);
    const before = stateTree();

    const result = await env.pier(['apps:rename', '--skip-deploy', 'node-js-app', 'njs'], { env: noEngine });

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(engineError);
    // Nothing was destroyed, so nothing says so (Pier prints it once the old app is stopped).
    expect(result.stdout).not.toContain('Destroying');
    expect(stateTree()).toEqual(before);
    expect((await env.pier(['apps:list'])).stdout).toBe('=====> My Apps\nnode-js-app\n');
  });

  it('pier report <app> <flag> asks only the section that owns the flag', async () => {
    expect(await env.pier(['report', 'node-js-app', '--app-dir'], { env: noEngine })).toEqual({
      exitCode: 0,
      stdout: `${join(env.root, 'apps', 'node-js-app')}\n`,
      stderr: '',
    });
    expect((await env.pier(['report', 'node-js-app', '--scheduler-selected'], { env: noEngine })).stdout).toBe('docker-local\n');
  });

  it('pier report <app> prints the sections before the one that fails, then one line', async () => {
    const result = await env.pier(['report', 'node-js-app'], { env: noEngine });

    expect(result.exitCode).toBe(1);
    expect(result.stdout.match(/^=====> .*$/gm)).toEqual(['=====> node-js-app app information', '=====> node-js-app checks information']);
    expect(result.stderr).toMatch(engineError);
  });
});

describe('apps:lock, apps:locked, apps:unlock', () => {
  it('lock, check and unlock with Dokku’s messages and exit statuses', async () => {
    expect(await env.pier(['apps:locked', 'node-js-app'])).toEqual({ exitCode: 1, stdout: '', stderr: ' !     Deploy lock does not exist\n' });
    expect(await env.pier(['apps:lock', 'node-js-app'])).toEqual({ exitCode: 0, stdout: '-----> Deploy lock created\n', stderr: '' });
    expect(existsSync(join(env.root, 'apps', 'node-js-app', '.deploy.lock'))).toBe(true);
    expect(await env.pier(['apps:locked', 'node-js-app'])).toEqual({ exitCode: 0, stdout: 'Deploy lock exists\n', stderr: '' });
    expect((await env.pier(['apps:report', 'node-js-app', '--app-locked'])).stdout).toBe('true\n');
  });

  it('a locked app refuses deploys and the other commands that change it, before anything else happens', async () => {
    const refused = {
      exitCode: 1,
      stdout: '',
      stderr: " !     node-js-app currently has a deploy lock in place. Exiting...\n !     Run 'apps:unlock' to release the existing deploy lock\n",
    };
    const before = stateTree();

    expect(await env.pier(['deploy', 'node-js-app', 'some-image:1'], { env: noEngine })).toEqual(refused);
    expect(await env.pier(['ps:scale', 'node-js-app', 'web=2'], { env: noEngine })).toEqual(refused);
    expect(await env.pier(['apps:rename', 'node-js-app', 'njs'], { env: noEngine })).toEqual(refused);
    expect(stateTree()).toEqual(before);
  });

  it('unlock warns as Dokku does, then the app is unlocked; unlocking again fails', async () => {
    expect(await env.pier(['apps:unlock', 'node-js-app'])).toEqual({
      exitCode: 0,
      stdout: '-----> Deploy lock removed\n',
      stderr: ' !     A deploy may be in progress.\n !     Removing the app lock will not stop in progress deploys.\n',
    });
    expect((await env.pier(['apps:report', 'node-js-app', '--app-locked'])).stdout).toBe('false\n');
    expect(await env.pier(['apps:unlock', 'node-js-app'])).toEqual({ exitCode: 1, stdout: '', stderr: ' !     Unable to remove deploy lock\n' });
  });

  it('apps:destroy removes a locked app, naming a scheduler that is not installed once', async () => {
    await env.pier(['apps:lock', 'node-js-app']);
    // A selection carried over from Dokku, for a scheduler this Pier does not have.
    writeFileSync(join(env.root, 'config', 'scheduler', 'node-js-app', 'selected'), 'k3s', { mode: 0o600 });

    const result = await env.pier(['--force', 'apps:destroy', 'node-js-app']);

    expect(result).toEqual({
      exitCode: 0,
      stdout: '-----> Destroying node-js-app (including all add-ons)\n-----> Cleaning up...\n-----> Retiring old containers and images\n',
      stderr: ' !     Scheduler k3s is not installed; installed schedulers: docker-local, docker-swarm, null; skipping its cleanup\n',
    });
    expect((await env.pier(['apps:exists', 'node-js-app'])).exitCode).toBe(20);
  });
});
