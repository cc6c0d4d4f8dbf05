/**
 * The caller's terminal during a TTY session (`enter`, attached `run`): raw, as the docker CLI
 * makes it, and its size. Node's setRawMode leaves output processing on (ONLCR), so the
 * process's "\r\n" would reach the screen as "\r\r\n"; Node has no termios API, so `stty -opost`
 * turns that off on the same terminal, and setRawMode(false) restores what libuv saved before.
 */
import { spawnSync } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import type { ReadStream, WriteStream } from 'node:tty';

/** Raw mode on the terminal behind `stdin` (nothing when it is none); returns what restores it. */
export function makeRaw(stdin: Readable): () => void {
  const tty = stdin as Partial<ReadStream> & { fd?: number };
  if (!tty.isTTY || !tty.setRawMode) return () => {};
  tty.setRawMode(true);
  // Best effort: without stty the session works, with doubled CRs.
  if (typeof tty.fd === 'number') spawnSync('stty', ['-opost'], { stdio: [tty.fd, 'ignore', 'ignore'], timeout: 2000 });
  return () => {
    // A hung-up terminal has nothing left to restore.
    try {
      tty.setRawMode?.(false);
    } catch {}
  };
}

/** `[rows, columns]` of the terminal `stdout` is, when it is one and knows its size. */
export const windowSize = (stdout: Writable): [number, number] | undefined => {
  const { isTTY, rows, columns } = stdout as Partial<WriteStream>;
  return isTTY && rows && columns ? [rows, columns] : undefined;
};
