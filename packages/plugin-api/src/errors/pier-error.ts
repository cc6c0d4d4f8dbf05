import { ErrorCodes, type ErrorCode } from './error-codes.js';

export interface PierErrorOptions {
  cause?: unknown;
  /**
   * Print the message as is, without the ` !     ` prefix (Dokku prints a few failures with its
   * plain `LogStderr`, e.g. `Confirmation did not match test. Aborted.`). The CLI decides how.
   */
  plain?: boolean;
  /**
   * The exit status this error calls for, when its code's (see exitCodeFor) is not the right one:
   * an interrupted command exits as a shell reports the signal (128 + its number).
   */
  exitCode?: number;
  /**
   * The message has been printed already, where it belongs in the output (a failed check says so
   * before the container's output, as Dokku does): the CLI then only exits with the status.
   */
  reported?: boolean;
}

/**
 * Base class of every error Pier raises on purpose. The message is written for the user (one
 * line, says what failed and how to fix it); `code` is for programs.
 */
export class PierError extends Error {
  override name = 'PierError';
  /** Brand checked by {@link isPierError}: instanceof fails across two copies of this package. */
  readonly $$type = '@pier/error' as const;
  readonly plain: boolean;
  readonly exitCode: number | undefined;
  readonly reported: boolean;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: PierErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.plain = options.plain ?? false;
    this.exitCode = options.exitCode;
    this.reported = options.reported ?? false;
  }
}

/** True for a PierError from any copy of `@pier/plugin-api` (third-party plugins bundle their own). */
export function isPierError(value: unknown): value is PierError {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { $$type?: unknown }).$$type === '@pier/error' &&
    typeof (value as { code?: unknown }).code === 'string'
  );
}

/**
 * The message of anything thrown. Duck-typed rather than `instanceof Error`: errors raised by
 * Node's own modules come from another realm under jest's VM modules (and across worker
 * boundaries), where `instanceof Error` is false.
 */
export function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}

/** A handler failed with an unexpected error; names the plugin and trigger (Rollup's PLUGIN_ERROR). */
export class PluginError extends PierError {
  override name = 'PluginError';

  constructor(
    readonly plugin: string,
    readonly trigger: string,
    cause: unknown,
  ) {
    super(ErrorCodes.PLUGIN, `[plugin ${plugin}] ${trigger}: ${messageOf(cause)}`, { cause });
  }
}

/** Input or output of a trigger broke its schema. */
export class TriggerContractError extends PierError {
  override name = 'TriggerContractError';

  constructor(
    readonly plugin: string,
    readonly trigger: string,
    readonly direction: 'input' | 'output',
    detail: string,
  ) {
    super(ErrorCodes.TRIGGER_CONTRACT, `[plugin ${plugin}] ${trigger}: invalid ${direction}: ${detail}`);
  }
}

/** A command-line usage problem; the message is printed as is. */
export class UsageError extends PierError {
  override name = 'UsageError';

  constructor(message: string) {
    super(ErrorCodes.USAGE, message);
  }
}
