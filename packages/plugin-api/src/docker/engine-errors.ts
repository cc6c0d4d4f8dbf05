/**
 * A Docker engine's failures in Pier's terms, for every scheduler that talks to one (through
 * dockerode or anything else that throws its errors: `statusCode`, `code`, `json`). Duck-typed,
 * so plugin-api needs no Docker client:
 *   - a connection that cannot be made is DOCKER_UNREACHABLE, one line naming the endpoint;
 *   - anything the engine refused is COMMAND_FAILED with the engine's own words (dockerode's
 *     "(HTTP code 409) unexpected - " prefix dropped).
 */
import { ErrorCodes } from '../errors/error-codes.js';
import { isPierError, messageOf, PierError } from '../errors/pier-error.js';

/** Socket-level errno codes: the engine was never reached. */
const UNREACHABLE = new Set(['ENOENT', 'ECONNREFUSED', 'EACCES', 'EPERM', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'ECONNRESET', 'EPIPE']);

interface EngineFailure {
  statusCode?: number;
  code?: unknown;
  message?: unknown;
  json?: unknown;
}

/** The HTTP status of an engine refusal; undefined when the engine was never reached. */
export const httpStatusOf = (error: unknown): number | undefined => (error as EngineFailure | null)?.statusCode;

export interface EngineAddress {
  socketPath?: string | undefined;
  host?: string | undefined;
  port?: string | number | undefined;
  protocol?: string | undefined;
}

/** Where a client with these options talks to: its socket or host, else DOCKER_HOST, else the local socket (as dockerode resolves it). */
export function dockerEndpoint(options: EngineAddress = {}, env: Readonly<Record<string, string | undefined>> = process.env): string {
  if (options.socketPath) return `unix://${options.socketPath}`;
  if (options.host) return `${options.protocol ?? 'http'}://${options.host}${options.port ? `:${options.port}` : ''}`;
  return env.DOCKER_HOST || 'unix:///var/run/docker.sock';
}

function engineWords(failure: EngineFailure): string {
  const body = failure.json as { message?: unknown } | string | null | undefined;
  if (typeof body === 'object' && body !== null && typeof body.message === 'string') return body.message.trim();
  if (typeof body === 'string' && body.trim() !== '') return body.trim();
  return messageOf(failure).replace(/^\(HTTP code \d+\)[^-]*-\s*/, '').trim();
}

/** Any engine failure as a PierError (a PierError passes through as it is). */
export function dockerEngineError(error: unknown, endpoint: string): PierError {
  if (isPierError(error)) return error;
  const failure = (error ?? {}) as EngineFailure;
  if (failure.statusCode === undefined && typeof failure.code === 'string' && UNREACHABLE.has(failure.code)) {
    const hint = failure.code === 'EACCES' || failure.code === 'EPERM' ? 'is this user allowed to use the Docker socket?' : 'is dockerd running?';
    return new PierError(ErrorCodes.DOCKER_UNREACHABLE, `Cannot reach the Docker engine at ${endpoint}: ${messageOf(error)}; ${hint}`, { cause: error });
  }
  return new PierError(ErrorCodes.COMMAND_FAILED, `Docker engine error: ${engineWords(failure)}`, { cause: error });
}

/**
 * One engine call through a lazily made client: its failure becomes a PierError, except that an
 * HTTP status listed in `tolerated` (404 for "already gone", say) yields that fallback instead.
 */
export function engineCaller<Client>(client: () => Promise<Client>, endpoint: string) {
  return async function call<T>(work: (client: Client) => Promise<T>, tolerated: Record<number, () => T> = {}): Promise<T> {
    try {
      return await work(await client());
    } catch (error) {
      const status = httpStatusOf(error);
      const fallback = status === undefined ? undefined : tolerated[status];
      if (fallback) return fallback();
      throw dockerEngineError(error, endpoint);
    }
  };
}

/** `docker run`'s statuses for a command that cannot be started: 127 not found, 126 not executable. */
export function startFailureStatus(message: string): number | null {
  if (/executable file not found|no such file or directory/i.test(message)) return 127;
  if (/permission denied/i.test(message)) return 126;
  return null;
}
