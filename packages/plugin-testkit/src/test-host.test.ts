import { describe, expect, it } from '@jest/globals';
import { ErrorCodes, PierError, definePlugin, registerCommands } from '@pier/plugin-api';
import { createTestHost } from './test-host.js';

/** A plugin whose one command fails with the given error. */
const failing = (error: PierError) =>
  definePlugin({
    name: 'failing',
    register(context) {
      registerCommands(context, {
        topic: 'fail',
        description: 'Fails',
        commands: { fail: { usage: 'fail', description: 'Fails', run: () => Promise.reject(error) } },
      });
    },
  });

describe('createTestHost run', () => {
  it.each([
    ['a message line by line', new PierError(ErrorCodes.APP_LOCKED, 'first\nsecond'), 1, ' !     first\n !     second\n'],
    ['a plain error as is', new PierError(ErrorCodes.ABORTED, 'Aborted.', { plain: true }), 1, 'Aborted.\n'],
    ['nothing for an error reported already (a failed check)', new PierError(ErrorCodes.DEPLOY_FAILED, 'Could not start', { reported: true }), 1, ''],
    ['the status an error carries', new PierError(ErrorCodes.INTERRUPTED, 'Interrupted by SIGTERM', { exitCode: 143 }), 143, ' !     Interrupted by SIGTERM\n'],
  ])('prints a PierError as the CLI does: %s', async (_case, error, exitCode, stderr) => {
    const host = await createTestHost({ plugins: [failing(error)] });

    expect(await host.run('fail')).toEqual({ exitCode, stdout: '', stderr });
    host.dispose();
  });
});
