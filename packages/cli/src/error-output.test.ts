import { describe, expect, it } from '@jest/globals';
import { ErrorCodes, PierError, createOutput } from '@pier/plugin-api';
import { createTestIO } from '@pier/plugin-testkit';
import { reportError } from './error-output.js';

function report(error: unknown) {
  const io = createTestIO();
  const exitCode = reportError(error, createOutput(io), false);
  return { exitCode, stdout: io.stdoutText(), stderr: io.stderrText() };
}

describe('reportError', () => {
  it('prefixes every line of a message and maps the code to its exit status', () => {
    expect(report(new PierError(ErrorCodes.APP_LOCKED, 'first\nsecond'))).toEqual({ exitCode: 1, stdout: '', stderr: ' !     first\n !     second\n' });
    expect(report(new PierError(ErrorCodes.APP_NOT_FOUND, 'App x does not exist')).exitCode).toBe(20);
  });

  it('exits with the status an error carries: an interrupted command as the shell reports its signal', () => {
    expect(report(new PierError(ErrorCodes.INTERRUPTED, 'Deploy interrupted by SIGTERM', { exitCode: 143 }))).toEqual({
      exitCode: 143,
      stdout: '',
      stderr: ' !     Deploy interrupted by SIGTERM\n',
    });
    expect(report(new PierError(ErrorCodes.INTERRUPTED, 'Interrupted')).exitCode).toBe(130);
    expect(report(new PierError(ErrorCodes.DEPLOY_FAILED, 'x', { exitCode: 300 })).exitCode).toBe(1);
  });

  it('prints a plain error as is (Dokku’s LogStderr)', () => {
    expect(report(new PierError(ErrorCodes.ABORTED, 'Confirmation did not match test. Aborted.', { plain: true }))).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: 'Confirmation did not match test. Aborted.\n',
    });
  });

  it('prints nothing more for an error whose message was printed already (a failed check, in its place)', () => {
    expect(report(new PierError(ErrorCodes.DEPLOY_FAILED, 'Could not start due to 1 failed checks (web.1)', { reported: true }))).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: '',
    });
  });

  it('points at --trace for an unexpected error', () => {
    expect(report(new Error('boom')).stderr).toBe(' !     Unexpected error: boom\n !     Run the command again with --trace for details\n');
  });
});
