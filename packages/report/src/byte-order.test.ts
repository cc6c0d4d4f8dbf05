import { describe, expect, it } from '@jest/globals';
import { byteLength, compareBytes } from './byte-order.js';

describe('compareBytes', () => {
  it.each([
    ['ASCII order, "-" before letters', '--scheduler-computed-selected', '--scheduler-computed-shell', -1],
    ['"." sorts before digits and letters', '--status-web.1', '--status-web1', -1],
    ['a prefix sorts first', '--ps', '--ps-can-scale', -1],
    ['equal strings', '--deployed', '--deployed', 0],
    // UTF-16 puts U+1F600 (surrogate 0xD83D) before U+FF5E; UTF-8 bytes put it after (F0 > EF).
    ['astral characters sort after U+FFxx, as in Go', '--x-\u{1F600}', '--x-\uFF5E', 1],
  ])('%s', (_name, a, b, expected) => {
    expect(Math.sign(compareBytes(a, b))).toBe(expected);
  });

  it('differs from the default JavaScript sort where Go would', () => {
    const keys = ['--x-\u{1F600}', '--x-\uFF5E'];

    expect([...keys].sort()).toEqual(['--x-\u{1F600}', '--x-\uFF5E']);
    expect([...keys].sort(compareBytes)).toEqual(['--x-\uFF5E', '--x-\u{1F600}']);
  });
});

describe('byteLength', () => {
  it.each([
    ['', 0],
    ['--scheduler-docker-local-computed-parallel-schedule-count', 57],
    ['é', 2],
    ['\u{1F600}', 4],
  ])('%j is %i bytes', (text, expected) => {
    expect(byteLength(text)).toBe(expected);
  });
});
