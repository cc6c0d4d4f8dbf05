import { afterEach, describe, expect, it } from '@jest/globals';
import { ErrorCodes, PierError, commandHelp } from '@pier/plugin-api';
import { createTestHost, type TestHost } from '@pier/plugin-testkit';
import { report } from './plugin.js';
import { fakeSection, type FakeSection } from './test-support/fake-section.js';
import {
  dockerLocalAppFlags,
  dockerLocalAppJson,
  dockerLocalAppText,
  schedulerAppFlags,
  schedulerAppJson,
  schedulerAppText,
  schedulerGlobalFlags,
} from './test-support/reference-reports.js';

// Registered out of order on purpose: `pier report` sorts sections by name.
const sections = (): FakeSection[] => [
  fakeSection({ section: 'scheduler-docker-local', appFlags: () => dockerLocalAppFlags }),
  fakeSection({
    section: 'scheduler',
    appFlags: () => schedulerAppFlags,
    globalFlags: schedulerGlobalFlags,
    emitLegacyPrefix: true,
  }),
];

const hosts: TestHost[] = [];
afterEach(() => hosts.splice(0).forEach((host) => host.dispose()));

async function hostWith(options: { apps?: string[]; quiet?: boolean; sections?: FakeSection[] } = {}): Promise<TestHost> {
  const host = await createTestHost({
    plugins: [report(), ...(options.sections ?? sections()).map((s) => s.plugin)],
    apps: options.apps ?? ['node-js-app'],
    quiet: options.quiet ?? false,
  });
  hosts.push(host);
  return host;
}

const failure = (message: string, exitCode = 1) => ({ exitCode, stdout: '', stderr: ` !     ${message}\n` });

describe('pier report <app>', () => {
  it('prints every section in name order, each with its own header and padding', async () => {
    const host = await hostWith();

    expect(await host.run('report', 'node-js-app')).toEqual({
      exitCode: 0,
      stdout: `${schedulerAppText}\n${dockerLocalAppText}\n`,
      stderr: '',
    });
  });

  it('prints one JSON line holding each section under its name', async () => {
    const host = await hostWith();

    expect(await host.run('report', 'node-js-app', '--format', 'json')).toEqual({
      exitCode: 0,
      stdout: `{"scheduler":${schedulerAppJson},"scheduler-docker-local":${dockerLocalAppJson}}\n`,
      stderr: '',
    });
  });

  it.each([
    ['from the first section', '--scheduler-computed-selected', 'docker-local\n'],
    ['from the second section', '--scheduler-docker-local-computed-init-process', 'true\n'],
    ['an empty value', '--scheduler-docker-local-init-process', '\n'],
  ])('prints the value of an info flag looked up across sections: %s', async (_name, flag, stdout) => {
    const host = await hostWith();

    expect(await host.run('report', 'node-js-app', flag)).toEqual({ exitCode: 0, stdout, stderr: '' });
  });

  it('rejects an unknown info flag, listing the flags of every section sorted', async () => {
    const host = await hostWith();
    const valid = [...Object.keys(schedulerAppFlags), ...Object.keys(dockerLocalAppFlags)].sort().join(', ');

    expect(await host.run('report', 'node-js-app', '--nope')).toEqual(failure(`Invalid flag passed, valid flags: ${valid}`));
  });

  it('takes the first section in name order when two sections report the same flag', async () => {
    const host = await hostWith({
      sections: [
        fakeSection({ section: 'zeta', appFlags: () => ({ '--deployed': 'from zeta' }) }),
        fakeSection({ section: 'alpha', appFlags: () => ({ '--deployed': 'from alpha' }) }),
      ],
    });

    expect((await host.run('report', 'node-js-app', '--deployed')).stdout).toBe('from alpha\n');
  });

  it('asks only the section whose name starts the flag (§2.2): no other section is evaluated', async () => {
    const [dockerLocal, scheduler] = sections();
    const host = await hostWith({ sections: [dockerLocal!, scheduler!] });

    expect((await host.run('report', 'node-js-app', '--scheduler-docker-local-computed-init-process')).stdout).toBe('true\n');
    expect(scheduler!.collected).toEqual([]);
    expect((await host.run('report', 'node-js-app', '--scheduler-computed-selected')).stdout).toBe('docker-local\n');
    expect(dockerLocal!.collected).toEqual(['node-js-app']);
  });

  it('looks for a flag without a section prefix in section order, stopping at the first that has it', async () => {
    const failing = fakeSection({
      section: 'zeta',
      appFlags: () => {
        throw new PierError(ErrorCodes.DOCKER_UNREACHABLE, 'Cannot reach the Docker engine');
      },
    });
    const host = await hostWith({ sections: [failing, fakeSection({ section: 'alpha', appFlags: () => ({ '--deployed': 'true' }) })] });

    expect(await host.run('report', 'node-js-app', '--deployed')).toEqual({ exitCode: 0, stdout: 'true\n', stderr: '' });
  });

  it('prints the sections before a failing one, then one line on stderr', async () => {
    // `storage` sorts after both scheduler sections.
    const failing = fakeSection({
      section: 'storage',
      appFlags: () => {
        throw new PierError(ErrorCodes.DOCKER_UNREACHABLE, 'Cannot reach the Docker engine');
      },
    });
    const host = await hostWith({ sections: [...sections(), failing] });

    expect(await host.run('report', 'node-js-app')).toEqual({
      exitCode: 1,
      stdout: `${schedulerAppText}\n${dockerLocalAppText}\n`,
      stderr: ' !     Cannot reach the Docker engine\n',
    });
  });

  it('exits 20 for an app that does not exist, collecting nothing', async () => {
    const [dockerLocal, scheduler] = sections();
    const host = await hostWith({ sections: [dockerLocal!, scheduler!] });

    expect(await host.run('report', 'missing')).toEqual(failure('App missing does not exist', 20));
    expect([...dockerLocal!.collected, ...scheduler!.collected]).toEqual([]);
  });

  it('drops every header with --quiet and keeps the values', async () => {
    const host = await hostWith({ quiet: true });

    const outcome = await host.run('report', 'node-js-app');

    expect(outcome.stdout).not.toContain('=====>');
    expect(outcome.stdout.split('\n')).toHaveLength(6 + 6 + 1);
    expect(outcome.stdout).toContain('       Scheduler docker local computed parallel schedule count: 1\n');
  });
});

describe('pier report without an app', () => {
  it('reports every app in turn, every section for each', async () => {
    const host = await hostWith({ apps: ['node-js-app', 'blog'] });

    const outcome = await host.run('report');

    expect(outcome.exitCode).toBe(0);
    expect(outcome.stdout.match(/^=====> .*$/gm)).toEqual([
      '=====> blog scheduler information',
      '=====> blog scheduler-docker-local information',
      '=====> node-js-app scheduler information',
      '=====> node-js-app scheduler-docker-local information',
    ]);
  });

  it('prints one JSON line per app', async () => {
    const host = await hostWith({ apps: ['node-js-app', 'blog'] });

    const outcome = await host.run('report', '--format=json');

    const line = `{"scheduler":${schedulerAppJson},"scheduler-docker-local":${dockerLocalAppJson}}`;
    expect(outcome.stdout).toBe(`${line}\n${line}\n`);
  });

  it('warns and exits 0 when there are no apps', async () => {
    const host = await hostWith({ apps: [] });

    expect(await host.run('report')).toEqual({ exitCode: 0, stdout: '', stderr: " !     You haven't deployed any applications yet\n" });
  });

  it('prints nothing for an app when no plugin reports anything', async () => {
    const host = await hostWith({ sections: [] });

    expect(await host.run('report', 'node-js-app')).toEqual({ exitCode: 0, stdout: '', stderr: '' });
  });
});

describe('pier report: usage errors', () => {
  it.each([
    ['--global', ['--global'], 'report does not support --global'],
    ['two info flags', ['node-js-app', '--a', '--b'], 'report command allows only a single flag'],
    ['json with an info flag', ['node-js-app', '--format', 'json', '--a'], '--format flag cannot be specified when specifying an info flag'],
    ['an unknown format', ['--format', 'yaml'], 'Format must be "stdout" or "json": "yaml"'],
    ['--format without a value', ['--format'], 'flag needs an argument: --format'],
  ])('%s', async (_name, args, message) => {
    const host = await hostWith();

    expect(await host.run('report', ...args)).toEqual(failure(message));
  });
});

describe('pier report: help', () => {
  it('has its own help topic with Dokku usage and wording', async () => {
    const host = await hostWith();

    const topics = await host.bus.collect(commandHelp, {});

    expect(topics.find((t) => t.topic === 'report')).toEqual({
      topic: 'report',
      description: 'Display the reports of every plugin for one or more apps',
      commands: [{ usage: 'report [<app>] [<flag>]', description: 'Displays a report for one or more apps' }],
    });
  });
});
