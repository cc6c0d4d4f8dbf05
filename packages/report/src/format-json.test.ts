import { describe, expect, it } from '@jest/globals';
import { formatReportJson, reportJsonObject } from './format-json.js';
import type { JsonKeyOptions, ReportFlags } from './report-types.js';
import {
  dockerLocalAppFlags,
  dockerLocalAppJson,
  schedulerAppFlags,
  schedulerAppJson,
} from './test-support/reference-reports.js';

const both: JsonKeyOptions = { trimPrefix: true, emitLegacyPrefix: true };
const trimOnly: JsonKeyOptions = { trimPrefix: true, emitLegacyPrefix: false };
const none: JsonKeyOptions = { trimPrefix: false, emitLegacyPrefix: false };

describe('formatReportJson: the reference outputs', () => {
  it.each([
    ['scheduler (trim + legacy prefix)', 'scheduler', schedulerAppFlags, both, schedulerAppJson],
    ['scheduler-docker-local (trim only)', 'scheduler-docker-local', dockerLocalAppFlags, trimOnly, dockerLocalAppJson],
  ])('%s', (_name, section, flags, options, expected) => {
    expect(formatReportJson(section, flags, options)).toBe(expected);
  });
});

describe('reportJsonObject: keys (Dokku report_test.go cases)', () => {
  const psFlags: ReportFlags = { '--ps-stop-timeout-seconds': '30', '--ps-restart-policy': 'always', '--deployed': 'true' };

  it.each<[string, JsonKeyOptions, Record<string, string>]>([
    ['no trim: prefixed keys only', none, { 'ps-stop-timeout-seconds': '30', 'ps-restart-policy': 'always', deployed: 'true' }],
    ['trim: stripped keys only', trimOnly, { 'stop-timeout-seconds': '30', 'restart-policy': 'always', deployed: 'true' }],
    [
      'trim + legacy: both shapes',
      both,
      {
        'stop-timeout-seconds': '30',
        'restart-policy': 'always',
        deployed: 'true',
        'ps-stop-timeout-seconds': '30',
        'ps-restart-policy': 'always',
      },
    ],
    ['legacy without trim changes nothing', { trimPrefix: false, emitLegacyPrefix: true }, { 'ps-stop-timeout-seconds': '30', 'ps-restart-policy': 'always', deployed: 'true' }],
  ])('%s', (_name, options, expected) => {
    expect(reportJsonObject('ps', psFlags, options)).toEqual(expected);
  });

  it('strips only the whole `--<section>-` prefix (builds vs build-id)', () => {
    const object = reportJsonObject('builds', { '--build-id': 'abc123', '--builds-retention': '5' }, both);

    expect(object).toEqual({ 'build-id': 'abc123', retention: '5', 'builds-retention': '5' });
  });

  it('keeps dots in keys (docker-local container status)', () => {
    expect(formatReportJson('ps', { '--status-web.1': 'running (CID: 0123456789a)' }, both)).toBe(
      '{"status-web.1":"running (CID: 0123456789a)"}',
    );
  });

  it('lets a key spelled out by a flag win over a trimmed one', () => {
    expect(reportJsonObject('ps', { '--ps-restore': 'trimmed', '--restore': 'literal' }, trimOnly)).toEqual({
      restore: 'literal',
    });
  });

  it('escapes values like Go', () => {
    expect(formatReportJson('ps', { '--ps-start-cmd': 'a && b > c' }, trimOnly)).toBe(
      '{"start-cmd":"a \\u0026\\u0026 b \\u003e c"}',
    );
  });
});
