import { describe, expect, it } from '@jest/globals';
import { prefixLine } from './log-format.js';

const ts = '2024-01-01T00:00:00.000000000Z';

describe('prefixLine', () => {
  it.each([
    ['plain', `${ts} hello`, 'web.1', null, `${ts} app[web.1]: hello`],
    ['coloured', `${ts} hello`, 'web.1', 36, `\x1b[36m${ts} app[web.1]:\x1b[0m hello`],
    ['a run container', `${ts} done`, '12345', 33, `\x1b[33m${ts} app[12345]:\x1b[0m done`],
    ['an empty message', `${ts} `, 'worker.2', null, `${ts} app[worker.2]: `],
    ['spaces kept in the message', `${ts}   indented  text`, 'web.1', null, `${ts} app[web.1]:   indented  text`],
    ['no timestamp: untouched', 'no time here', 'web.1', 36, 'no time here'],
  ])('%s', (_name, line, dyno, color, expected) => {
    expect(prefixLine(line, dyno, color)).toBe(expected);
  });
});
