/**
 * Connects the caller's terminal (or pipes) to a hijacked engine connection, for an attached
 * `run` and for `enter`. With a TTY the stream is raw and the caller's terminal is put in raw
 * mode (keys, Ctrl-C included, go to the process) and its size follows the window; without one
 * the stream is multiplexed and stdout/stderr are kept apart. stdin is piped either way; without
 * a TTY its end closes the process's stdin.
 *
 * Output goes out at the pace the caller reads it (paced-output.ts), and a caller that stops
 * reading (`| head -1`: EPIPE) ends the session quietly instead of crashing Pier.
 */
import type { Duplex, Readable } from 'node:stream';
import { enterRawMode, terminalSize } from '@pier/plugin-api';
import { FrameDecoder } from './frames.js';
import { createPacer } from './paced-output.js';
import type { Runtime } from './runtime.js';

export interface IoSessionOptions {
  tty: boolean;
  /** Sets the process's terminal size (rows, columns). */
  resize(rows: number, columns: number): Promise<void>;
}

export interface IoSession {
  /** The process runs: start feeding it stdin and the terminal size. */
  started(): void;
  /** Resolves when the process's output has ended (the connection closed). */
  readonly ended: Promise<void>;
  /** Resolves when the caller's stdout or stderr went away (its reader closed it); never otherwise. */
  readonly outputGone: Promise<void>;
  /**
   * Resolves when the process's output has ended, or when nothing more has come for `idleMs`
   * while the caller was keeping up (a connection the engine fails to close).
   */
  drained(idleMs: number): Promise<void>;
  /** Gives the caller's terminal and stdin back; idempotent. */
  close(): void;
}

/** End of transmission (Ctrl-D): how a terminal's line discipline is told "end of input". */
const EOT = Buffer.from([0x04]);

export function connectIo(rt: Runtime, connection: Duplex, options: IoSessionOptions): IoSession {
  const { stdin, stdout, stderr } = rt.io;
  // Writing stdin after the process exited makes the socket fail with EPIPE: nothing to report.
  connection.on('error', () => {});
  const ended = new Promise<void>((resolve) => {
    connection.once('end', resolve);
    connection.once('close', resolve);
    connection.once('error', () => resolve());
  });
  let lastOutput = Date.now();
  let signalGone: () => void = () => {};
  const outputGone = new Promise<void>((resolve) => (signalGone = resolve));
  const pacer = createPacer([stdout, stderr], () => {
    signalGone();
    // Not merely paused: the engine holds the container's lock while it copies output into this
    // connection, so a stalled connection would make the removal that follows (run) or the
    // exec's end (enter) wait forever, and every later call on that container with it.
    connection.destroy();
  });

  const decoder = options.tty ? null : new FrameDecoder();
  connection.on('data', (chunk: Buffer) => {
    lastOutput = Date.now();
    if (decoder === null) pacer.write(stdout, chunk, connection);
    else for (const frame of decoder.push(chunk)) pacer.write(frame.stream === 'stderr' ? stderr : stdout, frame.payload, connection);
  });

  const sendSize = () => {
    const size = terminalSize(stdout);
    if (size) options.resize(...size).catch(() => {});
  };
  // Raw from now on, not from the start: the process's first output can arrive before the
  // engine has answered the start request, and must not pass through output processing.
  const restoreTerminal = options.tty ? enterRawMode(stdin) : () => {};
  let stopPiping = () => {};
  let closed = false;

  return {
    ended,
    outputGone,
    started() {
      if (options.tty) {
        sendSize();
        stdout.on('resize', sendSize);
        stopPiping = pipeToTerminal(stdin, connection);
      } else if (stdin.readableEnded) {
        // An already-ended stdin would never emit 'end' again for pipe() to pass on.
        connection.end();
      } else {
        stdin.pipe(connection);
      }
    },
    async drained(idleMs) {
      let timer: NodeJS.Timeout | undefined;
      const idle = new Promise<void>((resolve) => {
        const check = () => {
          const quietFor = Date.now() - lastOutput;
          if (!pacer.waiting && quietFor >= idleMs) resolve();
          else timer = setTimeout(check, Math.max(10, idleMs - quietFor));
        };
        check();
      });
      await Promise.race([ended, outputGone, idle]);
      clearTimeout(timer);
    },
    close() {
      if (closed) return;
      closed = true;
      stdin.unpipe(connection);
      stopPiping();
      // A paused stdin no longer holds the event loop open once the command is done.
      stdin.pause();
      restoreTerminal();
      stdout.off('resize', sendSize);
      pacer.dispose();
      connection.destroy();
    },
  };
}

/**
 * With a TTY the engine ends the whole session, output included, when stdin closes, so EOF is
 * not passed on. A terminal's stdin never ends on its own (Ctrl-D is a byte); a pipe's does
 * (`--force-tty` without a terminal): it is then passed on as the terminal would, Ctrl-D at the
 * start of a line (two when the input stopped mid-line: the first only sends the line).
 * Returns what removes its listeners.
 */
function pipeToTerminal(stdin: Readable, connection: Duplex): () => void {
  stdin.pipe(connection, { end: false });
  if ((stdin as { isTTY?: boolean }).isTTY) return () => {};
  let atLineStart = true;
  const onData = (chunk: Buffer) => {
    if (chunk.length > 0) atLineStart = chunk[chunk.length - 1] === 0x0a;
  };
  const onEnd = () => {
    if (!connection.destroyed) connection.write(atLineStart ? EOT : Buffer.concat([EOT, EOT]));
  };
  stdin.on('data', onData);
  stdin.once('end', onEnd);
  return () => {
    stdin.off('data', onData);
    stdin.off('end', onEnd);
  };
}
