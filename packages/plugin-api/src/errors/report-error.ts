import type { Output } from '../output/output.js';
import { exitStatusOf } from './exit-codes.js';
import type { PierError } from './pier-error.js';

/** What printing an error needs of an Output. */
export type ErrorOutput = Pick<Output, 'warn' | 'stderrLine' | 'debug'>;

/**
 * How a PierError that ends a command is shown, the same in every host (the CLI, the plugin test
 * host, an embedding program's): ` !     <message>` on stderr, one line per line of the message
 * (without the prefix for a `plain` error), nothing for one whose message was `reported` already.
 * With `trace`, the stack of its cause follows (as a debug line). Returns the exit status.
 */
export function reportPierError(error: PierError, log: ErrorOutput, options: { trace?: boolean } = {}): number {
  if (error.reported === true) return exitStatusOf(error);
  // `plain` may be missing on errors from an older copy of plugin-api in a third-party plugin.
  const print = error.plain === true ? log.stderrLine : log.warn;
  for (const line of error.message.split('\n')) print(line);
  if (options.trace === true && error.cause instanceof Error && error.cause.stack) log.debug(error.cause.stack);
  return exitStatusOf(error);
}
