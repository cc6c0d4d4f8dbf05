import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pierEnvironment, type PierEnvironment } from './support/pier.js';

// Expected outputs are Dokku's, byte for byte (reference §1.3, §1.4, §2.2), with `pier` for `dokku`.
let env: PierEnvironment;
beforeAll(async () => {
  env = pierEnvironment();
  await env.pier(['apps:create', 'node-js-app']);
});
afterAll(() => env.dispose());

const invalidMessage = 'App name must begin with lowercase alphanumeric character, and may only contain lowercase alphanumerics, dots, and hyphens';

describe('scheduler:report', () => {
  it('prints Dokku’s layout for an app with nothing set (trailing spaces kept)', async () => {
    const result = await env.pier(['scheduler:report', 'node-js-app']);

    expect(result).toEqual({
      exitCode: 0,
      stderr: '',
      stdout: [
        '=====> node-js-app scheduler information',
        '       Scheduler computed selected:   docker-local',
        '       Scheduler computed shell:      ',
        '       Scheduler global selected:     ',
        '       Scheduler global shell:        ',
        '       Scheduler selected:            ',
        '       Scheduler shell:               ',
        '',
      ].join('\n'),
    });
  });

  it('prints Dokku’s JSON with stripped and legacy keys', async () => {
    const result = await env.pier(['scheduler:report', 'node-js-app', '--format', 'json']);

    expect(result.stdout).toBe(
      '{"computed-selected":"docker-local","computed-shell":"","global-selected":"","global-shell":"","scheduler-computed-selected":"docker-local","scheduler-computed-shell":"","scheduler-global-selected":"","scheduler-global-shell":"","scheduler-selected":"","scheduler-shell":"","selected":"","shell":""}\n',
    );
  });

  it('prints the --global report', async () => {
    const result = await env.pier(['scheduler:report', '--global']);

    expect(result.stdout).toBe(
      [
        '=====> --global scheduler information',
        '       Scheduler computed selected:   docker-local',
        '       Scheduler computed shell:      ',
        '       Scheduler global selected:     ',
        '       Scheduler global shell:        ',
        '',
      ].join('\n'),
    );
  });

  it('prints one value for an info flag', async () => {
    expect(await env.pier(['scheduler:report', 'node-js-app', '--scheduler-computed-selected'])).toEqual({
      exitCode: 0,
      stdout: 'docker-local\n',
      stderr: '',
    });
    expect((await env.pier(['scheduler:report', 'node-js-app', '--scheduler-selected'])).stdout).toBe('\n');
  });

  it.each([
    [['node-js-app', '--scheduler-banana'], 1, 'Invalid flag passed, valid flags: --scheduler-computed-selected, --scheduler-computed-shell, --scheduler-global-selected, --scheduler-global-shell, --scheduler-selected, --scheduler-shell'],
    [['--global', '--scheduler-selected'], 1, 'Invalid flag passed, valid flags: --scheduler-computed-selected, --scheduler-computed-shell, --scheduler-global-selected, --scheduler-global-shell'],
    [['node-js-app', '--format', 'json', '--scheduler-selected'], 1, '--format flag cannot be specified when specifying an info flag'],
    [['node-js-app', '--format', 'yaml'], 1, 'Format must be "stdout" or "json": "yaml"'],
    [['node-js-app', '--format'], 1, 'flag needs an argument: --format'],
    [['missing-app'], 20, 'App missing-app does not exist'],
    // Dokku verifies the app before it looks at the format.
    [['missing-app', '--format', 'yaml'], 20, 'App missing-app does not exist'],
    [['Bad_App'], 1, invalidMessage],
  ])('scheduler:report %j → exit %i', async (args, exitCode, message) => {
    expect(await env.pier(['scheduler:report', ...args])).toEqual({ exitCode, stdout: '', stderr: ` !     ${message}\n` });
  });

  it('refuses two info flags instead of silently printing nothing (Dokku quirk §7.4, fixed)', async () => {
    const result = await env.pier(['scheduler:report', 'node-js-app', '--scheduler-selected', '--scheduler-shell']);

    expect(result).toEqual({ exitCode: 1, stdout: '', stderr: ' !     scheduler:report command allows only a single flag\n' });
  });
});

describe('scheduler:set', () => {
  it('sets, reports and unsets a value with Dokku’s messages and file layout', async () => {
    const set = await env.pier(['scheduler:set', 'node-js-app', 'selected', 'null']);
    const file = join(env.root, 'config', 'scheduler', 'node-js-app', 'selected');
    const computed = await env.pier(['scheduler:report', 'node-js-app', '--scheduler-computed-selected']);
    const unset = await env.pier(['scheduler:set', 'node-js-app', 'selected']);

    expect(set).toEqual({ exitCode: 0, stdout: '=====> Setting selected to null\n', stderr: '' });
    expect(computed.stdout).toBe('null\n');
    expect(unset).toEqual({ exitCode: 0, stdout: '=====> Unsetting selected\n', stderr: '' });
    expect(() => statSync(file)).toThrow();
  });

  it('writes files 0600 without a trailing newline, and --global applies to every app', async () => {
    await env.pier(['scheduler:set', '--global', 'shell', '/bin/sh']);
    const file = join(env.root, 'config', 'scheduler', '--global', 'shell');

    expect(readFileSync(file, 'utf8')).toBe('/bin/sh');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect((await env.pier(['scheduler:report', 'node-js-app', '--scheduler-computed-shell'])).stdout).toBe('/bin/sh\n');

    await env.pier(['scheduler:set', '--global', 'shell']);
  });

  it.each([
    [[], 1, 'Please specify an app to run the command on'],
    [['missing-app', 'selected', 'null'], 20, 'App missing-app does not exist'],
    [['Bad_App', 'selected', 'null'], 1, invalidMessage],
    [['--global', 'banana', 'x'], 1, 'Property cannot be specified globally'],
    [['node-js-app'], 1, 'No property specified'],
    [['node-js-app', 'banana', 'x'], 1, 'Invalid property specified, valid properties include: selected, shell'],
    [['node-js-app', 'selected', 'k3s'], 1, 'Scheduler k3s is not installed; installed schedulers: docker-local, docker-swarm, null'],
    [['--global'], 1, 'Property cannot be specified globally'],
    // pflag: a value starting with a dash is a flag unless it comes after `--`.
    [['node-js-app', 'shell', '-l'], 1, "unknown shorthand flag: 'l' in -l"],
  ])('scheduler:set %j → exit %i and no change', async (args, exitCode, message) => {
    const before = await env.pier(['scheduler:report', 'node-js-app', '--format', 'json']);

    expect(await env.pier(['scheduler:set', ...args])).toEqual({ exitCode, stdout: '', stderr: ` !     ${message}\n` });
    expect(await env.pier(['scheduler:report', 'node-js-app', '--format', 'json'])).toEqual(before);
  });

  it('takes a value starting with a dash after --', async () => {
    expect(await env.pier(['scheduler:set', 'node-js-app', 'shell', '--', '-l'])).toEqual({ exitCode: 0, stdout: '=====> Setting shell to -l\n', stderr: '' });
    await env.pier(['scheduler:set', 'node-js-app', 'shell']);
  });

  it('--quiet suppresses the Setting line', async () => {
    expect(await env.pier(['--quiet', 'scheduler:set', 'node-js-app', 'shell', '/bin/sh'])).toEqual({
      exitCode: 0,
      stdout: '',
      stderr: '',
    });
    await env.pier(['scheduler:set', 'node-js-app', 'shell']);
  });
});

describe('scheduler help', () => {
  it('prints the same text for scheduler and scheduler:help', async () => {
    const help = await env.pier(['scheduler:help']);

    expect(help.stdout).toBe(
      [
        'Usage: pier scheduler[:COMMAND]',
        '',
        'Manage scheduler settings for an app',
        '',
        'Additional commands:',
        '    scheduler:report [<app>] [<flag>]         Displays a scheduler report for one or more apps',
        '    scheduler:set <app> <property> (<value>)  Set or clear a scheduler property for an app',
        // Dokku's Go CommandUsage: columnize prefixes the last, empty, line too.
        '    ',
        '',
      ].join('\n'),
    );
    expect(await env.pier(['scheduler'])).toEqual(help);
  });

  it('prints the null scheduler help', async () => {
    expect((await env.pier(['scheduler-null:help'])).stdout).toBe('Usage: pier scheduler-null[:COMMAND]\n\nNo-op scheduler plugin\n\n');
  });
});
