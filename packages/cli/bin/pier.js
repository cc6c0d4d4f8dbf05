#!/usr/bin/env node
// Committed launcher: npm links a bin only if its target exists at install time, and dist/ does
// not exist before the first build.
import { isatty } from 'node:tty';
import { main } from '../dist/main.js';

// The standard streams that are a terminal, as the command starts (see exitAs).
const terminals = [0, 1, 2].filter((fd) => isatty(fd));

// A reader that went away (`pier … | head -1`) is not a crash: whatever is left to write is
// dropped. Commands that stream (run, enter, logs -t) notice it on their own and end.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});

const code = await main();
process.exitCode = code;
// Node writes to a pipe asynchronously: exiting now would throw away what the reader has not
// taken yet (`pier logs app | less`). Exit once every byte is handed over, but exit explicitly
// then, so that a stray handle (a keep-alive socket) cannot keep a finished command alive.
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
exitAs(code);

/**
 * process.exit, except on a terminal that hung up (its window or SSH session closed: the fd is no
 * longer a terminal). Node restores the terminal's settings on its way out and crashes (SIGABRT or
 * SIGSEGV) when that fails, as it does on a hung-up terminal. The command has cleaned up by then;
 * it ends the way the kernel ends a process whose terminal went away instead, by SIGHUP with its
 * default action, which skips Node's exit path. The status a shell sees is 129 either way.
 */
function exitAs(status) {
  if (terminals.some((fd) => !isatty(fd))) {
    // Adding and removing a listener leaves SIGHUP at its default action, even under nohup.
    const none = () => {};
    process.on('SIGHUP', none).off('SIGHUP', none).removeAllListeners('SIGHUP');
    process.kill(process.pid, 'SIGHUP');
  }
  process.exit(status);
}

/** Resolves when everything written to `stream` so far is written out (or can no longer be). */
function flushed(stream) {
  if (stream.destroyed || stream.writableEnded) return Promise.resolve();
  // Write callbacks run in order: this one runs after every earlier write completed or failed.
  return new Promise((resolve) => stream.write('', () => resolve()));
}
