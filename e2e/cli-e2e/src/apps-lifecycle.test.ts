import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pierEnvironment, type PierEnvironment } from './support/pier.js';

let env: PierEnvironment;
beforeAll(() => {
  env = pierEnvironment();
});
afterAll(() => env.dispose());

const selected = async (app: string) =>
  (await env.pier(['scheduler:report', app, '--scheduler-selected'])).stdout;

describe('apps lifecycle carries scheduler properties', () => {
  it('creates, lists and checks apps', async () => {
    expect(await env.pier(['apps:create', 'blog'])).toEqual({ exitCode: 0, stdout: '-----> Creating blog...\n', stderr: '' });
    expect(await env.pier(['apps:create', 'blog'])).toEqual({ exitCode: 1, stdout: '', stderr: ' !     Name is already taken\n' });
    expect((await env.pier(['apps:list'])).stdout).toBe('=====> My Apps\nblog\n');
    expect((await env.pier(['apps:exists', 'blog'])).exitCode).toBe(0);
    expect(await env.pier(['apps:exists', 'nope'])).toEqual({ exitCode: 20, stdout: '', stderr: ' !     App nope does not exist\n' });
  });

  it('clone copies the scheduler selection', async () => {
    await env.pier(['scheduler:set', 'blog', 'selected', 'null']);

    const clone = await env.pier(['apps:clone', '--skip-deploy', 'blog', 'blog-copy']);

    expect(clone).toEqual({ exitCode: 0, stdout: '-----> Cloning blog to blog-copy\n-----> Creating blog-copy...\n', stderr: '' });
    expect(await selected('blog-copy')).toBe('null\n');
    expect(await selected('blog')).toBe('null\n');
  });

  it('rename moves the selection and removes the old app', async () => {
    const rename = await env.pier(['apps:rename', '--skip-deploy', 'blog', 'journal']);

    expect(rename.exitCode).toBe(0);
    expect(rename.stdout).toBe(
      '-----> Renaming blog to journal\n-----> Creating journal...\n-----> Destroying blog (including all add-ons)\n-----> Cleaning up...\n-----> Retiring old containers and images\n',
    );
    expect(await selected('journal')).toBe('null\n');
    expect(existsSync(join(env.root, 'config', 'scheduler', 'blog'))).toBe(false);
    expect((await env.pier(['apps:exists', 'blog'])).exitCode).toBe(20);
  });

  it('destroy asks for confirmation, then removes the app and its properties', async () => {
    const refused = await env.pier(['apps:destroy', 'journal'], { input: 'wrong\n' });
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toBe(
      ' !     WARNING: Potentially Destructive Action\n !     This command will destroy app journal.\n !     To proceed, type "journal"\nConfirmation did not match test. Aborted.\n',
    );
    expect((await env.pier(['apps:exists', 'journal'])).exitCode).toBe(0);

    const destroyed = await env.pier(['apps:destroy', 'journal'], { input: 'journal\n' });

    expect(destroyed.exitCode).toBe(0);
    expect(destroyed.stdout).toBe('> -----> Destroying journal (including all add-ons)\n-----> Cleaning up...\n-----> Retiring old containers and images\n');
    expect(existsSync(join(env.root, 'config', 'scheduler', 'journal'))).toBe(false);
    expect((await env.pier(['apps:exists', 'journal'])).exitCode).toBe(20);
  });

  it('--force destroys without asking', async () => {
    const result = await env.pier(['--force', 'apps:destroy', 'blog-copy']);

    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
    expect((await env.pier(['apps:list'])).stderr).toBe(" !     You haven't deployed any applications yet\n");
  });
});

describe('reports across plugins', () => {
  it('scheduler:report without an app reports every app in turn', async () => {
    await env.pier(['apps:create', 'one']);
    await env.pier(['apps:create', 'two']);

    const result = await env.pier(['scheduler:report', '--format', 'json']);

    expect(result.stdout.trim().split('\n')).toHaveLength(2);
    expect(JSON.parse(result.stdout.split('\n')[1]!)).toMatchObject({ 'computed-selected': 'docker-local' });
  });

  it('apps:report shows the app directory', async () => {
    const result = await env.pier(['apps:report', 'one', '--app-dir']);

    expect(result).toEqual({ exitCode: 0, stdout: `${join(env.root, 'apps', 'one')}\n`, stderr: '' });
  });
});

describe('command line errors', () => {
  it('prints Dokku’s two lines for an unknown command', async () => {
    expect(await env.pier(['frobnicate'])).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: ' !     `frobnicate` is not a pier command.\n !     See `pier help` for a list of available commands.\n',
    });
  });

  it('lists every topic in pier help', async () => {
    const help = await env.pier(['help']);

    expect(help.exitCode).toBe(0);
    expect(help.stdout).toMatch(/^Usage: pier \[--quiet\|--trace\|--force\] COMMAND <app> \[command-specific-options\]\n/);
    for (const topic of ['apps', 'scheduler', 'scheduler-docker-local', 'scheduler-null', 'report']) {
      expect(help.stdout).toMatch(new RegExp(`\\n    ${topic} +\\S`));
    }
  });
});
