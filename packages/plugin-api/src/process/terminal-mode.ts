/**
 * The caller's terminal during a TTY session (attached `run`, `enter`): raw, as the docker CLI
 * makes it (cfmakeraw), and its size. Shared by the schedulers that attach a caller to a container.
 *
 * Node's setRawMode is not quite raw: libuv leaves output processing on (it sets ONLCR), so the
 * process's "\r\n" — its own terminal already turned "\n" into that — reaches the screen as
 * "\r\r\n", which shows in `script` logs and captures. Node has no termios API, so `stty -opost`
 * turns it off on the same terminal; setRawMode(false) then restores every setting libuv saved
 * before, that one included.
 */
import { spawnSync } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import type { ReadStream, WriteStream } from 'node:tty';

/** Puts the terminal behind `stdin` in raw mode; returns what restores it. */
export function enterRawMode(stdin: Readable): () => void {
  // tty.ReadStream has the fd at run time; its typings leave it out.
  const terminal = stdin as Partial<ReadStream> & { fd?: number };
  if (terminal.isTTY !== true || typeof terminal.setRawMode !== 'function') return () => {};
  terminal.setRawMode(true);
  if (typeof terminal.fd === 'number') {
    // Best effort: without stty the session works, with the doubled CR.
    spawnSync('stty', ['-opost'], { stdio: [terminal.fd, 'ignore', 'ignore'], timeout: 2000 });
  }
  return () => {
    try {
      terminal.setRawMode!(false);
    } catch {
      // The terminal is gone (hung up): there is nothing left to restore.
    }
  };
}

/** `[rows, columns]` of the terminal `stdout` writes to, when it is one and knows its size. */
export function terminalSize(stdout: Writable): [number, number] | undefined {
  const terminal = stdout as Partial<WriteStream>;
  return terminal.isTTY && terminal.rows && terminal.columns ? [terminal.rows, terminal.columns] : undefined;
}
