import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { pierEnvironment, type PierEnvironment } from './support/pier.js';

// Reference §4.1 (padding 57 = the longest flag), plus Pier's network-mode key.
let env: PierEnvironment;
beforeAll(async () => {
  env = pierEnvironment();
  await env.pier(['apps:create', 'node-js-app']);
});
afterAll(() => env.dispose());

describe('scheduler-docker-local:report and :set', () => {
  it('prints the report with Dokku’s padding', async () => {
    const result = await env.pier(['scheduler-docker-local:report', 'node-js-app']);

    expect(result.stdout).toBe(
      [
        '=====> node-js-app scheduler-docker-local information',
        '       Scheduler docker local computed init process:            true',
        '       Scheduler docker local computed network mode:            bridge',
        '       Scheduler docker local computed parallel schedule count: 1',
        '       Scheduler docker local global init process:              ',
        '       Scheduler docker local global network mode:              ',
        '       Scheduler docker local global parallel schedule count:   ',
        '       Scheduler docker local init process:                     ',
        '       Scheduler docker local network mode:                     ',
        '       Scheduler docker local parallel schedule count:          ',
        '',
      ].join('\n'),
    );
  });

  it('prints JSON with stripped keys only (no legacy prefix)', async () => {
    const result = await env.pier(['docker-local:report', 'node-js-app', '--format', 'json']);

    expect(result.stdout).toBe(
      '{"computed-init-process":"true","computed-network-mode":"bridge","computed-parallel-schedule-count":"1","global-init-process":"","global-network-mode":"","global-parallel-schedule-count":"","init-process":"","network-mode":"","parallel-schedule-count":""}\n',
    );
  });

  it('sets and unsets keys with Dokku’s "key" wording', async () => {
    expect(await env.pier(['scheduler-docker-local:set', 'node-js-app', 'parallel-schedule-count', '4'])).toEqual({
      exitCode: 0,
      stdout: '=====> Setting parallel-schedule-count to 4\n',
      stderr: '',
    });
    expect((await env.pier(['scheduler-docker-local:report', 'node-js-app', '--scheduler-docker-local-computed-parallel-schedule-count'])).stdout).toBe('4\n');
    expect((await env.pier(['scheduler-docker-local:set', 'node-js-app', 'parallel-schedule-count'])).stdout).toBe('=====> Unsetting parallel-schedule-count\n');
  });

  it('applies a --global value to every app', async () => {
    await env.pier(['scheduler-docker-local:set', '--global', 'network-mode', 'host']);

    expect((await env.pier(['docker-local:report', 'node-js-app', '--scheduler-docker-local-computed-network-mode'])).stdout).toBe('host\n');
    await env.pier(['scheduler-docker-local:set', '--global', 'network-mode']);
  });

  it.each([
    [['node-js-app'], 1, 'No key specified'],
    [['node-js-app', 'banana', 'x'], 1, 'Invalid key specified, valid keys include: init-process, network-mode, parallel-schedule-count'],
    [['missing-app', 'init-process', 'false'], 20, 'App missing-app does not exist'],
    [[], 1, 'Please specify an app to run the command on'],
    // Dokku's bash flow has no "cannot be specified globally" step: every key may be global.
    [['--global'], 1, 'No key specified'],
    [['--global', 'bogus'], 1, 'Invalid key specified, valid keys include: init-process, network-mode, parallel-schedule-count'],
  ])('scheduler-docker-local:set %j → exit %i, one line, no change', async (args, exitCode, message) => {
    const before = await env.pier(['docker-local:report', 'node-js-app', '--format', 'json']);

    expect(await env.pier(['scheduler-docker-local:set', ...args])).toEqual({ exitCode, stdout: '', stderr: ` !     ${message}\n` });
    expect(await env.pier(['docker-local:report', 'node-js-app', '--format', 'json'])).toEqual(before);
  });

  it('rejects a network mode that is not a mode or a network name', async () => {
    const result = await env.pier(['scheduler-docker-local:set', 'node-js-app', 'network-mode', 'bad mode!']);

    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toHaveLength(2);
    expect(result.stderr).toMatch(/^ ! {5}.*network-mode/);
  });

  it('prints the topic help for both spellings', async () => {
    const help = await env.pier(['scheduler-docker-local:help']);

    // Dokku's bash help (`column -t`): nothing after the last command.
    expect(help.stdout).toBe(
      [
        'Usage: pier scheduler-docker-local[:COMMAND]',
        '',
        'Manage the docker-local scheduler integration for an app',
        '',
        'Additional commands:',
        '    scheduler-docker-local:report [<app>] [<flag>]                    Displays a scheduler-docker-local report for one or more apps',
        '    scheduler-docker-local:set [<app>|--global] <property> (<value>)  Set or clear a scheduler-docker-local property for an app',
        '',
      ].join('\n'),
    );
    expect(await env.pier(['scheduler-docker-local'])).toEqual(help);
    expect(await env.pier(['docker-local:help'])).toEqual(help);
  });
});
