import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { commandHelp, definePlugin, reportCollect, reportRender, type InputOf } from '@pier/plugin-api';
import { createTestHost, type TestHost } from '@pier/plugin-testkit';
import { schedulerDockerLocal } from './plugin.js';
import { FakeDocker } from './test-support/fake-docker.js';

const stored = (host: TestHost, scope: string, key: string) => host.properties!.get('scheduler-docker-local', scope, key);

describe('scheduler-docker-local:set', () => {
  let host: TestHost;
  beforeEach(async () => {
    host = await createTestHost({ plugins: [schedulerDockerLocal({ docker: new FakeDocker() })], apps: ['shop'] });
  });
  afterEach(() => host.dispose());

  it('sets and unsets an app key with Dokku’s messages', async () => {
    expect(await host.run('scheduler-docker-local:set', 'shop', 'init-process', 'false')).toEqual({
      exitCode: 0,
      stdout: '=====> Setting init-process to false\n',
      stderr: '',
    });
    expect(stored(host, 'shop', 'init-process')).toBe('false');
    expect((await host.run('scheduler-docker-local:set', 'shop', 'init-process')).stdout).toBe('=====> Unsetting init-process\n');
    expect(stored(host, 'shop', 'init-process')).toBeUndefined();
  });

  it('sets every key globally', async () => {
    for (const [key, value] of [['init-process', 'false'], ['network-mode', 'host'], ['parallel-schedule-count', '4']]) {
      expect((await host.run('scheduler-docker-local:set', '--global', key!, value!)).exitCode).toBe(0);
      expect(stored(host, '--global', key!)).toBe(value);
    }
  });

  it.each<[string[], number, string]>([
    [['shop'], 1, 'No key specified'],
    [['shop', 'nope', 'x'], 1, 'Invalid key specified, valid keys include: init-process, network-mode, parallel-schedule-count'],
    [['ghost', 'init-process', 'true'], 20, 'App ghost does not exist'],
    [[], 1, 'Please specify an app to run the command on'],
    [['shop', 'init-process', 'x', '--bogus'], 1, 'unknown flag: --bogus'],
  ])('rejects %j', async (args, exitCode, message) => {
    const outcome = await host.run('scheduler-docker-local:set', ...args);
    expect(outcome).toEqual({ exitCode, stdout: '', stderr: ` !     ${message}\n` });
  });

  it.each(['bridge', 'host', 'none', 'my-net', 'net_2.internal', 'A1'])('accepts network-mode %s', async (value) => {
    expect((await host.run('scheduler-docker-local:set', 'shop', 'network-mode', value)).exitCode).toBe(0);
    expect(stored(host, 'shop', 'network-mode')).toBe(value);
  });

  it.each(['container:abc', '-net', 'host mode', 'a/b', '.hidden', 'ünï'])('rejects network-mode %j with one line', async (value) => {
    const outcome = await host.run('scheduler-docker-local:set', 'shop', 'network-mode', value);
    expect(outcome.exitCode).toBe(1);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr).toBe(
      ` !     Invalid network-mode "${value}": use bridge, host, none or a network name matching ^[a-zA-Z0-9][a-zA-Z0-9_.-]*$\n`,
    );
    expect(stored(host, 'shop', 'network-mode')).toBeUndefined();
  });
});

describe('scheduler-docker-local report and help', () => {
  let host: TestHost;
  const rendered: InputOf<typeof reportRender>[] = [];
  const fakeReport = definePlugin({
    name: 'fake-report',
    register({ bus }) {
      bus.tap(reportRender, (input) => {
        rendered.push(input);
        return true as const;
      });
    },
  });

  beforeEach(async () => {
    rendered.length = 0;
    host = await createTestHost({ plugins: [schedulerDockerLocal({ docker: new FakeDocker() }), fakeReport], apps: ['shop'] });
  });
  afterEach(() => host.dispose());

  it('collects Dokku’s flags for an app, with computed defaults', async () => {
    await host.run('scheduler-docker-local:set', '--global', 'parallel-schedule-count', '3');
    await host.run('scheduler-docker-local:set', 'shop', 'network-mode', 'host');
    expect(await host.bus.keyed(reportCollect, 'scheduler-docker-local', { app: 'shop' })).toEqual({
      flags: {
        '--scheduler-docker-local-computed-init-process': 'true',
        '--scheduler-docker-local-computed-network-mode': 'host',
        '--scheduler-docker-local-computed-parallel-schedule-count': '3',
        '--scheduler-docker-local-global-init-process': '',
        '--scheduler-docker-local-global-network-mode': '',
        '--scheduler-docker-local-global-parallel-schedule-count': '3',
        '--scheduler-docker-local-init-process': '',
        '--scheduler-docker-local-network-mode': 'host',
        '--scheduler-docker-local-parallel-schedule-count': '',
      },
      trimPrefix: true,
      emitLegacyPrefix: false,
    });
  });

  it('collects only computed and global flags for --global', async () => {
    const { flags } = await host.bus.keyed(reportCollect, 'scheduler-docker-local', { app: '--global' });
    expect(Object.keys(flags).sort()).toEqual([
      '--scheduler-docker-local-computed-init-process',
      '--scheduler-docker-local-computed-network-mode',
      '--scheduler-docker-local-computed-parallel-schedule-count',
      '--scheduler-docker-local-global-init-process',
      '--scheduler-docker-local-global-network-mode',
      '--scheduler-docker-local-global-parallel-schedule-count',
    ]);
  });

  it('hands :report to the report renderer with its raw arguments', async () => {
    expect((await host.run('scheduler-docker-local:report', 'shop', '--format', 'json')).exitCode).toBe(0);
    expect(rendered).toEqual([{ section: 'scheduler-docker-local', args: ['shop', '--format', 'json'], global: true }]);
  });

  it('registers the help topic with Dokku’s description', async () => {
    const topics = await host.bus.collect(commandHelp, {});
    expect(topics.find((t) => t.topic === 'scheduler-docker-local')).toEqual({
      topic: 'scheduler-docker-local',
      description: 'Manage the docker-local scheduler integration for an app',
      // Dokku writes this plugin in bash: its help is laid out by `column -t`.
      style: 'bash',
      commands: [
        { usage: 'scheduler-docker-local:report [<app>] [<flag>]', description: 'Displays a scheduler-docker-local report for one or more apps' },
        { usage: 'scheduler-docker-local:set [<app>|--global] <property> (<value>)', description: 'Set or clear a scheduler-docker-local property for an app' },
      ],
    });
  });
});
