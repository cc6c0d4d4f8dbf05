import { describe, expect, it, jest } from '@jest/globals';
import { PassThrough, Writable } from 'node:stream';
import type { PluginIO } from '@pier/plugin-api';
import { connectIo } from './attach-io.js';
import type { Runtime } from './runtime.js';
import { encodeFrame, fakeConnection, stdinText } from './test-support/fake-streams.js';
import { closedPipe, settle, slowWritable } from './test-support/slow-writable.js';

/** A terminal: stdin with raw mode, stdout with a size that can change. */
function terminal() {
  const written: string[] = [];
  const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: jest.fn() });
  const stdout = Object.assign(
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        written.push(chunk.toString());
        done();
      },
    }),
    { isTTY: true, rows: 24, columns: 80 },
  );
  const io: PluginIO = { stdin, stdout, stderr: stdout, isTTY: true };
  return { io, stdin, stdout, written, rt: { io } as Runtime };
}

describe('connectIo', () => {
  it('with a TTY: raw mode while attached, the window size sent and followed, raw output, no EOF sent', async () => {
    const term = terminal();
    const connection = fakeConnection(() => {});
    const resize = jest.fn(async (_rows: number, _columns: number) => {});
    const session = connectIo(term.rt, connection.duplex, { tty: true, resize });

    session.started();
    expect(term.stdin.setRawMode).toHaveBeenLastCalledWith(true);
    expect(resize).toHaveBeenLastCalledWith(24, 80);
    Object.assign(term.stdout, { rows: 50, columns: 132 }).emit('resize');
    expect(resize).toHaveBeenLastCalledWith(50, 132);

    term.stdin.end('ls\r');
    await new Promise((resolve) => setImmediate(resolve));
    // The engine would end a TTY session, output included, on a stdin EOF: none is sent.
    expect(connection.stdinEnded).toBe(false);
    connection.duplex.push(Buffer.from('ls\r\nfile\r\n'));
    connection.duplex.push(null);
    await session.ended;
    session.close();

    expect(term.written.join('')).toBe('ls\r\nfile\r\n');
    expect(stdinText(connection)).toBe('ls\r');
    expect(term.stdin.setRawMode).toHaveBeenLastCalledWith(false);
    term.stdout.emit('resize');
    expect(resize).toHaveBeenCalledTimes(2);
  });

  it('without a TTY: frames split across chunks, stdout and stderr apart, stdin end closes the process’s stdin', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const sink = (into: string[]) => new Writable({ write: (chunk: Buffer, _e, done) => (into.push(chunk.toString()), done()) });
    const stdin = new PassThrough();
    const rt = { io: { stdin, stdout: sink(out), stderr: sink(err), isTTY: false } } as unknown as Runtime;
    let stdinClosed = false;
    const connection = fakeConnection(() => (stdinClosed = true));
    const session = connectIo(rt, connection.duplex, { tty: false, resize: async () => {} });

    session.started();
    stdin.end('input\n');
    const bytes = Buffer.concat([encodeFrame('stdout', 'out\n'), encodeFrame('stderr', 'err\n')]);
    for (let at = 0; at < bytes.length; at += 3) connection.duplex.push(bytes.subarray(at, at + 3));
    connection.duplex.push(null);
    await session.ended;
    await new Promise((resolve) => setImmediate(resolve));
    session.close();

    expect(out.join('')).toBe('out\n');
    expect(err.join('')).toBe('err\n');
    expect(stdinText(connection)).toBe('input\n');
    expect(stdinClosed).toBe(true);
  });

  const pipes = (stdout: Writable, stdin = new PassThrough()) =>
    ({ io: { stdin, stdout, stderr: stdout, isTTY: false } }) as unknown as Runtime;

  /** A raw (TTY) session writing `output` to a reader whose buffer holds `highWaterMark` bytes. */
  async function slowReaderSession(highWaterMark: number, output: string) {
    const out = slowWritable(highWaterMark);
    const connection = fakeConnection(() => {});
    const session = connectIo(pipes(out.stream), connection.duplex, { tty: true, resize: async () => {} });
    session.started();
    connection.duplex.push(Buffer.from(output));
    await settle();
    return { out, connection, session };
  }

  it('a slow reader pauses the connection (the engine then waits) until its stdout drains', async () => {
    const { out, connection, session } = await slowReaderSession(8, 'a first chunk of output');

    expect(connection.duplex.isPaused()).toBe(true);
    out.release();
    await settle();
    expect(connection.duplex.isPaused()).toBe(false);
    session.close();
    expect(out.text()).toBe('a first chunk of output');
  });

  it('while the reader is slow the session is not drained, however long the connection is silent', async () => {
    const { out, session } = await slowReaderSession(1, 'output');
    let drained = false;
    const done = session.drained(5).then(() => (drained = true));

    // Ten idle periods and more: still held by the reader.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(drained).toBe(false);
    out.release();
    await done;
    session.close();
  });

  it('a stdout whose reader went away (EPIPE) ends the session quietly: outputGone, the connection closed at once', async () => {
    const connection = fakeConnection(() => {});
    const session = connectIo(pipes(closedPipe()), connection.duplex, { tty: false, resize: async () => {} });
    session.started();

    connection.duplex.push(encodeFrame('stdout', 'line\n'));

    await session.outputGone;
    // Before close(): a connection left open but unread would stall the engine, which holds the
    // container's lock while it copies output, so the removal that follows would never return.
    expect(connection.duplex.destroyed).toBe(true);
    session.close();
  });

  it.each([
    ['at the start of a line: one Ctrl-D', 'ls\n', '\x04'],
    ['mid-line: two (the first only sends the line)', 'ls', '\x04\x04'],
  ])('a forced TTY with piped stdin passes its end on as a terminal would, %s', async (_name, input, eot) => {
    const connection = fakeConnection(() => {});
    const stdin = new PassThrough();
    const session = connectIo(pipes(new PassThrough(), stdin), connection.duplex, { tty: true, resize: async () => {} });
    session.started();

    stdin.end(input);
    await settle();
    await settle();

    expect(stdinText(connection)).toBe(`${input}${eot}`);
    expect(connection.stdinEnded).toBe(false);
    session.close();
  });
});

