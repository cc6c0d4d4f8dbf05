import { afterEach, describe, expect, it } from '@jest/globals';
import { createTestHost, fixedSchedulerSelection, recordingScheduler, type RecordingScheduler, type TestHost } from '@pier/plugin-testkit';
import { commandHelp, definePlugin, topicHelp } from '@pier/plugin-api';
import { logs } from './plugin.js';

let host: TestHost;
let scheduler: RecordingScheduler;
afterEach(() => host.dispose());

async function setup(options: { withLogs?: boolean; env?: Record<string, string> } = {}) {
  scheduler = recordingScheduler('docker-local', options.withLogs === false ? {} : { logs: () => undefined });
  host = await createTestHost({
    plugins: [logs(), fixedSchedulerSelection('docker-local'), scheduler.plugin],
    apps: ['blog'],
    env: options.env ?? {},
  });
}

async function deploy() {
  const { schedulerDeploy } = await import('@pier/plugin-api');
  await host.bus.keyed(schedulerDeploy, 'docker-local', {
    app: 'blog',
    release: { image: 'x', processes: [], env: {}, restartPolicy: 'no', stopTimeoutSeconds: 1, waitToRetireSeconds: 0, defaultUptimeSeconds: 0 },
  });
  scheduler.calls.length = 0;
}

describe('logs', () => {
  it('passes the options to the scheduler, without colour off a terminal', async () => {
    await setup();
    await deploy();

    expect(await host.run('logs', 'blog', '-n', '5', '-t', '-p', 'web')).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    await host.run('logs', '--quiet', 'blog');

    expect(scheduler.calls.filter((c) => c.method === 'logs')).toEqual([
      { method: 'logs', input: { app: 'blog', follow: true, num: 5, quiet: false, color: false, processType: 'web' } },
      { method: 'logs', input: { app: 'blog', follow: false, num: 100, quiet: true, color: false } },
    ]);
  });

  it.each([
    [['blog'], 1, 'App blog has not been deployed'],
    [['nope'], 20, 'App nope does not exist'],
    [[], 1, 'Please specify an app to run the command on'],
    [['blog', '-n', 'lots'], 1, 'Invalid value for --num: lots'],
    [['blog', '--colour'], 1, 'unknown flag: --colour'],
  ])('logs %j → exit %i with one line', async (args, exitCode, message) => {
    await setup();

    expect(await host.run('logs', ...args)).toEqual({ exitCode, stdout: '', stderr: ` !     ${message}\n` });
    expect(scheduler.methods()).not.toContain('logs');
  });

  it.each([[['blog', '-h']], [['-h', 'blog']], [['nope', '--help']]])('logs %j prints the logs help, as logs:help does, and nothing runs', async (args) => {
    await setup();

    const result = await host.run('logs', ...args);

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^Usage: pier logs\[:COMMAND\]\n\nManage log integration for an app\n\nAdditional commands:\n {4}logs <app> .+ {2}Display recent log output\n {4}logs:failed .+\n {4}\n$/);
    expect(scheduler.calls).toEqual([]);
  });

  it('prints its own topic’s help for -h without asking other plugins for theirs', async () => {
    let asked = 0;
    const other = definePlugin({
      name: 'other',
      register: (context) => void context.bus.tap(commandHelp, () => (asked++, { topic: 'logs', description: 'Not the logs plugin', commands: [] })),
    });
    host = await createTestHost({ plugins: [other, logs(), fixedSchedulerSelection('docker-local'), recordingScheduler('docker-local').plugin], apps: ['blog'] });
    const own = (await host.bus.collect(commandHelp, {})).find((t) => t.description === 'Manage log integration for an app');
    asked = 0;

    expect(await host.run('logs', 'blog', '-h')).toEqual({ exitCode: 0, stdout: topicHelp(own!), stderr: '' });
    expect(asked).toBe(0);
  });

  it('names the scheduler when it cannot show logs', async () => {
    await setup({ withLogs: false });
    await deploy();

    expect(await host.run('logs', 'blog')).toEqual({ exitCode: 1, stdout: '', stderr: ' !     Scheduler docker-local does not support logs\n' });
  });
});
