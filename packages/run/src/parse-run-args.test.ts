import { describe, expect, it } from '@jest/globals';
import { parseRunArgs } from './parse-run-args.js';

const base = { env: {}, noTty: false, forceTty: false, ttlSeconds: 86400 };

describe('parseRunArgs', () => {
  it.each([
    ['app and command', ['blog', 'ls', '-la'], { ...base, app: 'blog', command: ['ls', '-la'] }],
    ['flags only before the app', ['--no-tty', 'blog', 'echo', '--no-tty'], { ...base, noTty: true, app: 'blog', command: ['echo', '--no-tty'] }],
    ['-- before the command', ['blog', '--', 'env'], { ...base, app: 'blog', command: ['env'] }],
    ['-- before the app', ['--', 'blog', 'env'], { ...base, app: 'blog', command: ['env'] }],
    ['env pairs, literally', ['-e', 'A=$(id)', '--env=B=x=y', '-e', 'EMPTY=', 'blog', 'env'], { ...base, env: { A: '$(id)', B: 'x=y', EMPTY: '' }, app: 'blog', command: ['env'] }],
    ['a ttl', ['--ttl-seconds', '60', 'blog'], { ...base, ttlSeconds: 60, app: 'blog', command: [] }],
    ['a ttl with =', ['--ttl-seconds=5', 'blog', 'true'], { ...base, ttlSeconds: 5, app: 'blog', command: ['true'] }],
    ['a ttl of 0 (Dokku’s check is ^[0-9]+$)', ['--ttl-seconds', '0', 'blog'], { ...base, ttlSeconds: 0, app: 'blog', command: [] }],
    ['--force-tty', ['--force-tty', 'blog', 'sh'], { ...base, forceTty: true, app: 'blog', command: ['sh'] }],
    ['no app', [], { ...base, app: undefined, command: [] }],
  ])('%s', (_name, args, expected) => {
    expect(parseRunArgs(args)).toEqual(expected);
  });

  it.each([
    [['--ttl-seconds', 'abc', 'blog'], '--ttl-seconds must be a positive integer'],
    [['--ttl-seconds', '-5', 'blog'], '--ttl-seconds must be a positive integer'],
    [['--ttl-seconds'], 'flag --ttl-seconds needs a value'],
    [['-e', 'not a var', 'blog'], 'Invalid environment variable "not a var": use -e KEY=VALUE'],
    [['--colour', 'blog'], 'unknown flag: --colour'],
  ])('%j fails with one clear line', (args, message) => {
    expect(() => parseRunArgs(args)).toThrow(message);
  });

  it('refuses --force-tty together with --no-tty', () => {
    expect(() => parseRunArgs(['--force-tty', '--no-tty', 'blog'])).toThrow('Cannot specify both --force-tty and --no-tty');
  });
});
