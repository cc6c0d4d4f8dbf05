/**
 * Byte-level helpers for the fake engine: Docker's frame encoding, timestamps in the engine's
 * RFC 3339 nanosecond form, and a writer that cuts output into small chunks so every consumer is
 * exercised with frames split across chunks, as on a real socket.
 */
import { Duplex } from 'node:stream';
import type { StreamKind } from '../frames.js';

export function encodeFrame(stream: StreamKind, payload: Buffer | string): Buffer {
  const body = Buffer.isBuffer(payload) ? payload : Buffer.from(payload);
  const header = Buffer.alloc(8);
  header[0] = stream === 'stderr' ? 2 : 1;
  header.writeUInt32BE(body.length, 4);
  return Buffer.concat([header, body]);
}

/** `2025-01-01T00:00:00.000000000Z`: what `docker logs -t` prints. */
export const engineTimestamp = (ms: number) => new Date(ms).toISOString().replace(/Z$/, '000000Z');

/** Output as the engine sends it: framed unless the container has a TTY. */
export const wire = (tty: boolean, stream: StreamKind, text: string) => (tty ? Buffer.from(text) : encodeFrame(stream, text));

/** Hands bytes over in chunks of `size` (7: never aligned with the 8-byte headers). */
export function chunked(bytes: Buffer, deliver: (chunk: Buffer) => void, size = 7): void {
  for (let at = 0; at < bytes.length; at += size) deliver(bytes.subarray(at, at + size));
}

/** A hijacked connection: what the caller writes is collected as stdin; output is pushed by the fake. */
export interface FakeConnection {
  duplex: Duplex;
  stdin: Buffer[];
  stdinEnded: boolean;
}

export function fakeConnection(onStdinEnd: () => void): FakeConnection {
  const connection: FakeConnection = { duplex: undefined as unknown as Duplex, stdin: [], stdinEnded: false };
  connection.duplex = new Duplex({
    read() {},
    write(chunk: Buffer, _encoding, done) {
      connection.stdin.push(Buffer.from(chunk));
      done();
    },
    final(done) {
      connection.stdinEnded = true;
      done();
      // After the caller's end() returns, as on a socket.
      setImmediate(onStdinEnd);
    },
  });
  return connection;
}

export const stdinText = (connection: FakeConnection) => Buffer.concat(connection.stdin).toString('utf8');
