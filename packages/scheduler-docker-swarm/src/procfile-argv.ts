/**
 * A Procfile command as argv, split as docker-local splits it (plugin-api's splitProcfileCommand,
 * `$PORT` substituted), for a deploy's service and for `run <app> <type>`. A command that cannot
 * be split fails with the code of the operation it broke.
 */
import { PierError, ProcfileCommandSyntaxError, splitProcfileCommand, type ErrorCode } from '@pier/plugin-api';

export function procfileArgv(type: string, command: string, port: string, code: ErrorCode): string[] {
  try {
    return splitProcfileCommand(command, port);
  } catch (error) {
    if (!(error instanceof ProcfileCommandSyntaxError)) throw error;
    throw new PierError(code, `Invalid Procfile command for ${type}: ${error.message}`);
  }
}
