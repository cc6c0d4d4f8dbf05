import { afterEach, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { reportCollect, withAppLock } from '@pier/plugin-api';
import { createTestHost, fixedSchedulerSelection, recordingScheduler, type TestHost } from '@pier/plugin-testkit';
import { apps } from './plugin.js';

let host: TestHost;
afterEach(() => host.dispose());

async function setup(options: { quiet?: boolean } = {}) {
  const scheduler = recordingScheduler('docker-local');
  host = await createTestHost({ plugins: [apps(), fixedSchedulerSelection('docker-local'), scheduler.plugin], fakeApps: false, ...options });
  await host.run('apps:create', 'blog');
}

const lockFile = () => join(host.root, 'apps', 'blog', '.deploy.lock');
/** The `--app-locked` value of the app report section (rendering belongs to @pier/report). */
const locked = async () => (await host.bus.keyed(reportCollect, 'app', { app: 'blog' })).flags['--app-locked'];

describe('apps:lock, apps:locked, apps:unlock (Dokku)', () => {
  it('locks, reports and unlocks an app', async () => {
    await setup();

    expect(await host.run('apps:locked', 'blog')).toEqual({ exitCode: 1, stdout: '', stderr: ' !     Deploy lock does not exist\n' });
    expect(await host.run('apps:lock', 'blog')).toEqual({ exitCode: 0, stdout: '-----> Deploy lock created\n', stderr: '' });
    expect(existsSync(lockFile())).toBe(true);
    expect(await host.run('apps:locked', 'blog')).toEqual({ exitCode: 0, stdout: 'Deploy lock exists\n', stderr: '' });
    expect(await locked()).toBe('true');

    expect(await host.run('apps:unlock', 'blog')).toEqual({
      exitCode: 0,
      stdout: '-----> Deploy lock removed\n',
      stderr: ' !     A deploy may be in progress.\n !     Removing the app lock will not stop in progress deploys.\n',
    });
    expect(existsSync(lockFile())).toBe(false);
    expect(await locked()).toBe('false');
  });

  it('locking twice is fine; unlocking an unlocked app fails as in Dokku', async () => {
    await setup();
    await host.run('apps:lock', 'blog');

    expect((await host.run('apps:lock', 'blog')).exitCode).toBe(0);
    await host.run('apps:unlock', 'blog');
    expect(await host.run('apps:unlock', 'blog')).toEqual({ exitCode: 1, stdout: '', stderr: ' !     Unable to remove deploy lock\n' });
  });

  it('apps:locked prints nothing with --quiet: the exit status is the answer', async () => {
    await setup({ quiet: true });
    await host.run('apps:lock', 'blog');

    expect(await host.run('apps:locked', 'blog')).toEqual({ exitCode: 0, stdout: '', stderr: '' });
  });

  it.each(['apps:lock', 'apps:locked', 'apps:unlock'])('%s checks the app like every Go command', async (command) => {
    await setup();

    expect(await host.run(command, 'nope')).toEqual({ exitCode: 20, stdout: '', stderr: ' !     App nope does not exist\n' });
    expect((await host.run(command)).stderr).toBe(' !     Please specify an app to run the command on\n');
  });
});

describe('the deploy lock stops commands that change the app', () => {
  it('refuses the app lock (deploy, ps:*) with Dokku’s message until apps:unlock', async () => {
    await setup();
    await host.run('apps:lock', 'blog');
    let ran = false;

    await expect(withAppLock(host.bus, 'blog', 'deploy', async () => void (ran = true))).rejects.toMatchObject({
      message: "blog currently has a deploy lock in place. Exiting...\nRun 'apps:unlock' to release the existing deploy lock",
    });
    expect(ran).toBe(false);
    expect(existsSync(join(host.root, 'apps', 'blog', '.pier-lock'))).toBe(false);

    await host.run('apps:unlock', 'blog');
    await withAppLock(host.bus, 'blog', 'deploy', async () => void (ran = true));
    expect(ran).toBe(true);
  });

  it('refuses apps:rename with two lines on stderr', async () => {
    await setup();
    await host.run('apps:lock', 'blog');

    expect(await host.run('apps:rename', 'blog', 'journal')).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: " !     blog currently has a deploy lock in place. Exiting...\n !     Run 'apps:unlock' to release the existing deploy lock\n",
    });
    expect(existsSync(join(host.root, 'apps', 'journal'))).toBe(false);
  });

  it('lets apps:destroy remove a locked app, as Dokku does', async () => {
    await setup();
    await host.run('apps:lock', 'blog');

    expect((await host.run('apps:destroy', 'blog', '--force')).exitCode).toBe(0);
    expect(existsSync(join(host.root, 'apps', 'blog'))).toBe(false);
  });

  it('reports app-locked while a command holds the app', async () => {
    await setup();

    const during = await withAppLock(host.bus, 'blog', 'deploy', () => locked());

    expect(during).toBe('true');
    expect(await locked()).toBe('false');
  });
});
