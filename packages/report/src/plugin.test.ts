import { afterEach, describe, expect, it } from '@jest/globals';
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
  schedulerGlobalText,
} from './test-support/reference-reports.js';

const ALL_SCHEDULER_FLAGS =
  '--scheduler-computed-selected, --scheduler-computed-shell, --scheduler-global-selected, --scheduler-global-shell, --scheduler-selected, --scheduler-shell';
const GLOBAL_SCHEDULER_FLAGS =
  '--scheduler-computed-selected, --scheduler-computed-shell, --scheduler-global-selected, --scheduler-global-shell';

/** The scheduler section of the reference; `blog` has `null` selected so apps can be told apart. */
const scheduler = () =>
  fakeSection({
    section: 'scheduler',
    appFlags: (app) =>
      app === 'blog'
        ? { ...schedulerAppFlags, '--scheduler-computed-selected': 'null', '--scheduler-selected': 'null' }
        : schedulerAppFlags,
    globalFlags: schedulerGlobalFlags,
    trimPrefix: true,
    emitLegacyPrefix: true,
  });

/** A section without global values, like ps with docker-local's per-container flags. */
const demo = () =>
  fakeSection({
    section: 'demo',
    appFlags: (app) => ({ '--demo-app': app, '--status-web.1': 'running (CID: 0123456789a)' }),
    trimPrefix: true,
  });

const hosts: TestHost[] = [];
afterEach(() => hosts.splice(0).forEach((host) => host.dispose()));

async function hostWith(sections: FakeSection[], options: { apps?: string[]; quiet?: boolean } = {}): Promise<TestHost> {
  const host = await createTestHost({
    plugins: [report(), ...sections.map((s) => s.plugin)],
    apps: options.apps ?? ['node-js-app'],
    quiet: options.quiet ?? false,
  });
  hosts.push(host);
  return host;
}

const failure = (message: string, exitCode = 1) => ({ exitCode, stdout: '', stderr: ` !     ${message}\n` });

describe('<section>:report for one app: the reference outputs', () => {
  it('prints the scheduler text report byte for byte, trailing spaces included', async () => {
    const host = await hostWith([scheduler()]);

    expect(await host.run('scheduler:report', 'node-js-app')).toEqual({ exitCode: 0, stdout: `${schedulerAppText}\n`, stderr: '' });
  });

  it('prints the global scheduler report', async () => {
    const section = scheduler();
    const host = await hostWith([section]);

    expect(await host.run('scheduler:report', '--global')).toEqual({ exitCode: 0, stdout: `${schedulerGlobalText}\n`, stderr: '' });
    expect(section.collected).toEqual(['--global']);
  });

  it.each([
    ['--format json', ['node-js-app', '--format', 'json']],
    ['--format=json', ['--format=json', 'node-js-app']],
  ])('prints the scheduler JSON with both key shapes (%s)', async (_name, args) => {
    const host = await hostWith([scheduler()]);

    expect(await host.run('scheduler:report', ...args)).toEqual({ exitCode: 0, stdout: `${schedulerAppJson}\n`, stderr: '' });
  });

  it('pads scheduler-docker-local to 57 and trims its JSON keys without the legacy ones', async () => {
    const dockerLocal = fakeSection({ section: 'scheduler-docker-local', appFlags: () => dockerLocalAppFlags });
    const host = await hostWith([dockerLocal]);

    expect((await host.run('scheduler-docker-local:report', 'node-js-app')).stdout).toBe(`${dockerLocalAppText}\n`);
    expect((await host.run('scheduler-docker-local:report', 'node-js-app', '--format', 'json')).stdout).toBe(
      `${dockerLocalAppJson}\n`,
    );
  });

  it('labels container status flags with spaces for dots', async () => {
    const host = await hostWith([demo()]);

    const outcome = await host.run('demo:report', 'node-js-app');

    expect(outcome.stdout).toBe(
      [
        '=====> node-js-app demo information',
        '       Demo app:                      node-js-app',
        '       Status web 1:                  running (CID: 0123456789a)',
        '',
      ].join('\n'),
    );
  });
});

describe('<section>:report with an info flag', () => {
  it.each([
    ['a set value', ['node-js-app', '--scheduler-computed-selected'], 'docker-local\n'],
    ['an empty value is a blank line', ['node-js-app', '--scheduler-shell'], '\n'],
    ['the flag may come first', ['--scheduler-computed-selected', 'node-js-app'], 'docker-local\n'],
    ['--format stdout is allowed', ['node-js-app', '--format', 'stdout', '--scheduler-computed-selected'], 'docker-local\n'],
    ['a global flag', ['--global', '--scheduler-computed-selected'], 'docker-local\n'],
  ])('prints only the value: %s', async (_name, args, stdout) => {
    const host = await hostWith([scheduler()]);

    expect(await host.run('scheduler:report', ...args)).toEqual({ exitCode: 0, stdout, stderr: '' });
  });

  it('rejects an unknown flag, listing every valid flag sorted', async () => {
    const host = await hostWith([scheduler()]);

    expect(await host.run('scheduler:report', 'node-js-app', '--scheduler-nope')).toEqual(
      failure(`Invalid flag passed, valid flags: ${ALL_SCHEDULER_FLAGS}`),
    );
  });

  it('rejects an app-only flag with --global, listing the global flags', async () => {
    const host = await hostWith([scheduler()]);

    expect(await host.run('scheduler:report', '--global', '--scheduler-selected')).toEqual(
      failure(`Invalid flag passed, valid flags: ${GLOBAL_SCHEDULER_FLAGS}`),
    );
  });
});

describe('<section>:report: usage errors (exit 1, nothing on stdout, nothing collected)', () => {
  it.each([
    ['json with an info flag', ['node-js-app', '--format', 'json', '--scheduler-selected'], '--format flag cannot be specified when specifying an info flag'],
    ['an unknown format', ['node-js-app', '--format', 'yaml'], 'Format must be "stdout" or "json": "yaml"'],
    ['two info flags (Dokku exits 0 silently)', ['node-js-app', '--scheduler-selected', '--scheduler-shell'], 'scheduler:report command allows only a single flag'],
    ['--format without a value', ['node-js-app', '--format'], 'flag needs an argument: --format'],
  ])('%s', async (_name, args, message) => {
    const section = scheduler();
    const host = await hostWith([section]);

    expect(await host.run('scheduler:report', ...args)).toEqual(failure(message));
    expect(section.collected).toEqual([]);
  });

  it('checks the app before the format, as Dokku does: a missing app exits 20', async () => {
    const host = await hostWith([scheduler()]);

    expect(await host.run('scheduler:report', 'missing', '--format', 'yaml')).toEqual(failure('App missing does not exist', 20));
  });

  it('warns and exits 0 for a bad format when there are no apps, as Dokku does', async () => {
    const host = await hostWith([scheduler()], { apps: [] });

    expect(await host.run('scheduler:report', '--format', 'yaml')).toEqual({
      exitCode: 0,
      stdout: '',
      stderr: " !     You haven't deployed any applications yet\n",
    });
  });

  it('refuses --global for a section without global values', async () => {
    const section = demo();
    const host = await hostWith([section]);

    expect(await host.run('demo:report', '--global')).toEqual(failure('demo:report does not support --global'));
    expect(section.collected).toEqual([]);
  });
});

describe('<section>:report: app checks', () => {
  it('exits 20 for an app that does not exist', async () => {
    const section = scheduler();
    const host = await hostWith([section]);

    expect(await host.run('scheduler:report', 'missing')).toEqual(failure('App missing does not exist', 20));
    expect(section.collected).toEqual([]);
  });

  it('exits 1 for an invalid app name', async () => {
    const host = await hostWith([scheduler()]);

    const outcome = await host.run('scheduler:report', 'Bad_Name');

    expect(outcome.exitCode).toBe(1);
    expect(outcome.stderr).toMatch(/^ ! {5}App name must begin with lowercase alphanumeric character/);
  });

  it('fails naming the trigger when no plugin reports the section', async () => {
    const orphan = fakeSection({ section: 'orphan', appFlags: () => ({}), withoutCollector: true });
    const host = await hostWith([orphan, scheduler()]);

    expect(await host.run('orphan:report', 'node-js-app')).toEqual(
      failure('no plugin handles report:collect for "orphan" (registered: scheduler)'),
    );
  });

  it('prints only the header for a section with no flags', async () => {
    const host = await hostWith([fakeSection({ section: 'empty', appFlags: () => ({}) })]);

    expect(await host.run('empty:report', 'node-js-app')).toEqual({
      exitCode: 0,
      stdout: '=====> node-js-app empty information\n',
      stderr: '',
    });
  });
});

describe('<section>:report without an app: every app in turn', () => {
  it('prints one text report per app, in the order of the app list', async () => {
    const section = scheduler();
    const host = await hostWith([section], { apps: ['node-js-app', 'blog'] });

    const outcome = await host.run('scheduler:report');

    expect(section.collected).toEqual(['blog', 'node-js-app']);
    expect(outcome.exitCode).toBe(0);
    expect(outcome.stdout).toBe(
      [
        '=====> blog scheduler information',
        '       Scheduler computed selected:   null',
        '       Scheduler computed shell:      ',
        '       Scheduler global selected:     ',
        '       Scheduler global shell:        ',
        '       Scheduler selected:            null',
        '       Scheduler shell:               ',
        schedulerAppText,
        '',
      ].join('\n'),
    );
  });

  it('prints one compact JSON object per line with --format json', async () => {
    const host = await hostWith([scheduler()], { apps: ['node-js-app', 'blog'] });

    const outcome = await host.run('scheduler:report', '--format', 'json');

    const lines = outcome.stdout.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(JSON.parse(lines[0]!)).toMatchObject({ selected: 'null', 'scheduler-selected': 'null' });
    expect(lines[1]).toBe(schedulerAppJson);
  });

  it('prints the info flag value of every app', async () => {
    const host = await hostWith([scheduler()], { apps: ['node-js-app', 'blog'] });

    expect(await host.run('scheduler:report', '--scheduler-computed-selected')).toEqual({
      exitCode: 0,
      stdout: 'null\ndocker-local\n',
      stderr: '',
    });
  });

  it('stops at the first app when the info flag is unknown, before printing anything', async () => {
    const section = scheduler();
    const host = await hostWith([section], { apps: ['node-js-app', 'blog'] });

    expect(await host.run('scheduler:report', '--nope')).toEqual(failure(`Invalid flag passed, valid flags: ${ALL_SCHEDULER_FLAGS}`));
    expect(section.collected).toEqual(['blog']);
  });

  it.each([
    ['text', []],
    ['json', ['--format', 'json']],
    ['an info flag', ['--scheduler-selected']],
  ])('warns and exits 0 when there are no apps (%s)', async (_name, args) => {
    const section = scheduler();
    const host = await hostWith([section], { apps: [] });

    expect(await host.run('scheduler:report', ...args)).toEqual({
      exitCode: 0,
      stdout: '',
      stderr: " !     You haven't deployed any applications yet\n",
    });
    expect(section.collected).toEqual([]);
  });
});

describe('<section>:report with --quiet', () => {
  it('drops the header and keeps the values', async () => {
    const host = await hostWith([scheduler()], { quiet: true });

    const outcome = await host.run('scheduler:report', 'node-js-app');

    expect(outcome.stdout).toBe(`${schedulerAppText.split('\n').slice(1).join('\n')}\n`);
  });

  it.each([
    ['JSON', ['node-js-app', '--format', 'json'], `${schedulerAppJson}\n`],
    ['an info flag value', ['node-js-app', '--scheduler-computed-selected'], 'docker-local\n'],
  ])('keeps %s', async (_name, args, stdout) => {
    const host = await hostWith([scheduler()], { quiet: true });

    expect((await host.run('scheduler:report', ...args)).stdout).toBe(stdout);
  });
});
