import { afterEach, describe, expect, it } from '@jest/globals';
import { createTestHost, fixedSchedulerSelection, recordingScheduler, type RecordingScheduler, type TestHost } from '@pier/plugin-testkit';
import { definePlugin, schedulerDetect } from '@pier/plugin-api';
import { run } from './plugin.js';

let host: TestHost;
let scheduler: RecordingScheduler;
afterEach(() => host.dispose());

const containers = [
  { name: 'blog.run.1234', state: 'running', command: '"sleep 100"', createdAt: '2026-12-01T20:07:33.000Z', runningFor: '2 minutes ago' },
  { name: 'blog.run.99', state: 'exited', command: '"true"', createdAt: '2026-12-01T19:09:00Z', runningFor: '1 hour ago' },
];

async function setup(options: { isTTY?: boolean; quiet?: boolean; capabilities?: boolean; listed?: typeof containers | null } = {}) {
  scheduler = recordingScheduler(
    'docker-local',
    options.capabilities === false
      ? {}
      : {
          run: ({ detach }) => (detach ? { exitCode: 0, container: 'blog.run.4242' } : { exitCode: 7 }),
          runList: () => (options.listed === undefined ? containers : options.listed),
          runLogs: () => undefined,
          runStop: () => undefined,
          runRetire: () => undefined,
        },
  );
  host = await createTestHost({
    plugins: [run(), fixedSchedulerSelection('docker-local'), scheduler.plugin],
    apps: ['blog', 'shop'],
    isTTY: options.isTTY ?? false,
    quiet: options.quiet ?? false,
  });
}

describe('run', () => {
  it('hands the command to the scheduler and passes its exit status through', async () => {
    await setup();

    const result = await host.run('run', '-e', 'GREETING=$(hi)', 'blog', 'sh', '-c', 'exit 7');

    expect(result).toEqual({ exitCode: 7, stdout: '', stderr: '' });
    expect(scheduler.calls).toEqual([
      {
        method: 'run',
        input: { app: 'blog', command: ['sh', '-c', 'exit 7'], env: { GREETING: '$(hi)' }, detach: false, tty: false, ttlSeconds: 86400 },
      },
    ]);
  });

  it('asks for a TTY when the caller has one, unless --no-tty', async () => {
    await setup({ isTTY: true });

    await host.run('run', 'blog', 'sh');
    await host.run('run', '--no-tty', 'blog', 'sh');

    expect(scheduler.calls.map((c) => (c.input as { tty: boolean }).tty)).toEqual([true, false]);
  });

  it('--force-tty asks for a TTY without a terminal; run:detached takes --no-tty and --force-tty', async () => {
    await setup({ isTTY: false });

    await host.run('run', '--force-tty', 'blog', 'tty');
    await host.run('run:detached', '--no-tty', 'blog', 'sleep', '1');
    await host.run('run:detached', '--force-tty', 'blog', 'sleep', '1');

    expect(scheduler.calls.map((c) => (c.input as { tty: boolean }).tty)).toEqual([true, false, true]);
    expect(await host.run('run:detached', '--force-tty', '--no-tty', 'blog', 'sh')).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: ' !     Cannot specify both --force-tty and --no-tty\n',
    });
  });

  it('--ttl-seconds 0 is accepted (retired at the next sweep)', async () => {
    await setup();

    await host.run('run:detached', '--ttl-seconds', '0', 'blog', 'sleep', '100');

    expect(scheduler.calls[0]?.input).toMatchObject({ ttlSeconds: 0 });
  });

  it('run:detached prints the container name', async () => {
    await setup({ isTTY: true });

    const result = await host.run('run:detached', '--ttl-seconds', '30', 'blog', 'sleep', '100');

    expect(result).toEqual({ exitCode: 0, stdout: 'blog.run.4242\n', stderr: '' });
    expect(scheduler.calls[0]?.input).toMatchObject({ detach: true, tty: false, ttlSeconds: 30 });
  });

  it.each([
    [['nope', 'ls'], 20, 'App nope does not exist'],
    [[], 1, 'Please specify an app to run the command on'],
    [['--ttl-seconds', 'x', 'nope'], 1, '--ttl-seconds must be a positive integer'],
  ])('run %j → exit %i with one line, nothing run', async (args, exitCode, message) => {
    await setup();

    expect(await host.run('run', ...args)).toEqual({ exitCode, stdout: '', stderr: ` !     ${message}\n` });
    expect(scheduler.calls).toEqual([]);
  });

  it('names the scheduler when it cannot run one-off processes', async () => {
    await setup({ capabilities: false });

    expect(await host.run('run', 'blog', 'ls')).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: ' !     Scheduler docker-local does not support run\n',
    });
  });
});

describe('run:list', () => {
  it('prints a header and a table', async () => {
    await setup();

    expect((await host.run('run:list', 'blog')).stdout).toBe(
      [
        '=====> blog run containers',
        'NAMES           COMMAND       CREATED',
        'blog.run.1234   "sleep 100"   2 minutes ago',
        'blog.run.99     "true"        1 hour ago',
        '',
      ].join('\n'),
    );
  });

  it('prints tab-separated lines with --quiet and a pretty JSON array with --format json', async () => {
    await setup();

    expect((await host.run('run:list', '--quiet', 'blog')).stdout).toBe('blog.run.1234\t"sleep 100"\t2 minutes ago\nblog.run.99\t"true"\t1 hour ago\n');
    // Docker's .CreatedAt, as Dokku's jq takes it: an absolute time, not the table's relative one.
    expect(JSON.parse((await host.run('run:list', 'blog', '--format', 'json')).stdout)).toEqual([
      { name: 'blog.run.1234', state: 'running', command: '"sleep 100"', created_at: '2026-12-01 20:07:33 +0000 UTC' },
      { name: 'blog.run.99', state: 'exited', command: '"true"', created_at: '2026-12-01 19:09:00 +0000 UTC' },
    ]);
  });

  it('a scheduler without one-off processes (null): nothing printed, `[]` as JSON', async () => {
    await setup({ listed: null });

    expect(await host.run('run:list', 'blog')).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect(await host.run('run:list', 'blog', '--format', 'json')).toEqual({ exitCode: 0, stdout: '[]\n', stderr: '' });
  });

  it('an empty list still prints the header and the table header, as docker-local in Dokku', async () => {
    await setup({ listed: [] });

    expect((await host.run('run:list', 'blog')).stdout).toBe('=====> blog run containers\nNAMES   COMMAND   CREATED\n');
  });

  it('rejects an unknown format', async () => {
    await setup();

    expect(await host.run('run:list', 'blog', '--format', 'yaml')).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: ' !     Format must be "stdout" or "json": "yaml"\n',
    });
  });
});

describe('run:logs and run:stop', () => {
  it('pass the app or the container to the scheduler', async () => {
    await setup();

    await host.run('run:logs', 'blog', '-n', '5', '--tail');
    await host.run('run:logs', '--container', 'blog.run.1234', '-q');
    await host.run('run:stop', 'blog');
    await host.run('run:stop', '--container', 'blog.run.1234');

    expect(scheduler.calls).toEqual([
      { method: 'runLogs', input: { app: 'blog', follow: true, num: 5, quiet: false, color: false } },
      { method: 'runLogs', input: { app: 'blog', container: 'blog.run.1234', follow: false, num: 100, quiet: true, color: false } },
      { method: 'runStop', input: { app: 'blog' } },
      { method: 'runStop', input: { app: 'blog', container: 'blog.run.1234' } },
    ]);
  });

  it.each([
    ['run:logs', [], 'No container or app specified'],
    ['run:logs', ['--container', 'blog.web'], 'Invalid container name specified: blog.web'],
    ['run:logs', ['shop', '--container', 'blog.run.1'], 'Specified app does not app in container name'],
    ['run:stop', ['--container', 'blog.web.1'], 'Specified container must be a run container'],
    ['run:logs', ['blog', '-n', 'many'], 'Invalid value for --num: many'],
  ])('%s %j fails with Dokku’s message', async (command, args, message) => {
    await setup();

    expect(await host.run(command, ...args)).toEqual({ exitCode: 1, stdout: '', stderr: ` !     ${message}\n` });
    expect(scheduler.calls).toEqual([]);
  });
});

describe('run:retire', () => {
  it('retires for one app or for all', async () => {
    await setup();

    expect((await host.run('run:retire', 'blog')).stdout).toBe('-----> Retiring run and cron containers for app blog\n');
    expect((await host.run('run:retire')).stdout).toBe('-----> Retiring all run and cron containers\n');
    expect(scheduler.calls).toEqual([
      { method: 'runRetire', input: { app: 'blog' } },
      { method: 'runRetire', input: {} },
    ]);
  });
});

describe('run:retire without an app', () => {
  it('sweeps every scheduler some app or --global selects, and skips those that cannot retire', async () => {
    const local = recordingScheduler('docker-local', { runRetire: () => undefined });
    const other = recordingScheduler('other', { runRetire: () => undefined });
    const bare = recordingScheduler('bare', {});
    const selection = definePlugin({
      name: 'test-selection',
      register: ({ bus }) => void bus.tap(schedulerDetect, ({ app }) => (app === '--global' ? 'bare' : app === 'blog' ? 'docker-local' : 'other')),
    });
    host = await createTestHost({ plugins: [run(), selection, local.plugin, other.plugin, bare.plugin], apps: ['blog', 'shop'] });

    expect(await host.run('run:retire')).toEqual({ exitCode: 0, stdout: '-----> Retiring all run and cron containers\n', stderr: '' });

    expect(local.calls).toEqual([{ method: 'runRetire', input: {} }]);
    expect(other.calls).toEqual([{ method: 'runRetire', input: {} }]);
  });
});

describe('run:logs colour', () => {
  it.each([
    ['on a terminal', true, {}, true],
    ['on a terminal with NO_COLOR', true, { NO_COLOR: '1' }, false],
  ])('%s, as logs decides it', async (_name, isTTY, env, color) => {
    scheduler = recordingScheduler('docker-local', { runLogs: () => undefined });
    host = await createTestHost({ plugins: [run(), fixedSchedulerSelection('docker-local'), scheduler.plugin], apps: ['blog'], env });
    Object.assign(host.io.stdout, { isTTY });

    await host.run('run:logs', 'blog');

    expect(scheduler.calls[0]?.input).toMatchObject({ color });
  });
});
