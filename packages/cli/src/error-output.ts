import { exitStatusOf, isPierError, type Output } from '@pier/plugin-api';

/**
 * The one place where errors become output and exit statuses: ` !     <message>` on stderr (one
 * line per line of the message; without the prefix for a plain error) and the code's exit
 * status (nothing more for one whose message was printed already). Unexpected errors are bugs:
 * their stack is shown with --trace.
 */
export function reportError(error: unknown, log: Output, trace: boolean): number {
  if (isPierError(error)) {
    if (error.reported === true) return exitStatusOf(error);
    // `plain` may be missing on errors from an older copy of plugin-api in a third-party plugin.
    const print = error.plain === true ? log.stderrLine : log.warn;
    for (const line of error.message.split('\n')) print(line);
    if (trace && error.cause instanceof Error && error.cause.stack) log.debug(error.cause.stack);
    return exitStatusOf(error);
  }
  const message = error instanceof Error ? error.message : String(error);
  log.warn(`Unexpected error: ${message}`);
  if (trace && error instanceof Error && error.stack) log.debug(error.stack);
  else log.warn('Run the command again with --trace for details');
  return 1;
}
