import { afterEach, describe, expect, it } from '@jest/globals';
import { ErrorCodes, PierError, commandHelp, definePlugin, schedulerDetect } from '@pier/plugin-api';
import { createTestHost, fixedSchedulerSelection, recordingScheduler, type RecordingScheduler, type TestHost } from '@pier/plugin-testkit';
import { logs } from './plugin.js';

let host: TestHost;
let scheduler: RecordingScheduler;
afterEach(() => host.dispose());

interface Setup {
  apps?: string[];
  quiet?: boolean;
  /** Per-app scheduler; the default selects docker-local for every app. */
  select?: Record<string, string>;
  failFor?: string;
}

async function setup({ apps = ['blog', 'shop'], quiet = false, select, failFor }: Setup = {}) {
  scheduler = recordingScheduler('docker-local', {
    logsFailed: ({ app }) => {
      if (app === failFor) throw new PierError(ErrorCodes.DOCKER_UNREACHABLE, 'Cannot reach the Docker engine');
      host.io.stdout.write(`logs of ${app}\n`);
    },
  });
  const selection =
    select === undefined
      ? fixedSchedulerSelection('docker-local')
      : definePlugin({ name: 'select', register: ({ bus }) => void bus.tap(schedulerDetect, ({ app }) => select[app] ?? 'docker-local') });
  const bare = recordingScheduler('bare');
  host = await createTestHost({ plugins: [logs(), selection, scheduler.plugin, bare.plugin], apps, quiet });
}

describe('logs:failed <app>', () => {
  it('prints the header, then what the scheduler prints', async () => {
    await setup();

    expect(await host.run('logs:failed', 'blog')).toEqual({ exitCode: 0, stdout: '=====> blog failed deploy logs\nlogs of blog\n', stderr: '' });
    expect(scheduler.calls).toEqual([{ method: 'logsFailed', input: { app: 'blog' } }]);
  });

  it('drops the header with --quiet', async () => {
    await setup({ quiet: true });

    expect((await host.run('logs:failed', 'blog')).stdout).toBe('logs of blog\n');
  });

  it.each([
    [[], 1, 'Please specify an app to run the command on'],
    [['nope'], 20, 'App nope does not exist'],
    [['blog', '--tail'], 1, 'unknown flag: --tail'],
  ])('%j → exit %i with one line', async (args, exitCode, message) => {
    await setup();

    expect(await host.run('logs:failed', ...args)).toEqual({ exitCode, stdout: '', stderr: ` !     ${message}\n` });
    expect(scheduler.calls).toEqual([]);
  });

  it('passes scheduler errors through', async () => {
    await setup({ failFor: 'blog' });

    expect(await host.run('logs:failed', 'blog')).toEqual({
      exitCode: 1,
      stdout: '=====> blog failed deploy logs\n',
      stderr: ' !     Cannot reach the Docker engine\n',
    });
  });

  it('names the scheduler when it keeps no failed-deploy logs', async () => {
    await setup({ select: { blog: 'bare' } });

    expect((await host.run('logs:failed', 'blog')).stderr).toBe(' !     Scheduler bare does not support logs:failed\n');
  });
});

describe('logs:failed --all', () => {
  it('runs over every app with Dokku’s line per app', async () => {
    await setup();

    expect(await host.run('logs:failed', '--all')).toEqual({
      exitCode: 0,
      stdout: [
        '-----> Running logs:failed against app blog',
        '=====> blog failed deploy logs',
        'logs of blog',
        '-----> Running logs:failed against app shop',
        '=====> shop failed deploy logs',
        'logs of shop',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('carries on past a failing app and fails at the end', async () => {
    await setup({ failFor: 'blog' });

    const result = await host.run('logs:failed', '--all');

    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('logs of shop');
    expect(result.stderr).toBe(
      ' !     Error running logs:failed against app blog: Cannot reach the Docker engine\n !     logs:failed command returned 1 errors\n',
    );
  });

  it('warns and exits 0 when there are no apps', async () => {
    await setup({ apps: [] });

    expect(await host.run('logs:failed', '--all')).toEqual({ exitCode: 0, stdout: '', stderr: " !     You haven't deployed any applications yet\n" });
  });
});

describe('help', () => {
  it('registers the logs topic with Dokku’s description', async () => {
    await setup();

    const topic = (await host.bus.collect(commandHelp, {})).find((t) => t.topic === 'logs');

    expect(topic).toEqual({
      topic: 'logs',
      description: 'Manage log integration for an app',
      commands: [
        { usage: 'logs <app> [-h] [-t] [-n num] [-q] [-p process]', description: 'Display recent log output' },
        { usage: 'logs:failed [--all|<app>]', description: 'Shows the last failed deploy logs' },
      ],
    });
  });
});
