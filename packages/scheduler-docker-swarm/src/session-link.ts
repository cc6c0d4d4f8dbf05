/**
 * The caller's streams joined to a hijacked engine session (`enter`'s exec, an attached `run`'s
 * container):
 * - output is piped, so a slow reader (`pier run app seq 1 1000000 | less`) slows the engine's
 *   connection down instead of filling memory, and a reader that goes away (`| head -1`: EPIPE)
 *   is reported once, as `outputGone`, instead of crashing Pier;
 * - with a TTY the caller's terminal is raw from the start (keys, Ctrl-C included, go to the
 *   process) and its size follows the window; without one, stdout and stderr stay apart;
 * - stdin is passed on once the process runs; without a TTY its end closes the process's stdin.
 */
import type { Readable, Writable } from 'node:stream';
import type { PluginIO } from '@pier/plugin-api';
import { signalExitCode, enterRawMode, terminalSize } from '@pier/plugin-api';
import type { ExecSession } from './swarm-port.js';

export interface SessionLink {
  /** The process runs: pass it stdin and the terminal size from now on. */
  started(): void;
  /** Resolves when the caller's stdout or stderr went away; never otherwise. */
  readonly outputGone: Promise<void>;
  /**
   * Resolves when the session's output has all been passed on, or is gone, or nothing more came
   * for `quietMs` while the caller kept up (a connection the engine fails to close).
   */
  settled(quietMs: number): Promise<void>;
  /** Gives the caller's terminal and stdin back and closes the session; idempotent. */
  release(): void;
}

/** A shell's status for a writer killed by SIGPIPE: what `pier run app … | head -1` ends with. */
export const OUTPUT_GONE_STATUS = signalExitCode('SIGPIPE');
/** How long a session may stay silent after its process ended before it is not waited for. */
export const OUTPUT_QUIET_MS = 2000;

/** Ctrl-D: how a terminal's line discipline is told that input ended. */
const EOT = 0x04;

const finished = (stream: Readable) =>
  new Promise<void>((resolve) => {
    for (const event of ['end', 'close', 'error']) stream.once(event, () => resolve());
  });

/**
 * With a TTY the engine ends the whole session when stdin closes, so its end is not passed on;
 * a pipe given with --force-tty ends as a terminal's input would, with Ctrl-D at a line's start
 * (two when it stopped mid-line: the first only sends the line). Returns what detaches it.
 */
function feedTerminal(stdin: Readable, into: Writable): () => void {
  stdin.pipe(into, { end: false });
  if ((stdin as { isTTY?: boolean }).isTTY) return () => stdin.unpipe(into);
  let midLine = false;
  const track = (chunk: Buffer) => void (midLine = chunk.length > 0 ? chunk[chunk.length - 1] !== 0x0a : midLine);
  const hangUp = () => void (into.writableEnded || into.write(Buffer.from(midLine ? [EOT, EOT] : [EOT])));
  stdin.on('data', track);
  stdin.once('end', hangUp);
  return () => {
    stdin.unpipe(into);
    stdin.off('data', track);
    stdin.off('end', hangUp);
  };
}

export function linkSession(io: PluginIO, session: ExecSession, options: { tty: boolean; resize(rows: number, columns: number): void }): SessionLink {
  const { stdin, stdout, stderr } = io;
  const restore = options.tty ? enterRawMode(stdin) : () => {};
  let reportGone = () => {};
  const outputGone = new Promise<void>((resolve) => (reportGone = resolve));
  const targets = [stdout, stderr];
  for (const target of targets) {
    target.on('error', reportGone);
    target.on('close', reportGone);
  }
  session.stdout.pipe(stdout, { end: false });
  session.stderr.pipe(stderr, { end: false });
  const outputDone = Promise.all([finished(session.stdout), finished(session.stderr)]);

  const sendSize = () => {
    const size = terminalSize(stdout);
    if (size) options.resize(...size);
  };
  let detachStdin = () => {};
  let released = false;

  return {
    outputGone,
    started() {
      if (options.tty) {
        sendSize();
        stdout.on('resize', sendSize);
        detachStdin = feedTerminal(stdin, session.stdin);
      } else if (stdin.readableEnded) {
        // An ended stdin never says 'end' again for a pipe to pass on.
        session.stdin.end();
      } else {
        stdin.pipe(session.stdin);
        detachStdin = () => stdin.unpipe(session.stdin);
      }
    },
    settled(quietMs) {
      // The engine closes the connection once the process is gone. Should it not, `quietMs` of
      // silence ends the wait, silence while the caller reads slowly (output held back) aside.
      return new Promise<void>((resolve) => {
        let timer: NodeJS.Timeout | undefined;
        const heldBack = () => session.stdout.readableFlowing === false || session.stderr.readableFlowing === false;
        const finish = () => {
          clearTimeout(timer);
          for (const stream of [session.stdout, session.stderr]) stream.off('data', rearm);
          resolve();
        };
        function rearm() {
          clearTimeout(timer);
          timer = setTimeout(() => (heldBack() ? rearm() : finish()), quietMs);
        }
        for (const stream of [session.stdout, session.stderr]) stream.on('data', rearm);
        rearm();
        void Promise.race([outputDone, outputGone]).then(finish);
      });
    },
    release() {
      if (released) return;
      released = true;
      detachStdin();
      // A paused stdin no longer holds the event loop open once the process is done.
      stdin.pause();
      restore();
      stdout.off('resize', sendSize);
      for (const target of targets) {
        target.off('error', reportGone);
        target.off('close', reportGone);
      }
      session.stdout.unpipe(stdout);
      session.stderr.unpipe(stderr);
      session.close();
    },
  };
}
