import { afterEach, describe, expect, it } from '@jest/globals';
import { isValidRestartPolicy } from './set-command.js';
import { psHost, type PsHost } from './test-support/ps-host.js';

let h: PsHost;

describe('isValidRestartPolicy', () => {
  it.each([
    ['no', true],
    ['always', true],
    ['unless-stopped', true],
    ['on-failure', true],
    ['on-failure:20', true],
    ['on-failure:', true],
    ['sometimes', false],
    ['', false],
    ['On-failure', false],
  ])('%j → %s', (policy, valid) => {
    expect(isValidRestartPolicy(policy)).toBe(valid);
  });
});

describe('ps:set', () => {
  afterEach(() => h.host.dispose());

  it('sets and unsets with Dokku’s messages', async () => {
    h = await psHost();

    expect(await h.run('ps:set', 'blog', 'restart-policy', 'on-failure:20')).toEqual({
      exitCode: 0,
      stdout: '=====> Setting restart-policy to on-failure:20\n',
      stderr: '',
    });
    expect(h.props('blog')['restart-policy']).toBe('on-failure:20');
    expect((await h.run('ps:set', 'blog', 'restart-policy')).stdout).toBe('=====> Unsetting restart-policy\n');
    expect(h.props('blog')['restart-policy']).toBeUndefined();
  });

  it('sets global properties', async () => {
    h = await psHost();

    await h.run('ps:set', '--global', 'skip-deploy', 'true');

    expect(h.props('--global')).toEqual({ 'skip-deploy': 'true' });
  });

  it('checks the restart policy before the app, as Dokku does', async () => {
    h = await psHost();

    expect(await h.run('ps:set', 'nope', 'restart-policy', 'sometimes')).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: ' !     Invalid restart-policy specified\n',
    });
  });

  it.each([
    [['nope', 'restore', 'false'], 20, 'App nope does not exist'],
    [['blog'], 1, 'No property specified'],
    [['blog', 'scale', 'web=9'], 1, 'Invalid property specified, valid properties include: dockerfile-start-cmd, procfile-path, restart-policy, restore, skip-deploy, start-cmd, stop-timeout-seconds'],
    [['--global', 'start-cmd', 'x'], 1, 'Property cannot be specified globally'],
    [['--global', 'restore', 'false'], 1, 'Property cannot be specified globally'],
    [['blog', 'stop-timeout-seconds', 'soon'], 1, 'Invalid stop-timeout-seconds specified, must be a whole number of seconds'],
    [['blog', 'skip-deploy', 'yes'], 1, 'Invalid skip-deploy specified, must be true or false'],
    [['blog', 'restore', '0'], 1, 'Invalid restore specified, must be true or false'],
  ])('%j → exit %i: %s', async (args, exitCode, message) => {
    h = await psHost();

    expect(await h.run('ps:set', ...args)).toEqual({ exitCode, stdout: '', stderr: ` !     ${message}\n` });
    expect(h.props('blog')).toEqual({});
    expect(h.props('--global')).toEqual({});
  });
});
