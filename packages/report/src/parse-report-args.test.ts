import { describe, expect, it } from '@jest/globals';
import { ErrorCodes } from '@pier/plugin-api';
import { parseReportArgs, type ParsedReportArgs } from './parse-report-args.js';

const defaults: ParsedReportArgs = { app: undefined, global: false, format: 'stdout', infoFlag: undefined };

describe('parseReportArgs: accepted arguments', () => {
  it.each<[string, string[], Partial<ParsedReportArgs>]>([
    ['nothing: every app, text', [], {}],
    ['an app', ['blog'], { app: 'blog' }],
    ['--global', ['--global'], { global: true }],
    ['--global after an app (Dokku reports global)', ['blog', '--global'], { app: 'blog', global: true }],
    ['an info flag', ['blog', '--scheduler-selected'], { app: 'blog', infoFlag: '--scheduler-selected' }],
    ['an info flag before the app', ['--scheduler-selected', 'blog'], { app: 'blog', infoFlag: '--scheduler-selected' }],
    ['an info flag without an app', ['--scheduler-selected'], { infoFlag: '--scheduler-selected' }],
    ['--format json as a pair', ['blog', '--format', 'json'], { app: 'blog', format: 'json' }],
    ['--format before the app', ['--format', 'json', 'blog'], { app: 'blog', format: 'json' }],
    ['--format=json (a Dokku quirk fixed)', ['--format=json', 'blog'], { app: 'blog', format: 'json' }],
    ['--format stdout with an info flag', ['blog', '--format', 'stdout', '--deployed'], { app: 'blog', infoFlag: '--deployed' }],
    ['an empty format means stdout', ['--format', ''], {}],
    ['the last --format wins (pflag)', ['--format', 'yaml', '--format=json'], { format: 'json' }],
    ['extra positionals are ignored', ['blog', 'extra'], { app: 'blog' }],
    ['--global with json', ['--global', '--format', 'json'], { global: true, format: 'json' }],
  ])('%s', (_name, args, expected) => {
    expect(parseReportArgs('scheduler:report', args)).toEqual({ ...defaults, ...expected });
  });
});

describe('parseReportArgs: usage errors', () => {
  it.each([
    ['two info flags (Dokku exits 0 silently)', ['blog', '--a', '--b'], 'scheduler:report command allows only a single flag'],
    ['an unknown format', ['blog', '--format', 'yaml'], 'Format must be "stdout" or "json": "yaml"'],
    ['an unknown format with =', ['--format=text'], 'Format must be "stdout" or "json": "text"'],
    ['json with an info flag', ['blog', '--format', 'json', '--scheduler-selected'], '--format flag cannot be specified when specifying an info flag'],
    ['json= with an info flag', ['--scheduler-selected', '--format=json'], '--format flag cannot be specified when specifying an info flag'],
    ['--format without a value', ['blog', '--format'], 'flag --format needs a value'],
  ])('%s', (_name, args, message) => {
    expect(() => parseReportArgs('scheduler:report', args)).toThrow(
      expect.objectContaining({ code: ErrorCodes.USAGE, message }),
    );
  });

  it('names the command it parses for', () => {
    expect(() => parseReportArgs('report', ['--a', '--b'])).toThrow('report command allows only a single flag');
  });

  it('checks the number of info flags before the format, as Dokku does', () => {
    expect(() => parseReportArgs('ps:report', ['--format', 'yaml', '--a', '--b'])).toThrow(
      'ps:report command allows only a single flag',
    );
  });
});
