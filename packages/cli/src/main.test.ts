import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestIO } from '@pier/plugin-testkit';
import { main } from './main.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'pier-cli-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

async function pier(...argv: string[]) {
  const io = createTestIO();
  const exitCode = await main(argv, { PIER_ROOT: root }, io);
  return { exitCode, stdout: io.stdoutText(), stderr: io.stderrText() };
}

describe('pier (in process)', () => {
  it('prints Dokku’s two lines and exits 1 for an unknown command', async () => {
    expect(await pier('frobnicate', 'blog')).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: ' !     `frobnicate blog` is not a pier command.\n !     See `pier help` for a list of available commands.\n',
    });
  });

  it('shows a topic’s help for <topic>, <topic>:help and <command> --help', async () => {
    const byTopic = await pier('scheduler');
    const byHelp = await pier('scheduler:help');
    const byFlag = await pier('scheduler:set', '--help');

    expect(byTopic.stdout).toMatch(/^Usage: pier scheduler\[:COMMAND\]\n\nManage scheduler settings for an app\n/);
    expect(byHelp).toEqual(byTopic);
    expect(byFlag).toEqual(byTopic);
  });

  it('runs a command named like its topic instead of help (pier apps lists apps)', async () => {
    expect(await pier('apps')).toEqual({
      exitCode: 0,
      stdout: '=====> My Apps\n',
      stderr: " !     You haven't deployed any applications yet\n",
    });
  });

  it('inserts --app as the first argument', async () => {
    await pier('apps:create', 'blog');

    expect(await pier('--app', 'blog', 'scheduler:report', '--scheduler-computed-selected')).toEqual({
      exitCode: 0,
      stdout: 'docker-local\n',
      stderr: '',
    });
  });

  it('ignores an empty --app, as Dokku inserts only a non-empty app', async () => {
    await pier('apps:create', 'blog');

    expect(await pier('--app=', 'scheduler:report', '--scheduler-selected')).toEqual({ exitCode: 0, stdout: '\n', stderr: '' });
  });

  it('shows the inserted app in the unknown-command message of a known topic', async () => {
    const unknown = (words: string) => ` !     \`${words}\` is not a pier command.\n !     See \`pier help\` for a list of available commands.\n`;

    expect((await pier('--app', 'cl2', 'scheduler:bogus', 'x')).stderr).toBe(unknown('scheduler:bogus cl2 x'));
    expect((await pier('--app', 'cl2', 'docker-local:bogus')).stderr).toBe(unknown('docker-local:bogus cl2'));
    expect((await pier('--app', 'cl2', 'frobnicate', 'x')).stderr).toBe(unknown('frobnicate x'));
  });

  it('skips unknown leading --flags as Dokku does', async () => {
    const help = await pier('help');

    expect(await pier('--bogus', '--rm', 'help')).toEqual(help);
  });

  it('--quiet drops the help header', async () => {
    const quiet = await pier('--quiet', 'help');

    expect(quiet.stdout).toMatch(/^ {4}apps +Manage apps\n/);
    expect(quiet.stdout).not.toContain('Usage:');
  });

  it('maps a missing app to exit 20', async () => {
    expect(await pier('scheduler:report', 'nope')).toEqual({ exitCode: 20, stdout: '', stderr: ' !     App nope does not exist\n' });
  });

  it('expands the docker-local: alias', async () => {
    expect((await pier('docker-local:help')).stdout).toMatch(/^Usage: pier scheduler-docker-local\[:COMMAND\]/);
  });

  it('--quiet suppresses quiet-able lines', async () => {
    expect(await pier('--quiet', 'apps:create', 'blog')).toEqual({ exitCode: 0, stdout: '', stderr: '' });
  });

  it('prints the version', async () => {
    expect((await pier('version')).stdout).toMatch(/^pier \d+\.\d+\.\d+\n$/);
  });
});
