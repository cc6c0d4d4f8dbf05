import { describe, expect, it } from '@jest/globals';
import { parseCommandArgs, type FlagSpec } from './parse-command-args.js';

const logsFlags = {
  num: { type: 'string', short: 'n' },
  tail: { type: 'boolean', short: 't' },
  quiet: { type: 'boolean', short: 'q' },
  format: { type: 'string' },
  env: { type: 'string', short: 'e', multiple: true },
} as const satisfies Record<string, FlagSpec>;

const parse = (...args: string[]) => parseCommandArgs(args, logsFlags);

describe('parseCommandArgs (pflag semantics)', () => {
  it.each([
    [['blog', '-n', '5'], { num: '5' }, ['blog']],
    [['-n5', 'blog'], { num: '5' }, ['blog']],
    [['-n=5', 'blog'], { num: '5' }, ['blog']],
    [['blog', '-n', '-1'], { num: '-1' }, ['blog']],
    [['-tq', 'blog'], { tail: true, quiet: true }, ['blog']],
    [['-tn', '3', 'blog'], { tail: true, num: '3' }, ['blog']],
    [['blog', '--format', 'json'], { format: 'json' }, ['blog']],
    [['blog', '--format=-x'], { format: '-x' }, ['blog']],
    [['--tail=false', 'blog'], {}, ['blog']],
    [['--tail=1', 'blog'], { tail: true }, ['blog']],
    [['-e', 'A=1', '-e', 'B=2', 'blog'], { env: ['A=1', 'B=2'] }, ['blog']],
    [['blog', '--', '-n', '--tail'], {}, ['blog', '-n', '--tail']],
    [['blog', '-'], {}, ['blog', '-']],
  ])('%j', (args, values, positionals) => {
    expect(parse(...args)).toEqual({ values, positionals });
  });

  it.each([
    [['blog', '--colour'], 'unknown flag: --colour'],
    [['blog', '--colour=red'], 'unknown flag: --colour'],
    [['blog', '-l'], "unknown shorthand flag: 'l' in -l"],
    [['blog', '-tl'], "unknown shorthand flag: 'l' in -tl"],
    [['blog', '-1'], "unknown shorthand flag: '1' in -1"],
    [['blog', '--format'], 'flag needs an argument: --format'],
    [['blog', '--format', '--tail'], 'flag needs an argument: --format'],
    [['blog', '-n'], "flag needs an argument: 'n' in -n"],
    [['blog', '--tail=yes'], 'invalid argument "yes" for "--tail" flag: strconv.ParseBool: parsing "yes": invalid syntax'],
  ])('%j is refused with pflag’s message', (args, message) => {
    expect(() => parse(...args)).toThrow(message);
  });
});
