import { describe, expect, it } from '@jest/globals';
import { logColorFor, prefixLogLine } from './log-prefix.js';

const ts = '2024-01-01T00:00:00.000000000Z';

describe('prefixLogLine', () => {
  it.each([
    ['plain', 'hello', 'web.1', null, `${ts} app[web.1]: hello`],
    ['coloured', 'hello', 'web.1', 36, `\x1b[36m${ts} app[web.1]:\x1b[0m hello`],
    ['a run container', 'done', '12345', 33, `\x1b[33m${ts} app[12345]:\x1b[0m done`],
    ['an empty message', '', 'worker.2', null, `${ts} app[worker.2]: `],
    ['spaces kept in the message', '  indented  text', 'web.1', null, `${ts} app[web.1]:   indented  text`],
  ])('%s', (_name, message, dyno, color, expected) => {
    expect(prefixLogLine(ts, dyno, message, color)).toBe(expected);
  });
});

describe('logColorFor', () => {
  it('cycles 36, 33, 32, 35, 31', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(logColorFor)).toEqual([36, 33, 32, 35, 31, 36, 33]);
  });
});
