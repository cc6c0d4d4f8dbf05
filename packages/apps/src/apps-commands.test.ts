import { afterEach, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ErrorCodes, PierError, appPostClone, appPostCreate, appPostDelete, commandHelp, definePlugin, propertySet } from '@pier/plugin-api';
import {
  createTestHost,
  fixedSchedulerSelection,
  recordingScheduler,
  type RecordingScheduler,
  type TestHost,
} from '@pier/plugin-testkit';
import { apps } from './plugin.js';

let host: TestHost;
let scheduler: RecordingScheduler;
let events: string[];

afterEach(() => host.dispose());

const eventLog = () =>
  definePlugin({
    name: 'event-log',
    register({ bus }) {
      bus.tap(appPostCreate, ({ app }) => void events.push(`post-create ${app}`));
      bus.tap(appPostDelete, ({ app }) => void events.push(`post-delete ${app}`));
    },
  });

async function setup(options: { stdin?: string; quiet?: boolean; selected?: string; stop?: () => void; postDelete?: () => void } = {}) {
  events = [];
  scheduler = recordingScheduler('docker-local', {
    postDelete: options.postDelete ?? (() => undefined),
    retire: () => undefined,
    ...(options.stop ? { stop: options.stop } : {}),
  });
  host = await createTestHost({
    plugins: [apps(), fixedSchedulerSelection(options.selected ?? 'docker-local'), scheduler.plugin, eventLog()],
    fakeApps: false,
    ...options,
  });
}

describe('apps:create', () => {
  it('creates the app directory and fires post-create', async () => {
    await setup();

    const result = await host.run('apps:create', 'blog');

    expect(result).toEqual({ exitCode: 0, stdout: '-----> Creating blog...\n', stderr: '' });
    expect(existsSync(join(host.root, 'apps', 'blog'))).toBe(true);
    expect(events).toEqual(['post-create blog']);
  });

  it.each([
    ['no name', [], 'Please specify an app to run the command on'],
    ['an uppercase name', ['Blog'], 'App name must begin with lowercase alphanumeric character, and may only contain lowercase alphanumerics, dots, and hyphens'],
    ['an underscore', ['my_app'], 'App name must begin with lowercase alphanumeric character, and may only contain lowercase alphanumerics, dots, and hyphens'],
    ['a path', ['../etc'], 'App name must begin with lowercase alphanumeric character, and may only contain lowercase alphanumerics, dots, and hyphens'],
    ['a name longer than 63 characters', ['a'.repeat(64)], 'App name must be at most 63 characters long'],
  ])('rejects %s with one line and exit 1', async (_name, args, message) => {
    await setup();

    const result = await host.run('apps:create', ...args);

    expect(result).toEqual({ exitCode: 1, stdout: '', stderr: ` !     ${message}\n` });
    expect(existsSync(join(host.root, 'apps'))).toBe(false);
  });

  it('refuses a taken name', async () => {
    await setup();
    await host.run('apps:create', 'blog');

    expect(await host.run('apps:create', 'blog')).toEqual({ exitCode: 1, stdout: '', stderr: ' !     Name is already taken\n' });
  });

  it('suppresses the Creating line with --quiet', async () => {
    await setup({ quiet: true });

    expect((await host.run('apps:create', 'blog')).stdout).toBe('');
  });
});

describe('apps:list and apps:exists', () => {
  it('lists apps sorted under a header', async () => {
    await setup();
    await host.run('apps:create', 'shop');
    await host.run('apps:create', 'blog');
    mkdirSync(join(host.root, 'apps', '.hidden'));

    expect(await host.run('apps:list')).toEqual({ exitCode: 0, stdout: '=====> My Apps\nblog\nshop\n', stderr: '' });
    expect((await host.run('apps')).stdout).toBe('=====> My Apps\nblog\nshop\n');
  });

  it('warns when there are no apps', async () => {
    await setup();

    expect(await host.run('apps:list')).toEqual({
      exitCode: 0,
      stdout: '=====> My Apps\n',
      stderr: " !     You haven't deployed any applications yet\n",
    });
  });

  it('exits 0 for an existing app and 20 for a missing one', async () => {
    await setup();
    await host.run('apps:create', 'blog');

    expect(await host.run('apps:exists', 'blog')).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect(await host.run('apps:exists', 'nope')).toEqual({ exitCode: 20, stdout: '', stderr: ' !     App nope does not exist\n' });
  });
});

describe('apps:destroy', () => {
  it('asks for the app name and destroys on a match', async () => {
    await setup({ stdin: 'blog\n' });
    await host.run('apps:create', 'blog');
    events = [];

    const result = await host.run('apps:destroy', 'blog');

    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe(
      ' !     WARNING: Potentially Destructive Action\n !     This command will destroy app blog.\n !     To proceed, type "blog"\n',
    );
    expect(result.stdout).toBe(
      '> -----> Destroying blog (including all add-ons)\n-----> Cleaning up...\n-----> Retiring old containers and images\n',
    );
    expect(scheduler.calls).toEqual([
      { method: 'stop', input: { app: 'blog', removeContainers: true } },
      { method: 'postDelete', input: { app: 'blog' } },
      { method: 'retire', input: { app: 'blog' } },
    ]);
    expect(events).toEqual(['post-delete blog']);
    expect(existsSync(join(host.root, 'apps', 'blog'))).toBe(false);
  });

  it('aborts on a wrong answer and changes nothing', async () => {
    await setup({ stdin: 'shop\n' });
    await host.run('apps:create', 'blog');

    const result = await host.run('apps:destroy', 'blog');

    expect(result.exitCode).toBe(1);
    expect(result.stderr.split('\n').slice(-2)).toEqual(['Confirmation did not match test. Aborted.', '']);
    expect(scheduler.calls).toEqual([]);
    expect(existsSync(join(host.root, 'apps', 'blog'))).toBe(true);
  });

  it('skips the question with --force', async () => {
    await setup();
    await host.run('apps:create', 'blog');

    const result = await host.run('apps:destroy', 'blog', '--force');

    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
    expect(existsSync(join(host.root, 'apps', 'blog'))).toBe(false);
  });

  it('refuses while another live command holds the app lock', async () => {
    await setup();
    await host.run('apps:create', 'blog');
    writeFileSync(
      join(host.root, 'apps', 'blog', '.pier-lock'),
      JSON.stringify({ token: 't', holder: 'deploy', pid: process.pid, since: '2026-01-01T00:00:00.000Z' }),
    );

    const result = await host.run('apps:destroy', 'blog', '--force');

    expect(result).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: ` !     App blog is locked by "deploy" (pid ${process.pid}, since 2026-01-01T00:00:00.000Z); try again when it finishes\n`,
    });
    expect(existsSync(join(host.root, 'apps', 'blog'))).toBe(true);
  });

  it('names a scheduler that is not installed once, skips its cleanup and removes the app', async () => {
    await setup({ selected: 'k3s' });
    await host.run('apps:create', 'blog');

    const result = await host.run('apps:destroy', 'blog', '--force');

    expect(result).toEqual({
      exitCode: 0,
      stdout: '-----> Destroying blog (including all add-ons)\n-----> Cleaning up...\n-----> Retiring old containers and images\n',
      stderr: ' !     Scheduler k3s is not installed; installed schedulers: docker-local; skipping its cleanup\n',
    });
    expect(scheduler.calls).toEqual([]);
    expect(existsSync(join(host.root, 'apps', 'blog'))).toBe(false);
  });

  it('takes over a lock left by a dead process', async () => {
    await setup();
    await host.run('apps:create', 'blog');
    writeFileSync(
      join(host.root, 'apps', 'blog', '.pier-lock'),
      JSON.stringify({ token: 't', holder: 'deploy', pid: 2 ** 22 + 7, since: '2026-01-01T00:00:00.000Z' }),
    );

    expect((await host.run('apps:destroy', 'blog', '--force')).exitCode).toBe(0);
  });
});

describe('apps:rename and apps:clone', () => {
  it('a post-delete that fails once the old app’s containers are gone undoes nothing: the renamed app keeps its settings', async () => {
    await setup({
      postDelete: () => {
        throw new PierError(ErrorCodes.DOCKER_UNREACHABLE, 'Cannot reach the Docker engine');
      },
    });
    await host.run('apps:create', 'blog');
    await host.bus.first(propertySet, { plugin: 'scheduler', scope: 'blog', key: 'selected', value: 'docker-local' });

    const result = await host.run('apps:rename', '--skip-deploy', 'blog', 'journal');

    expect(result).toEqual({
      exitCode: 1,
      stdout: '-----> Renaming blog to journal\n-----> Creating journal...\n-----> Destroying blog (including all add-ons)\n',
      stderr: ' !     Cannot reach the Docker engine\n',
    });
    expect(scheduler.calls.map((c) => `${c.method} ${(c.input as { app?: string }).app}`)).toEqual(['stop blog', 'postDelete blog']);
    expect(host.properties?.get('scheduler', 'journal', 'selected')).toBe('docker-local');
    expect(existsSync(join(host.root, 'apps', 'journal'))).toBe(true);
  });

  it('a create whose plugin fails, and whose clean-up fails too, reports the first failure and leaves no app registered', async () => {
    await setup();
    host.bus.tap(appPostCreate, () => {
      throw new PierError(ErrorCodes.COMMAND_FAILED, 'the add-on could not start');
    });
    host.bus.tap(appPostDelete, () => {
      throw new PierError(ErrorCodes.COMMAND_FAILED, 'the add-on could not stop');
    });

    const result = await host.run('apps:create', 'blog');

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^ !     Could not remove blog again: .*the add-on could not stop\n !     .*the add-on could not start\n$/);
    expect(existsSync(join(host.root, 'apps', 'blog'))).toBe(false);
    expect((await host.run('apps:list')).stdout).toBe('=====> My Apps\n');
  });

  it('renames: settings move, the old app is destroyed', async () => {
    await setup();
    await host.run('apps:create', 'blog');
    await host.bus.first(propertySet, { plugin: 'scheduler', scope: 'blog', key: 'selected', value: 'null' });

    const result = await host.run('apps:rename', 'blog', 'journal');

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(
      '-----> Renaming blog to journal\n-----> Creating journal...\n-----> Destroying blog (including all add-ons)\n-----> Cleaning up...\n-----> Retiring old containers and images\n',
    );
    expect(host.properties?.get('scheduler', 'journal', 'selected')).toBe('null');
    expect(host.properties?.get('scheduler', 'blog', 'selected')).toBeUndefined();
    expect(existsSync(join(host.root, 'apps', 'blog'))).toBe(false);
  });

  it('changes nothing when the old app cannot be stopped (the new app is removed again)', async () => {
    await setup({
      stop: () => {
        throw new PierError(ErrorCodes.DOCKER_UNREACHABLE, 'Cannot reach the Docker engine');
      },
    });
    await host.run('apps:create', 'blog');
    await host.bus.first(propertySet, { plugin: 'scheduler', scope: 'blog', key: 'selected', value: 'docker-local' });
    const before = Object.fromEntries(host.properties?.values ?? []);

    const result = await host.run('apps:rename', '--skip-deploy', 'blog', 'journal');

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(' !     Cannot reach the Docker engine\n');
    // Nothing was destroyed, so nothing says so.
    expect(result.stdout).toBe('-----> Renaming blog to journal\n-----> Creating journal...\n');
    expect(Object.fromEntries(host.properties?.values ?? [])).toEqual(before);
    expect(before).toHaveProperty(['apps/blog/created-at']);
    expect(existsSync(join(host.root, 'apps', 'journal'))).toBe(false);
    expect(existsSync(join(host.root, 'apps', 'blog'))).toBe(true);
    expect((await host.run('apps:list')).stdout).toBe('=====> My Apps\nblog\n');
  });

  it('a clone whose redeploy fails changes nothing: the new app and its settings are removed again', async () => {
    await setup();
    host.bus.tap(appPostClone, ({ skipDeploy }) => {
      if (!skipDeploy) throw new PierError(ErrorCodes.DOCKER_UNREACHABLE, 'Cannot reach the Docker engine');
    });
    await host.run('apps:create', 'blog');
    await host.bus.first(propertySet, { plugin: 'scheduler', scope: 'blog', key: 'shell', value: '/bin/sh' });
    const before = Object.fromEntries(host.properties?.values ?? []);

    const result = await host.run('apps:clone', 'blog', 'blog-copy');

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(' !     Cannot reach the Docker engine\n');
    expect(Object.fromEntries(host.properties?.values ?? [])).toEqual(before);
    expect(existsSync(join(host.root, 'apps', 'blog-copy'))).toBe(false);
    // The scheduler cleaned up whatever the failed redeploy left of the clone.
    expect(scheduler.calls.filter((c) => (c.input as { app?: string }).app === 'blog-copy').map((c) => c.method)).toEqual(['stop', 'postDelete']);
    expect((await host.run('apps:clone', '--skip-deploy', 'blog', 'blog-copy')).exitCode).toBe(0);
  });

  it('clones: settings are copied, both apps exist', async () => {
    await setup();
    await host.run('apps:create', 'blog');
    await host.bus.first(propertySet, { plugin: 'scheduler', scope: 'blog', key: 'shell', value: '/bin/sh' });

    const result = await host.run('apps:clone', 'blog', 'blog-copy', '--skip-deploy');

    expect(result).toEqual({ exitCode: 0, stdout: '-----> Cloning blog to blog-copy\n-----> Creating blog-copy...\n', stderr: '' });
    expect(host.properties?.get('scheduler', 'blog-copy', 'shell')).toBe('/bin/sh');
    expect(host.properties?.get('scheduler', 'blog', 'shell')).toBe('/bin/sh');
  });

  it.each([
    ['apps:rename', [], 1, 'Please specify an app to run the command on'],
    ['apps:rename', ['blog'], 1, 'Please specify an new app name'],
    ['apps:rename', ['nope', 'x'], 20, 'App nope does not exist'],
    ['apps:rename', ['blog', 'Bad'], 1, 'App name must begin with lowercase alphanumeric character, and may only contain lowercase alphanumerics, dots, and hyphens'],
    ['apps:rename', ['blog', 'shop'], 1, 'Name is already taken'],
    ['apps:clone', ['blog', 'shop'], 1, 'Name is already taken'],
    ['apps:clone', ['blog', 'x', '--colour'], 1, 'unknown flag: --colour'],
  ])('%s %j fails with one clear line', async (command, args, exitCode, message) => {
    await setup();
    await host.run('apps:create', 'blog');
    await host.run('apps:create', 'shop');

    expect(await host.run(command, ...args)).toEqual({ exitCode, stdout: '', stderr: ` !     ${message}\n` });
  });

  it('clone --ignore-existing warns and succeeds', async () => {
    await setup();
    await host.run('apps:create', 'blog');
    await host.run('apps:create', 'shop');

    expect(await host.run('apps:clone', '--ignore-existing', 'blog', 'shop')).toEqual({
      exitCode: 0,
      stdout: '',
      stderr: ' !     Name is already taken\n',
    });
  });
});

describe('apps:help', () => {
  it('lists the commands in Dokku’s order, the lock commands included', async () => {
    await setup();

    const topic = (await host.bus.collect(commandHelp, {})).find((t) => t.topic === 'apps');

    expect(topic?.commands.map((c) => c.usage)).toEqual([
      'apps:clone <old-app> <new-app>',
      'apps:create <app>',
      'apps:destroy <app>',
      'apps:exists <app>',
      'apps:list',
      'apps:lock <app>',
      'apps:locked <app>',
      'apps:rename <old-app> <new-app>',
      'apps:report [<app>] [<flag>]',
      'apps:unlock <app>',
    ]);
  });
});
