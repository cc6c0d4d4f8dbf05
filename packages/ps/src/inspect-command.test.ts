import { afterEach, describe, expect, it } from '@jest/globals';
import { sortedJson } from './sorted-json.js';
import { psHost, type PsHost } from './test-support/ps-host.js';

let h: PsHost;

describe('sortedJson', () => {
  it('sorts keys at every depth, keeps array order, indents by four', () => {
    expect(sortedJson([{ b: 1, a: { d: [3, 1], c: null } }])).toBe(
      '[\n    {\n        "a": {\n            "c": null,\n            "d": [\n                3,\n                1\n            ]\n        },\n        "b": 1\n    }\n]',
    );
  });

  it('prints an empty list as []', () => {
    expect(sortedJson([])).toBe('[]');
  });
});

describe('ps:inspect', () => {
  afterEach(() => h.host.dispose());

  it('prints what the scheduler returns, keys sorted', async () => {
    h = await psHost();

    const result = await h.run('ps:inspect', 'blog');

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(
      `${sortedJson([{ Config: { Env: ['PORT=5000', 'SECRET=XXXXXX'], Image: 'blog:1' }, Id: 'abc', Name: '/blog.web.1' }])}\n`,
    );
    expect(result.stdout.indexOf('"Config"')).toBeLessThan(result.stdout.indexOf('"Name"'));
    expect(h.scheduler.calls).toEqual([{ method: 'inspect', input: { app: 'blog' } }]);
  });

  it.each([
    [[], 1, 'Please specify an app to run the command on'],
    [['nope'], 20, 'App nope does not exist'],
  ])('%j → exit %i', async (args, exitCode, message) => {
    h = await psHost();

    expect(await h.run('ps:inspect', ...args)).toEqual({ exitCode, stdout: '', stderr: ` !     ${message}\n` });
  });

  it('names the scheduler when it cannot inspect', async () => {
    h = await psHost({ without: ['inspect'] });

    expect((await h.run('ps:inspect', 'blog')).stderr).toBe(' !     Scheduler docker-local does not support ps:inspect\n');
  });
});
