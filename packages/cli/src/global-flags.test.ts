import { describe, expect, it } from '@jest/globals';
import { parseGlobalFlags } from './global-flags.js';

describe('parseGlobalFlags', () => {
  it.each([
    [['apps:list'], { quiet: false, trace: false, force: false }, ['apps:list']],
    [['--quiet', '--trace', 'apps:list', '--quiet'], { quiet: true, trace: true, force: false }, ['apps:list', '--quiet']],
    [['--force', 'apps:destroy', 'blog'], { quiet: false, trace: false, force: true }, ['apps:destroy', 'blog']],
    [['--app', 'blog', 'ps:report'], { quiet: false, trace: false, force: false, app: 'blog' }, ['ps:report']],
    [['--app=blog', 'ps:report'], { quiet: false, trace: false, force: false, app: 'blog' }, ['ps:report']],
  ])('%j', (argv, flags, rest) => {
    expect(parseGlobalFlags(argv)).toEqual({ flags, rest });
  });

  it('needs a value after --app', () => {
    expect(() => parseGlobalFlags(['--app'])).toThrow('flag --app needs a value');
  });
});
