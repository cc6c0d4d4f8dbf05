import { describe, expect, it } from '@jest/globals';
import { ErrorCodes } from '@pier/plugin-api';
import { parseReportArgs, reportFormat, type ParsedReportArgs } from './parse-report-args.js';

const defaults: ParsedReportArgs = { app: undefined, global: false, format: '', infoFlag: undefined };

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
    ['an unknown format, checked later', ['blog', '--format', 'yaml'], { app: 'blog', format: 'yaml' }],
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
    ['--format without a value (pflag’s words)', ['blog', '--format'], 'flag needs an argument: --format'],
    ['two info flags before an unknown format', ['--format', 'yaml', '--a', '--b'], 'scheduler:report command allows only a single flag'],
  ])('%s', (_name, args, message) => {
    expect(() => parseReportArgs('scheduler:report', args)).toThrow(expect.objectContaining({ code: ErrorCodes.USAGE, message }));
  });

  it('names the command it parses for', () => {
    expect(() => parseReportArgs('report', ['--a', '--b'])).toThrow('report command allows only a single flag');
  });
});

describe('reportFormat', () => {
  it.each([
    [{ format: '', infoFlag: undefined }, 'stdout'],
    [{ format: 'stdout', infoFlag: '--deployed' }, 'stdout'],
    [{ format: 'json', infoFlag: undefined }, 'json'],
  ])('%j → %s', (parsed, format) => {
    expect(reportFormat(parsed)).toBe(format);
  });

  it.each([
    [{ format: 'yaml', infoFlag: undefined }, 'Format must be "stdout" or "json": "yaml"'],
    [{ format: 'json', infoFlag: '--scheduler-selected' }, '--format flag cannot be specified when specifying an info flag'],
  ])('%j is refused', (parsed, message) => {
    expect(() => reportFormat(parsed)).toThrow(expect.objectContaining({ code: ErrorCodes.USAGE, message }));
  });
});
