#!/usr/bin/env node
// Committed launcher: npm links a bin only if its target exists at install time, and dist/ does
// not exist before the first build.
import { main } from '../dist/main.js';

// A reader that went away (`pier … | head -1`) is not a crash: whatever is left to write is
// dropped. Commands that stream (run, enter, logs -t) notice it on their own and end.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});

const code = await main();
process.exitCode = code;
// Node writes to a pipe asynchronously: exiting now would throw away what the reader has not
// taken yet (`pier logs app | less`). Exit once every byte is handed over, but exit explicitly
// then, so that a stray handle (a keep-alive socket) cannot keep a finished command alive.
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
process.exit(code);

/** Resolves when everything written to `stream` so far is written out (or can no longer be). */
function flushed(stream) {
  if (stream.destroyed || stream.writableEnded) return Promise.resolve();
  // Write callbacks run in order: this one runs after every earlier write completed or failed.
  return new Promise((resolve) => stream.write('', () => resolve()));
}
