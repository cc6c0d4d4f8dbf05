import { ErrorCodes, type ErrorCode } from './error-codes.js';

/**
 * The exit status the CLI uses for each error code: Dokku's where Dokku has one (20 for a missing
 * app), 1 otherwise. Published as data so scripts and third-party plugins can rely on it; only the
 * CLI actually exits.
 */
const exitCodes: Partial<Record<ErrorCode, number>> = {
  [ErrorCodes.APP_NOT_FOUND]: 20,
  // A shell's status for SIGINT; the error itself usually says which signal (exitStatusOf).
  [ErrorCodes.INTERRUPTED]: 130,
};

export function exitCodeFor(code: string): number {
  return exitCodes[code as ErrorCode] ?? 1;
}

/** The exit status of a PierError: its own exitCode when it has one, else its code's. */
export function exitStatusOf(error: { code: string; exitCode?: number | undefined }): number {
  const own = error.exitCode;
  return typeof own === 'number' && Number.isInteger(own) && own >= 0 && own <= 255 ? own : exitCodeFor(error.code);
}
