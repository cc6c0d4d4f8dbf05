import { describe, expect, it } from '@jest/globals';
import { parseGlobalFlags } from './global-flags.js';

const none = { quiet: false, trace: false, force: false };

describe('parseGlobalFlags', () => {
  it.each([
    [['apps:list'], none, ['apps:list']],
    [['--quiet', '--trace', 'apps:list', '--quiet'], { ...none, quiet: true, trace: true }, ['apps:list', '--quiet']],
    [['--force', 'apps:destroy', 'blog'], { ...none, force: true }, ['apps:destroy', 'blog']],
    [['--app', 'blog', 'ps:report'], { ...none, app: 'blog' }, ['ps:report']],
    [['--app=blog', 'ps:report'], { ...none, app: 'blog' }, ['ps:report']],
    [['--app=', 'ps:report'], { ...none, app: '' }, ['ps:report']],
    // Dokku skips every leading --flag it does not know.
    [['--bogus', 'help'], none, ['help']],
    [['--rm', '--rm-container', '--detach', '--quiet', 'run', 'blog'], { ...none, quiet: true }, ['run', 'blog']],
    [['--help'], none, ['--help']],
    [['--quiet', '--version'], { ...none, quiet: true }, ['--version']],
    [['-h'], none, ['-h']],
  ])('%j', (argv, flags, rest) => {
    expect(parseGlobalFlags(argv)).toEqual({ flags, rest });
  });

  it('needs a value after --app', () => {
    expect(() => parseGlobalFlags(['--app'])).toThrow('flag needs an argument: --app');
  });
});
