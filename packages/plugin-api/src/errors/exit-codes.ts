import { ErrorCodes, type ErrorCode } from './error-codes.js';

/**
 * The exit status the CLI uses for each error code: Dokku's where Dokku has one (20 for a missing
 * app), 1 otherwise. Published as data so scripts and third-party plugins can rely on it; only the
 * CLI actually exits.
 */
const exitCodes: Partial<Record<ErrorCode, number>> = {
  [ErrorCodes.APP_NOT_FOUND]: 20,
};

export function exitCodeFor(code: string): number {
  return exitCodes[code as ErrorCode] ?? 1;
}
