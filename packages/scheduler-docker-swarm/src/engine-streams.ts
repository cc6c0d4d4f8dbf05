/**
 * Engine streams turned into what the scheduler reads: log answers into lines, hijacked exec
 * connections into stdout and stderr. Docker multiplexes non-TTY output in frames (an 8-byte
 * header per chunk); docker-modem's demuxStream reassembles frames split across chunks, and
 * readline cuts the bytes into lines (UTF-8 safe, CRLF folded).
 */
import { createInterface } from 'node:readline';
import { PassThrough, type Duplex, type Readable } from 'node:stream';
import type { ExecSession, LogLine } from './swarm-port.js';

interface Demuxer {
  demuxStream(stream: Readable, stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream): void;
}

/** Splits a multiplexed stream; both halves end (or fail) with the source. */
function demux(source: Readable, modem: Demuxer): { stdout: PassThrough; stderr: PassThrough } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  modem.demuxStream(source, stdout, stderr);
  const finish = () => {
    stdout.end();
    stderr.end();
  };
  source.once('end', finish);
  source.once('close', finish);
  source.once('error', finish);
  return { stdout, stderr };
}

/**
 * An object-mode stream of LogLine. Destroying it destroys the engine's stream (that is how a
 * followed log is stopped); a slow reader pauses the engine's stream instead of piling up lines.
 */
export function demuxedLines(source: Readable, modem: Demuxer): Readable {
  const lines = new PassThrough({ objectMode: true });
  const halves = demux(source, modem);
  let open = 2;
  for (const stream of ['stdout', 'stderr'] as const) {
    const reader = createInterface({ input: halves[stream], crlfDelay: Infinity });
    reader.on('line', (text) => {
      if (!lines.write({ stream, text } satisfies LogLine)) {
        source.pause();
        lines.once('drain', () => source.resume());
      }
    });
    reader.once('close', () => {
      if (--open === 0) lines.end();
    });
  }
  source.once('error', (error) => lines.destroy(error));
  lines.once('close', () => source.destroy());
  return lines;
}

/** A hijacked exec connection as stdin, stdout and stderr (merged into stdout with a TTY). */
export function execStreams(connection: Duplex, tty: boolean, modem: Demuxer): ExecSession {
  // Writing stdin after the command exited fails with EPIPE: nothing to report.
  connection.on('error', () => {});
  const ended = new Promise<void>((resolve) => {
    connection.once('end', resolve);
    connection.once('close', resolve);
    connection.once('error', () => resolve());
  });
  const halves = tty ? { stdout: connection, stderr: new PassThrough().end() } : demux(connection, modem);
  return { stdin: connection, stdout: halves.stdout, stderr: halves.stderr, ended, close: () => connection.destroy() };
}
