import { describe, expect, it } from '@jest/globals';
import { formatReportText, reportHeading, reportLabel, sortedFlags } from './format-text.js';
import type { ReportFlags } from './report-types.js';
import {
  dockerLocalAppFlags,
  dockerLocalAppText,
  schedulerAppFlags,
  schedulerAppText,
  schedulerGlobalFlags,
  schedulerGlobalText,
} from './test-support/reference-reports.js';

/** What Dokku prints for a report: the `=====>` header, then the value lines. */
const fullText = (app: string, section: string, flags: ReportFlags) =>
  [`=====> ${reportHeading(app, section)}`, ...formatReportText(flags)].join('\n');

describe('formatReportText: the reference outputs', () => {
  it.each([
    ['scheduler, app (padding 31)', 'node-js-app', 'scheduler', schedulerAppFlags, schedulerAppText],
    ['scheduler, --global', '--global', 'scheduler', schedulerGlobalFlags, schedulerGlobalText],
    ['scheduler-docker-local (padding 57)', 'node-js-app', 'scheduler-docker-local', dockerLocalAppFlags, dockerLocalAppText],
  ])('%s', (_name, app, section, flags, expected) => {
    expect(fullText(app, section, flags)).toBe(expected);
  });

  it('keeps the trailing spaces of empty values', () => {
    const [line] = formatReportText({ '--scheduler-shell': '' });

    expect(line).toBe(`       Scheduler shell:${' '.repeat(31 - 'Scheduler shell:'.length)}`);
    expect(line).toHaveLength(7 + 31);
  });
});

describe('formatReportText: layout rules', () => {
  it.each<[string, ReportFlags, string[]]>([
    ['no flags, no lines', {}, []],
    [
      'sorted by the bytes of the full flag',
      { '--ps-restore': 'true', '--deployed': 'true', '--ps-can-scale': 'true' },
      [
        '       Deployed:                      true',
        '       Ps can scale:                  true',
        '       Ps restore:                    true',
      ],
    ],
    [
      'a flag longer than 31 sets the width (ps: 34)',
      { '--ps-computed-dockerfile-start-cmd': '', '--running': 'true' },
      ['       Ps computed dockerfile start cmd: ', '       Running:                          true'],
    ],
    [
      'dots become spaces (docker-local container status)',
      { '--status-web.1': 'running (CID: 0123456789a)', '--status-web.10': 'exited (CID: 89abcdef012)' },
      [
        '       Status web 1:                  running (CID: 0123456789a)',
        '       Status web 10:                 exited (CID: 89abcdef012)',
      ],
    ],
    [
      'values are not trimmed',
      { '--logs-max-size': '  10m  ' },
      ['       Logs max size:                   10m  '],
    ],
  ])('%s', (_name, flags, expected) => {
    expect(formatReportText(flags)).toEqual(expected);
  });
});

describe('reportLabel', () => {
  it.each([
    ['--scheduler-computed-selected', 'Scheduler computed selected:'],
    ['--status-web.1', 'Status web 1:'],
    ['--deployed', 'Deployed:'],
    ['--9-lives', '9 lives:'],
    ['--a.b-c', 'A b c:'],
  ])('%s → %s', (flag, expected) => {
    expect(reportLabel(flag)).toBe(expected);
  });
});

describe('sortedFlags and reportHeading', () => {
  it('sorts the way Go does and names app and section in the header', () => {
    expect(sortedFlags({ '--b': '', '--a-b': '', '--a.b': '', '--a': '' })).toEqual(['--a', '--a-b', '--a.b', '--b']);
    expect(reportHeading('--global', 'ps')).toBe('--global ps information');
  });
});
