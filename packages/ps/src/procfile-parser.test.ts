import { describe, expect, it } from '@jest/globals';
import { ErrorCodes } from '@pier/plugin-api';
import { isValidProcessType, parseProcfile } from './procfile-parser.js';

describe('parseProcfile', () => {
  it.each([
    ['one process', 'web: node server.js', [['web', 'node server.js']]],
    ['types sorted, commands kept verbatim', 'worker: rake jobs:work\nweb: httpd -p $PORT', [['web', 'httpd -p $PORT'], ['worker', 'rake jobs:work']]],
    ['comments and blank lines', '# web server\n\n// clock\nweb: a\n   \n', [['web', 'a']]],
    ['a trailing # comment', 'web: node server.js   # serves http', [['web', 'node server.js']]],
    ['a trailing // comment', 'web: node server.js // serves http', [['web', 'node server.js']]],
    ['a URL is not a comment', 'web: curl http://example.com/#top', [['web', 'curl http://example.com/#top']]],
    ['no space after the colon', 'web:node server.js', [['web', 'node server.js']]],
    ['CRLF line endings', 'web: a\r\nworker: b\r\n', [['web', 'a'], ['worker', 'b']]],
    ['hyphenated types', 'urgent-worker: x', [['urgent-worker', 'x']]],
    ['a colon inside the command', 'release: rake db:migrate', [['release', 'rake db:migrate']]],
    ['complete quoting of every kind', `web: sh -c 'exec httpd -p $PORT' "a \\"b\\"" c\\ d ''`, [['web', `sh -c 'exec httpd -p $PORT' "a \\"b\\"" c\\ d ''`]]],
  ])('%s', (_name, text, expected) => {
    expect([...parseProcfile(text)]).toEqual(expected);
  });

  it.each([
    ['a line without a colon', 'web: a\nnot a process', 'invalid line in procfile, line 2'],
    ['a type with an empty command', 'web:', 'invalid line in procfile, line 1'],
    ['uppercase type (strict mode)', 'Web: a', 'process name contains invalid characters, line 1'],
    ['underscore in type (strict mode)', 'web_1: a', 'process name contains invalid characters, line 1'],
    ['type ending in a hyphen', 'web-: a', 'process name contains invalid characters, line 1'],
    ['a type over 63 characters', `${'w'.repeat(64)}: a`, 'process name over 63 characters, line 1'],
    ['a duplicate type', 'web: a\n\nweb: b', 'process names must be unique, line 3'],
    ['a comment as the command', 'web: # nothing', 'comment specified in place of command, line 1'],
    ['an unterminated single quote', "web: a\nworker: sh -c 'echo unterminated", 'unterminated single quote in command, line 2'],
    ['an unterminated double quote', 'web: echo "a \\" b', 'unterminated double quote in command, line 1'],
    ['a trailing backslash', 'web: echo a \\', 'trailing backslash in command, line 1'],
    ['only comments', '# nothing here\n', 'no entries found in Procfile'],
    ['an empty file', '', 'no entries found in Procfile'],
    ['merge-conflict markers', 'web: a\n<<<<<<< HEAD\nweb: b', 'invalid line in procfile, line 2'],
  ])('refuses %s', (_name, text, detail) => {
    expect(() => parseProcfile(text)).toThrow(`Invalid Procfile: ${detail}`);
  });

  it('fails with the deploy-failed code, so the CLI exits 1', () => {
    let thrown: unknown;
    try {
      parseProcfile('');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: ErrorCodes.DEPLOY_FAILED });
  });
});

describe('isValidProcessType', () => {
  it.each([
    ['web', true],
    ['worker-2', true],
    ['w'.repeat(63), true],
    ['w'.repeat(64), false],
    ['Web', false],
    ['-web', false],
    ['web.1', false],
    ['', false],
  ])('%s → %s', (name, valid) => {
    expect(isValidProcessType(name)).toBe(valid);
  });
});
