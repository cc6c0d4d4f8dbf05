import { isPierError, reportPierError, type Output } from '@pier/plugin-api';

/**
 * The one place where errors become output and exit statuses: a PierError as every host prints
 * it (plugin-api's reportPierError: ` !     <message>` on stderr, as is when plain, nothing when
 * reported already). Unexpected errors are bugs: their stack is shown with --trace.
 */
export function reportError(error: unknown, log: Output, trace: boolean): number {
  if (isPierError(error)) return reportPierError(error, log, { trace });
  const message = error instanceof Error ? error.message : String(error);
  log.warn(`Unexpected error: ${message}`);
  if (trace && error instanceof Error && error.stack) log.debug(error.stack);
  else log.warn('Run the command again with --trace for details');
  return 1;
}
