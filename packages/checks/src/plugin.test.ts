import { afterEach, describe, expect, it } from '@jest/globals';
import { commandHelp, definePlugin, releaseChecks, reportCollect, reportRender, type InputOf } from '@pier/plugin-api';
import { createTestHost, type TestHost } from '@pier/plugin-testkit';
import { checks } from './plugin.js';

let host: TestHost;
afterEach(() => host.dispose());

const rendered: InputOf<typeof reportRender>[] = [];
const fakeRenderer = definePlugin({
  name: 'fake-report',
  register: ({ bus }) =>
    void bus.tap(reportRender, (input) => {
      rendered.push(input);
      return true as const;
    }),
});

async function setup() {
  rendered.length = 0;
  host = await createTestHost({ plugins: [checks(), fakeRenderer], apps: ['blog', 'shop'] });
}

const stored = (key: string, scope = 'blog') => host.properties?.get('checks', scope, key);
const settings = (processTypes = ['web', 'worker']) => host.bus.first(releaseChecks, { app: 'blog', processTypes });

describe('checks:disable|enable|skip', () => {
  it('disable with no types disables every type and clears skipped', async () => {
    await setup();
    await host.run('checks:skip', 'blog', 'web');

    expect(await host.run('checks:disable', 'blog')).toEqual({ exitCode: 0, stdout: '-----> Disabling zero downtime for app (blog)\n', stderr: '' });
    expect([stored('disabled'), stored('skipped')]).toEqual(['_all_', undefined]);
  });

  it('handles comma-separated types', async () => {
    await setup();

    expect((await host.run('checks:disable', 'blog', 'web,worker')).stdout).toBe(
      "-----> Disabling zero downtime for app's (blog) proctypes (web,worker)\n",
    );
    expect((await host.run('checks:skip', 'blog', 'worker')).stdout).toBe("-----> Skipping zero downtime for app's (blog) proctypes (worker)\n");
    expect([stored('disabled'), stored('skipped')]).toEqual(['web', 'worker']);
  });

  it('enable clears both lists', async () => {
    await setup();
    await host.run('checks:disable', 'blog', 'web');
    await host.run('checks:skip', 'blog', 'worker');

    expect((await host.run('checks:enable', 'blog')).stdout).toBe("-----> Enabling zero downtime for app's (blog)\n");
    expect([stored('disabled'), stored('skipped')]).toEqual([undefined, undefined]);
  });

  it('says when a type cannot be enabled on its own under _all_', async () => {
    await setup();
    await host.run('checks:disable', 'blog');

    const result = await host.run('checks:enable', 'blog', 'web');

    expect(result).toEqual({
      exitCode: 0,
      stdout: "-----> Enabling zero downtime for app's (blog) proctypes (web)\n",
      stderr: ' !     Zero downtime stays disabled for web: it is disabled for every process type (checks:enable blog enables all)\n',
    });
    expect(stored('disabled')).toBe('_all_');
  });

  it.each([
    [['checks:disable'], 1, 'Please specify an app to run the command on'],
    [['checks:skip', 'nope'], 20, 'App nope does not exist'],
    [['checks:enable', 'blog', 'Web'], 1, 'Invalid process type Web'],
    [['checks:disable', 'blog', 'web', '--now'], 1, 'unknown flag: --now'],
  ])('%j → exit %i with one line, nothing stored', async ([command, ...args], exitCode, message) => {
    await setup();

    expect(await host.run(command!, ...args)).toEqual({ exitCode, stdout: '', stderr: ` !     ${message}\n` });
    expect([...(host.properties?.values.keys() ?? [])]).toEqual([]);
  });
});

describe('release:checks', () => {
  it('answers Dokku’s defaults for an app with nothing set', async () => {
    await setup();

    expect(await settings()).toEqual({ modes: { web: 'enabled', worker: 'enabled' }, waitToRetireSeconds: 60, defaultUptimeSeconds: 10 });
  });

  it('answers each type’s mode and the configured durations', async () => {
    await setup();
    await host.run('checks:disable', 'blog', 'worker');
    await host.run('checks:skip', 'blog', 'web');
    await host.run('checks:set', '--global', 'wait-to-retire', '30');
    await host.run('checks:set', 'blog', 'wait-to-retire', '5');
    await host.run('checks:set', '--global', 'default-wait', '2');

    expect(await settings(['clock', 'web', 'worker'])).toEqual({
      modes: { clock: 'enabled', web: 'skipped', worker: 'disabled' },
      waitToRetireSeconds: 5,
      defaultUptimeSeconds: 2,
    });
  });

  it('falls back to the global wait-to-retire', async () => {
    await setup();
    await host.run('checks:set', '--global', 'wait-to-retire', '30');

    expect((await settings())?.waitToRetireSeconds).toBe(30);
  });
});

describe('checks:set', () => {
  it('sets and unsets wait-to-retire with Dokku’s messages', async () => {
    await setup();

    expect(await host.run('checks:set', 'blog', 'wait-to-retire', '15')).toEqual({
      exitCode: 0,
      stdout: '=====> Setting wait-to-retire to 15\n',
      stderr: '',
    });
    expect(stored('wait-to-retire')).toBe('15');
    expect((await host.run('checks:set', 'blog', 'wait-to-retire')).stdout).toBe('=====> Unsetting wait-to-retire\n');
    expect(stored('wait-to-retire')).toBeUndefined();
  });

  it.each([
    [['blog'], 1, 'No key specified'],
    [['blog', 'timeout', '5'], 1, 'Invalid key specified, valid keys include: default-wait, wait-to-retire'],
    [['blog', 'disabled', 'web'], 1, 'Invalid key specified, valid keys include: default-wait, wait-to-retire'],
    [['blog', 'default-wait', '5'], 1, 'Key default-wait can only be specified globally'],
    [['nope', 'default-wait', '5'], 20, 'App nope does not exist'],
    [['blog', 'wait-to-retire', 'soon'], 1, 'Invalid wait-to-retire specified, must be a whole number of seconds'],
    [['--global', 'default-wait', '-1'], 1, 'Invalid default-wait specified, must be a whole number of seconds'],
    [['--global', 'default-wait', '1.5'], 1, 'Invalid default-wait specified, must be a whole number of seconds'],
  ])('%j → exit %i: %s', async (args, exitCode, message) => {
    await setup();

    expect(await host.run('checks:set', ...args)).toEqual({ exitCode, stdout: '', stderr: ` !     ${message}\n` });
    expect([...(host.properties?.values.keys() ?? [])]).toEqual([]);
  });
});

describe('checks report section', () => {
  it('has Dokku’s keys, lists shown as none when empty, plus default-wait', async () => {
    await setup();
    await host.run('checks:disable', 'blog', 'web');
    await host.run('checks:set', '--global', 'wait-to-retire', '30');

    expect(await host.bus.keyed(reportCollect, 'checks', { app: 'blog' })).toEqual({
      flags: {
        '--checks-computed-default-wait': '10',
        '--checks-computed-wait-to-retire': '30',
        '--checks-disabled-list': 'web',
        '--checks-global-default-wait': '',
        '--checks-global-wait-to-retire': '30',
        '--checks-skipped-list': 'none',
        '--checks-wait-to-retire': '',
      },
      trimPrefix: true,
      emitLegacyPrefix: false,
    });
  });

  it('has only the computed and global keys for --global', async () => {
    await setup();
    await host.run('checks:set', '--global', 'default-wait', '3');

    expect((await host.bus.keyed(reportCollect, 'checks', { app: '--global' })).flags).toEqual({
      '--checks-computed-default-wait': '3',
      '--checks-computed-wait-to-retire': '60',
      '--checks-global-default-wait': '3',
      '--checks-global-wait-to-retire': '',
    });
  });

  it('checks:report hands its arguments to the renderer for the checks section', async () => {
    await setup();

    await host.run('checks:report', '--global', '--format', 'json');

    expect(rendered).toEqual([{ section: 'checks', args: ['--global', '--format', 'json'], global: true }]);
  });
});

describe('help', () => {
  it('registers the checks topic with Dokku’s description', async () => {
    await setup();

    const topic = (await host.bus.collect(commandHelp, {})).find((t) => t.topic === 'checks');

    expect(topic?.description).toBe('Manage zero-downtime settings');
    expect(topic?.commands.map((c) => c.usage)).toEqual([
      'checks:disable <app> [process-type(s)]',
      'checks:enable <app> [process-type(s)]',
      'checks:report [<app>] [<flag>]',
      'checks:set [--global|<app>] <key> <value>',
      'checks:skip <app> [process-type(s)]',
    ]);
  });
});
