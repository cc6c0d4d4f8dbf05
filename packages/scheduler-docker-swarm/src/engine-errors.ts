/**
 * dockerode's failures in Pier's terms: a connection that cannot be made is DOCKER_UNREACHABLE
 * (one line naming the endpoint), anything the engine refused is COMMAND_FAILED with the
 * engine's own words (dockerode's "(HTTP code 409) unexpected - " prefix dropped).
 */
import { ErrorCodes, isPierError, PierError } from '@pier/plugin-api';

/** Socket-level errno codes: the engine was never reached. */
const UNREACHABLE = ['ENOENT', 'ECONNREFUSED', 'EACCES', 'EPERM', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'ECONNRESET', 'EPIPE'];

interface EngineFailure {
  statusCode?: number;
  code?: unknown;
  message?: unknown;
  json?: unknown;
}

export const httpStatusOf = (error: unknown): number | undefined => (error as EngineFailure | null)?.statusCode;

/** Duck-typed: errors of Node's own modules come from another realm under jest's VM modules. */
export const messageOfError = (error: unknown): string => {
  const message = (error as EngineFailure | null)?.message;
  return typeof message === 'string' ? message : String(error);
};

/** DOCKER_HOST (unix://, tcp://, ssh://) or the local socket, as dockerode resolves it. */
export const defaultEndpoint = (env: Readonly<Record<string, string | undefined>> = process.env) =>
  env.DOCKER_HOST || 'unix:///var/run/docker.sock';

function engineWords(failure: EngineFailure): string {
  const body = failure.json as { message?: unknown } | string | null | undefined;
  if (typeof body === 'object' && body !== null && typeof body.message === 'string') return body.message.trim();
  if (typeof body === 'string' && body.trim() !== '') return body.trim();
  return messageOfError(failure).replace(/^\(HTTP code \d+\)[^-]*-\s*/, '').trim();
}

export function engineError(error: unknown, endpoint: string): PierError {
  if (isPierError(error)) return error;
  const failure = (error ?? {}) as EngineFailure;
  if (failure.statusCode === undefined && typeof failure.code === 'string' && UNREACHABLE.includes(failure.code)) {
    const hint = failure.code === 'EACCES' || failure.code === 'EPERM' ? 'is this user allowed to use the Docker socket?' : 'is dockerd running?';
    return new PierError(ErrorCodes.DOCKER_UNREACHABLE, `Cannot reach the Docker engine at ${endpoint}: ${messageOfError(error)}; ${hint}`, { cause: error });
  }
  return new PierError(ErrorCodes.COMMAND_FAILED, `Docker engine error: ${engineWords(failure)}`, { cause: error });
}
