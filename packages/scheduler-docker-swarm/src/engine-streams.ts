/**
 * Engine streams turned into what the scheduler reads: log answers into lines, hijacked exec and
 * attach connections into stdout and stderr. Docker multiplexes non-TTY output in frames (an 8-byte
 * header per chunk); docker-modem's demuxStream reassembles frames split across chunks, and
 * readline cuts the bytes into lines (UTF-8 safe, CRLF folded).
 */
import { createInterface } from 'node:readline';
import { PassThrough, type Duplex, type Readable } from 'node:stream';
import type { ExecSession, LogLine } from './swarm-port.js';

interface Demuxer {
  demuxStream(stream: Readable, stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream): void;
}

/** Ends the given streams when the source ends, closes or fails (a connection can just drop). */
function endWith(source: Readable, ...streams: PassThrough[]): void {
  const finish = () => streams.forEach((stream) => stream.end());
  source.once('end', finish);
  source.once('close', finish);
  source.once('error', finish);
}

/** Splits a multiplexed stream; both halves end (or fail) with the source. */
function demux(source: Readable, modem: Demuxer): { stdout: PassThrough; stderr: PassThrough } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  modem.demuxStream(source, stdout, stderr);
  endWith(source, stdout, stderr);
  return { stdout, stderr };
}

/** A raw stream's bytes, ending with it whichever way it ends. */
function mirror(source: Readable): PassThrough {
  const copy = new PassThrough();
  source.pipe(copy, { end: false });
  endWith(source, copy);
  return copy;
}

/**
 * An object-mode stream of LogLine from the halves of `source`. Destroying it destroys the
 * engine's stream (that is how a followed log is stopped); a slow reader pauses the engine's
 * stream instead of piling up lines.
 */
function lineStream(source: Readable, halves: Partial<Record<LogLine['stream'], Readable>>): Readable {
  const lines = new PassThrough({ objectMode: true });
  const named = Object.entries(halves) as [LogLine['stream'], Readable][];
  let open = named.length;
  // readline emits a whole chunk's lines at once: one drain listener per pause, not per line.
  let paused = false;
  for (const [stream, half] of named) {
    const reader = createInterface({ input: half, crlfDelay: Infinity });
    reader.on('line', (text) => {
      if (lines.write({ stream, text } satisfies LogLine) || paused) return;
      paused = true;
      source.pause();
      lines.once('drain', () => {
        paused = false;
        source.resume();
      });
    });
    reader.once('close', () => {
      if (--open === 0) lines.end();
    });
  }
  source.once('error', (error) => lines.destroy(error));
  lines.once('close', () => source.destroy());
  return lines;
}

/** Lines of a multiplexed answer (no TTY): stdout and stderr apart. */
export const demuxedLines = (source: Readable, modem: Demuxer): Readable => lineStream(source, demux(source, modem));

/** Lines of a raw answer (the output of a TTY, stdout and stderr merged; CRLF folded). */
export const rawLines = (source: Readable): Readable => lineStream(source, { stdout: mirror(source) });

/** A hijacked exec or attach connection as stdin, stdout and stderr (merged into stdout with a TTY). */
export function execStreams(connection: Duplex, tty: boolean, modem: Demuxer): ExecSession {
  // Writing stdin after the process exited fails with EPIPE: nothing to report.
  connection.on('error', () => {});
  const ended = new Promise<void>((resolve) => {
    connection.once('end', resolve);
    connection.once('close', resolve);
    connection.once('error', () => resolve());
  });
  const halves = tty ? { stdout: connection, stderr: new PassThrough().end() } : demux(connection, modem);
  return { stdin: connection, stdout: halves.stdout, stderr: halves.stderr, ended, close: () => connection.destroy() };
}
