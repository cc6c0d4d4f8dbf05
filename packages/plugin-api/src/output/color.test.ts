import { describe, expect, it } from '@jest/globals';
import { PassThrough } from 'node:stream';
import { colorWanted } from './color.js';

describe('colorWanted', () => {
  it.each([
    ['a terminal', true, {}, true],
    ['a terminal with NO_COLOR', true, { NO_COLOR: '1' }, false],
    ['a terminal with an empty NO_COLOR (the convention: unset)', true, { NO_COLOR: '' }, true],
    ['a pipe', false, {}, false],
  ])('%s', (_name, isTTY, env, expected) => {
    expect(colorWanted({ stdout: Object.assign(new PassThrough(), { isTTY }) }, env)).toBe(expected);
  });
});
