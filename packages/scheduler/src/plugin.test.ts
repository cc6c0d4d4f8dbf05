import { afterEach, describe, expect, it } from '@jest/globals';
import { reportCollect, schedulerDetect, schedulerUnavailable } from '@pier/plugin-api';
import { createTestHost, recordingScheduler, type TestHost } from '@pier/plugin-testkit';
import { scheduler } from './plugin.js';

let host: TestHost;
afterEach(() => host.dispose());

async function setup() {
  host = await createTestHost({
    plugins: [scheduler(), recordingScheduler('docker-local').plugin, recordingScheduler('null').plugin],
    apps: ['blog', 'shop'],
  });
  return host;
}

describe('scheduler selection', () => {
  it('resolves app → --global → docker-local', async () => {
    await setup();
    const detect = (app: string) => host.bus.first(schedulerDetect, { app });

    expect(await detect('blog')).toBe('docker-local');
    await host.run('scheduler:set', '--global', 'selected', 'null');
    expect(await detect('blog')).toBe('null');
    expect(await detect('--global')).toBe('null');
    await host.run('scheduler:set', 'blog', 'selected', 'docker-local');
    expect(await detect('blog')).toBe('docker-local');
    expect(await detect('shop')).toBe('null');
  });
});

describe('scheduler:set', () => {
  it('sets and unsets with Dokku’s messages', async () => {
    await setup();

    expect(await host.run('scheduler:set', 'blog', 'selected', 'null')).toEqual({
      exitCode: 0,
      stdout: '=====> Setting selected to null\n',
      stderr: '',
    });
    expect(host.properties?.get('scheduler', 'blog', 'selected')).toBe('null');
    expect((await host.run('scheduler:set', 'blog', 'selected')).stdout).toBe('=====> Unsetting selected\n');
    expect(host.properties?.get('scheduler', 'blog', 'selected')).toBeUndefined();
  });

  it('accepts --global anywhere', async () => {
    await setup();

    await host.run('scheduler:set', 'shell', '--global', '/bin/sh');

    expect(host.properties?.get('scheduler', '--global', 'shell')).toBe('/bin/sh');
  });

  it.each([
    ['no app', [], 1, 'Please specify an app to run the command on'],
    ['a missing app', ['nope', 'selected', 'null'], 20, 'App nope does not exist'],
    ['an invalid app name', ['Nope', 'selected', 'null'], 1, 'App name must begin with lowercase alphanumeric character, and may only contain lowercase alphanumerics, dots, and hyphens'],
    ['no property', ['blog'], 1, 'No property specified'],
    ['an empty global property', ['--global'], 1, 'Property cannot be specified globally'],
    ['an unknown global property', ['--global', 'banana', 'x'], 1, 'Property cannot be specified globally'],
    ['an unknown property', ['blog', 'banana', 'x'], 1, 'Invalid property specified, valid properties include: selected, shell'],
    ['a scheduler that is not installed', ['blog', 'selected', 'k3s'], 1, 'Scheduler k3s is not installed; installed schedulers: docker-local, null'],
    ['an unknown flag', ['blog', 'selected', '--colour'], 1, 'unknown flag: --colour'],
  ])('rejects %s with one line and changes nothing', async (_name, args, exitCode, message) => {
    await setup();

    expect(await host.run('scheduler:set', ...args)).toEqual({ exitCode, stdout: '', stderr: ` !     ${message}\n` });
    expect([...(host.properties?.values.keys() ?? [])]).toEqual([]);
  });
});

describe('scheduler:set of a scheduler whose plugin is installed but not loaded', () => {
  it('says what the host knows of it (disabled: how to enable it), and changes nothing', async () => {
    await setup();
    host.bus.tap(schedulerUnavailable, ({ scheduler: name }) =>
      name === 'k3s' ? 'Scheduler k3s is installed but disabled; enable it with plugin:enable @acme/pier-scheduler-k3s' : undefined,
    );

    expect(await host.run('scheduler:set', 'blog', 'selected', 'k3s')).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: ' !     Scheduler k3s is installed but disabled; enable it with plugin:enable @acme/pier-scheduler-k3s\n',
    });
    expect([...(host.properties?.values.keys() ?? [])]).toEqual([]);
  });
});

describe('scheduler report section', () => {
  it('derives Dokku’s six app keys', async () => {
    await setup();
    await host.run('scheduler:set', '--global', 'selected', 'null');
    await host.run('scheduler:set', 'blog', 'shell', '/bin/sh');

    expect(await host.bus.keyed(reportCollect, 'scheduler', { app: 'blog' })).toEqual({
      flags: {
        '--scheduler-computed-selected': 'null',
        '--scheduler-computed-shell': '/bin/sh',
        '--scheduler-global-selected': 'null',
        '--scheduler-global-shell': '',
        '--scheduler-selected': '',
        '--scheduler-shell': '/bin/sh',
      },
      trimPrefix: true,
      emitLegacyPrefix: true,
    });
  });

  it('has only the four computed/global keys for --global', async () => {
    await setup();

    const { flags } = await host.bus.keyed(reportCollect, 'scheduler', { app: '--global' });

    expect(flags).toEqual({
      '--scheduler-computed-selected': 'docker-local',
      '--scheduler-computed-shell': '',
      '--scheduler-global-selected': '',
      '--scheduler-global-shell': '',
    });
  });
});
