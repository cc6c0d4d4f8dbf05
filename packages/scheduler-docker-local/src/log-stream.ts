/**
 * Reads the logs of several containers at once and prints them (Dokku runs one `docker logs` per
 * container in the background). Prefixed output is written line by line, so containers
 * interleave by line, never inside one; raw output (`-q`, `logs:failed`) is written as the engine
 * sends it, a partial line (a prompt, a progress bar) included. Output goes at the pace the
 * reader takes it (paced-output.ts). With follow the command ends when every container's stream
 * has ended (they all stopped), on the user's interrupt, or when stdout goes away (`pier logs -t
 * app | head`), always cleanly: what was read is printed, streams destroyed, handlers removed.
 */
import type { Readable } from 'node:stream';
import { FrameDecoder, LineSplitter, type StreamKind } from './frames.js';
import { prefixLine } from './log-format.js';
import { createPacer, type OutputPacer } from './paced-output.js';
import type { Runtime } from './runtime.js';
import { messageOf, logColorFor } from '@pier/plugin-api';

export interface LogTarget {
  id: string;
  /** `web.1` for app containers, the run number for one-off ones. */
  dyno: string;
  /** Output of a TTY container is not multiplexed. */
  tty: boolean;
}

export interface LogOutputOptions {
  follow: boolean;
  /** Lines from the end of each container's log; `all` for everything. */
  num: number | 'all';
  /** Raw output: no timestamps, no prefixes. */
  quiet: boolean;
  color: boolean;
  /** Raw output only: stderr to the caller's stderr (`docker logs`), not into stdout (`2>&1`). */
  separateStderr?: boolean;
}

/** One container's stream, decoded; `finish` prints what is still held back (a line without its newline). */
interface Reader {
  push(chunk: Buffer): void;
  finish(): void;
}

function frameSink(tty: boolean, take: (kind: StreamKind, bytes: Buffer) => void): (chunk: Buffer) => void {
  const decoder = tty ? null : new FrameDecoder();
  return (chunk) => {
    if (decoder === null) take('stdout', chunk);
    else for (const frame of decoder.push(chunk)) take(frame.stream, frame.payload);
  };
}

/** Raw: every payload as it comes, nothing held back. */
function rawReader(rt: Runtime, pacer: OutputPacer, stream: Readable, target: LogTarget, separateStderr: boolean): Reader {
  const to = (kind: StreamKind) => (kind === 'stderr' && separateStderr ? rt.io.stderr : rt.io.stdout);
  return { push: frameSink(target.tty, (kind, bytes) => pacer.write(to(kind), bytes, stream)), finish: () => {} };
}

/** Prefixed: complete lines, stdout and stderr kept apart until a line is whole. */
function lineReader(rt: Runtime, pacer: OutputPacer, stream: Readable, target: LogTarget, color: number | null): Reader {
  const splitters: Record<StreamKind, LineSplitter> = { stdout: new LineSplitter(), stderr: new LineSplitter() };
  const print = (line: string) => pacer.write(rt.io.stdout, `${prefixLine(line, target.dyno, color)}\n`, stream);
  return {
    push: frameSink(target.tty, (kind, bytes) => splitters[kind].push(bytes).forEach(print)),
    finish() {
      for (const splitter of Object.values(splitters)) {
        const last = splitter.flush();
        if (last !== null) print(last);
      }
    },
  };
}

async function openStreams(rt: Runtime, targets: LogTarget[], options: LogOutputOptions): Promise<(Readable | null)[]> {
  return Promise.all(
    targets.map((target) =>
      rt.docker.logStream(target.id, { follow: options.follow, tail: options.num, timestamps: !options.quiet }).catch((error: unknown) => {
        // The container went away between listing and reading, as a `docker logs` would say.
        rt.log.warn(messageOf(error));
        return null;
      }),
    ),
  );
}

export async function streamLogs(rt: Runtime, targets: LogTarget[], options: LogOutputOptions): Promise<void> {
  if (targets.length === 0) return;
  const opened = await openStreams(rt, targets, options);
  const readers: Reader[] = [];
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    readers.forEach((reader) => reader.finish());
    for (const stream of opened) stream?.destroy();
  };
  const pacer = createPacer([rt.io.stdout, rt.io.stderr], stop);
  const unsubscribe = options.follow ? rt.interrupts(stop) : () => {};
  rt.io.stdout.once('close', stop);

  try {
    await Promise.all(
      targets.map((target, position) => {
        const stream = opened[position];
        if (!stream) return undefined;
        const reader = options.quiet
          ? rawReader(rt, pacer, stream, target, options.separateStderr ?? false)
          : lineReader(rt, pacer, stream, target, options.color ? logColorFor(position) : null);
        readers.push(reader);
        return new Promise<void>((resolve) => {
          stream.on('data', (chunk: Buffer) => reader.push(chunk));
          stream.once('end', () => {
            if (!stopped) reader.finish();
            resolve();
          });
          stream.once('close', () => resolve());
          stream.once('error', (error) => {
            if (!stopped) rt.log.warn(`Logs of ${target.dyno} ended: ${messageOf(error)}`);
            resolve();
          });
        });
      }),
    );
  } finally {
    unsubscribe();
    rt.io.stdout.off('close', stop);
    pacer.dispose();
    for (const stream of opened) stream?.destroy();
  }
}
