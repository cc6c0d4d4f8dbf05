import { describe, expect, it } from '@jest/globals';
import { PassThrough } from 'node:stream';
import { createOutput } from '../output/output.js';
import { ErrorCodes } from './error-codes.js';
import { PierError } from './pier-error.js';
import { reportPierError } from './report-error.js';

function report(error: PierError, trace = false) {
  let stderr = '';
  const sink = new PassThrough();
  sink.on('data', (chunk) => (stderr += String(chunk)));
  const exitCode = reportPierError(error, createOutput({ stdout: new PassThrough(), stderr: sink }, { trace }), { trace });
  return { exitCode, stderr };
}

describe('reportPierError', () => {
  it('prefixes every line of the message and returns the exit status of its code', () => {
    expect(report(new PierError(ErrorCodes.APP_LOCKED, 'first\nsecond'))).toEqual({ exitCode: 1, stderr: ' !     first\n !     second\n' });
    expect(report(new PierError(ErrorCodes.APP_NOT_FOUND, 'App x does not exist')).exitCode).toBe(20);
    expect(report(new PierError(ErrorCodes.INTERRUPTED, 'Interrupted by SIGTERM', { exitCode: 143 })).exitCode).toBe(143);
  });

  it('prints a plain error as is', () => {
    expect(report(new PierError(ErrorCodes.ABORTED, 'Aborted.', { plain: true }))).toEqual({ exitCode: 1, stderr: 'Aborted.\n' });
  });

  it('prints nothing for an error reported already, and still returns its status', () => {
    expect(report(new PierError(ErrorCodes.DEPLOY_FAILED, 'Could not start due to 1 failed checks', { reported: true }))).toEqual({ exitCode: 1, stderr: '' });
  });

  it('adds the stack of the cause with trace only', () => {
    const error = new PierError(ErrorCodes.PLUGIN, 'broke', { cause: new Error('inner') });

    expect(report(error).stderr).toBe(' !     broke\n');
    expect(report(error, true).stderr).toMatch(/^ ! {5}broke\n \? {5}Error: inner\n/);
  });
});
