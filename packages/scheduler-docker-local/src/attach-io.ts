/**
 * Connects the caller's terminal (or pipes) to a hijacked engine connection, for an attached
 * `run` and for `enter`. With a TTY the stream is raw and the caller's terminal is put in raw
 * mode (keys, Ctrl-C included, go to the process) and its size follows the window; without one
 * the stream is multiplexed and stdout/stderr are kept apart. stdin is piped either way; without
 * a TTY its end closes the process's stdin.
 */
import type { Duplex } from 'node:stream';
import type { ReadStream, WriteStream } from 'node:tty';
import { FrameDecoder } from './frames.js';
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
  /** Resolves when the process's output has ended, or after `graceMs` at the latest. */
  drained(graceMs: number): Promise<void>;
  /** Gives the caller's terminal and stdin back; idempotent. */
  close(): void;
}

export function connectIo(rt: Runtime, connection: Duplex, options: IoSessionOptions): IoSession {
  const { stdin, stdout, stderr } = rt.io;
  // Writing stdin after the process exited makes the socket fail with EPIPE: nothing to report.
  connection.on('error', () => {});
  const ended = new Promise<void>((resolve) => {
    connection.once('end', resolve);
    connection.once('close', resolve);
    connection.once('error', () => resolve());
  });

  if (options.tty) {
    connection.on('data', (chunk: Buffer) => stdout.write(chunk));
  } else {
    const decoder = new FrameDecoder();
    connection.on('data', (chunk: Buffer) => {
      for (const frame of decoder.push(chunk)) (frame.stream === 'stderr' ? stderr : stdout).write(frame.payload);
    });
  }

  const terminalIn = stdin as Partial<ReadStream>;
  const terminalOut = stdout as Partial<WriteStream>;
  const rawMode = options.tty && terminalIn.isTTY === true && typeof terminalIn.setRawMode === 'function';
  const sendSize = () => {
    if (terminalOut.isTTY && terminalOut.rows && terminalOut.columns) {
      options.resize(terminalOut.rows, terminalOut.columns).catch(() => {});
    }
  };
  let closed = false;

  return {
    ended,
    started() {
      if (rawMode) terminalIn.setRawMode!(true);
      if (options.tty) {
        sendSize();
        terminalOut.on?.('resize', sendSize);
      }
      if (options.tty) {
        // With a TTY the engine ends the whole session, output included, when stdin closes;
        // a terminal's stdin never ends on its own (Ctrl-D is a byte), so EOF is not passed on.
        stdin.pipe(connection, { end: false });
      } else if (stdin.readableEnded) {
        // An already-ended stdin would never emit 'end' again for pipe() to pass on.
        connection.end();
      } else {
        stdin.pipe(connection);
      }
    },
    async drained(graceMs) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([ended, new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
      clearTimeout(timer);
    },
    close() {
      if (closed) return;
      closed = true;
      stdin.unpipe(connection);
      // A paused stdin no longer holds the event loop open once the command is done.
      stdin.pause();
      if (rawMode) terminalIn.setRawMode!(false);
      terminalOut.off?.('resize', sendSize);
      connection.destroy();
    },
  };
}
