import { exitCodeFor, isPierError, type Output } from '@pier/plugin-api';

/**
 * The one place where errors become output and exit statuses: ` !     <message>` on stderr (one
 * line per line of the message) and the code's exit status. Unexpected errors are bugs: their
 * stack is shown with --trace.
 */
export function reportError(error: unknown, log: Output, trace: boolean): number {
  if (isPierError(error)) {
    for (const line of error.message.split('\n')) log.warn(line);
    if (trace && error.cause instanceof Error && error.cause.stack) log.debug(error.cause.stack);
    return exitCodeFor(error.code);
  }
  const message = error instanceof Error ? error.message : String(error);
  log.warn(`Unexpected error: ${message}`);
  if (trace && error instanceof Error && error.stack) log.debug(error.stack);
  else log.warn('Run the command again with --trace for details');
  return 1;
}
