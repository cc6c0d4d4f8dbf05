/**
 * Turns dockerode's errors into Pier's: a connection failure becomes DOCKER_UNREACHABLE with one
 * line naming the endpoint, an engine refusal becomes COMMAND_FAILED with the engine's own message
 * (dockerode's "(HTTP code 409) unexpected - ..." prefix is dropped).
 */
import { ErrorCodes, isPierError, PierError } from '@pier/plugin-api';

const CONNECTION_CODES = new Set(['ENOENT', 'ECONNREFUSED', 'EACCES', 'EPERM', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'ECONNRESET', 'EPIPE']);

export const statusOf = (error: unknown): number | undefined => (error as { statusCode?: number } | null)?.statusCode;

/**
 * The message of anything thrown. Duck-typed rather than `instanceof Error`: errors raised by
 * Node's own modules come from another realm under jest's VM modules (and across worker
 * boundaries), where `instanceof Error` is false.
 */
export function errorMessage(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}

export function describeEndpoint(options: { socketPath?: string | undefined; host?: string | undefined; port?: string | number | undefined; protocol?: string | undefined } = {}, env: Readonly<Record<string, string | undefined>> = process.env): string {
  if (options.socketPath) return `unix://${options.socketPath}`;
  if (options.host) return `${options.protocol ?? 'http'}://${options.host}${options.port ? `:${options.port}` : ''}`;
  return env.DOCKER_HOST || 'unix:///var/run/docker.sock';
}

function engineMessage(error: { message: string; json?: unknown }): string {
  const json = error.json as { message?: unknown } | string | null | undefined;
  if (json && typeof json === 'object' && typeof json.message === 'string') return json.message.trim();
  if (typeof json === 'string' && json.trim() !== '') return json.trim();
  return error.message.replace(/^\(HTTP code \d+\)\s*[^-]*-\s*/, '').trim();
}

export function toPierError(error: unknown, endpoint: string): PierError {
  if (isPierError(error)) return error;
  const message = errorMessage(error);
  const code = (error as { code?: unknown } | null)?.code;
  if (statusOf(error) === undefined && typeof code === 'string' && CONNECTION_CODES.has(code)) {
    const hint = code === 'EACCES' || code === 'EPERM' ? 'is this user allowed to use the Docker socket?' : 'is dockerd running?';
    return new PierError(ErrorCodes.DOCKER_UNREACHABLE, `Cannot reach the Docker engine at ${endpoint}: ${message}; ${hint}`, { cause: error });
  }
  const json = (error as { json?: unknown } | null)?.json;
  return new PierError(ErrorCodes.COMMAND_FAILED, `Docker engine error: ${engineMessage({ message, json })}`, { cause: error });
}

/**
 * Splits Docker's multiplexed log/exec stream (8-byte frame headers: stream, 0, 0, 0, size32be)
 * into text, keeping arrival order. A TTY stream has no headers and is returned as is.
 */
export function demux(buffer: Buffer): string {
  const looksFramed = buffer.length >= 8 && buffer[0]! <= 2 && buffer[1] === 0 && buffer[2] === 0 && buffer[3] === 0;
  if (!looksFramed) return buffer.toString('utf8');
  const parts: Buffer[] = [];
  let offset = 0;
  while (offset + 8 <= buffer.length) {
    const size = buffer.readUInt32BE(offset + 4);
    parts.push(buffer.subarray(offset + 8, offset + 8 + size));
    offset += 8 + size;
  }
  return Buffer.concat(parts).toString('utf8');
}
