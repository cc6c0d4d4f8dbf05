/**
 * Reads the logs of several containers at once and prints them line by line (Dokku runs one
 * `docker logs` per container in the background). Lines are written whole, so containers
 * interleave by line, never inside one. With follow the command ends when every container's
 * stream has ended (they all stopped), on the user's interrupt, or when stdout goes away
 * (`pier logs -t app | head`), always cleanly: streams destroyed, handlers removed.
 */
import type { Readable } from 'node:stream';
import { errorMessage } from './docker-errors.js';
import { FrameDecoder, LineSplitter, type StreamKind } from './frames.js';
import { colorFor, prefixLine } from './log-format.js';
import type { Runtime } from './runtime.js';

export interface LogTarget {
  id: string;
  /** `web.1` for app containers, the run number for one-off ones. */
  dyno: string;
  /** Output of a TTY container is not multiplexed. */
  tty: boolean;
}

export interface LogOutputOptions {
  follow: boolean;
  num: number;
  /** Raw lines: no timestamps, no prefixes. */
  quiet: boolean;
  color: boolean;
}

type LineSink = (line: string) => void;

/** Bytes of one container's stream → complete lines, stdout and stderr kept apart until a line is whole. */
function lineReader(tty: boolean, sink: LineSink): { push(chunk: Buffer): void; end(): void } {
  const splitters: Record<StreamKind, LineSplitter> = { stdout: new LineSplitter(), stderr: new LineSplitter() };
  const decoder = tty ? null : new FrameDecoder();
  const take = (kind: StreamKind, bytes: Buffer) => splitters[kind].push(bytes).forEach(sink);
  return {
    push(chunk) {
      if (decoder === null) take('stdout', chunk);
      else for (const frame of decoder.push(chunk)) take(frame.stream, frame.payload);
    },
    end() {
      for (const splitter of Object.values(splitters)) {
        const last = splitter.flush();
        if (last !== null) sink(last);
      }
    },
  };
}

export async function streamLogs(rt: Runtime, targets: LogTarget[], options: LogOutputOptions): Promise<void> {
  if (targets.length === 0) return;
  const { stdout } = rt.io;
  const opened = await Promise.all(
    targets.map((target) =>
      rt.docker.logStream(target.id, { follow: options.follow, tail: options.num, timestamps: !options.quiet }).catch((error: unknown) => {
        // The container went away between listing and reading, as a `docker logs` would say.
        rt.log.warn(errorMessage(error));
        return null;
      }),
    ),
  );

  let stopped = false;
  const streams = opened.filter((s): s is Readable => s !== null);
  const stop = () => {
    stopped = true;
    for (const stream of streams) stream.destroy();
  };
  const unsubscribe = options.follow ? rt.interrupts(stop) : () => {};
  stdout.once('error', stop);
  stdout.once('close', stop);

  try {
    await Promise.all(
      targets.map((target, position) => {
        const stream = opened[position];
        if (!stream) return undefined;
        const color = options.color ? colorFor(position) : null;
        const format = options.quiet ? (line: string) => line : (line: string) => prefixLine(line, target.dyno, color);
        const reader = lineReader(target.tty, (line) => {
          // Backpressure: a slow reader of stdout pauses the engine's stream rather than piling up lines.
          if (!stopped && !stdout.write(`${format(line)}\n`)) {
            stream.pause();
            stdout.once('drain', () => stream.resume());
          }
        });
        return new Promise<void>((resolve) => {
          stream.on('data', (chunk: Buffer) => reader.push(chunk));
          stream.once('end', () => {
            reader.end();
            resolve();
          });
          stream.once('close', () => resolve());
          stream.once('error', (error) => {
            if (!stopped) rt.log.warn(`Logs of ${target.dyno} ended: ${errorMessage(error)}`);
            resolve();
          });
        });
      }),
    );
  } finally {
    unsubscribe();
    stdout.off('error', stop);
    stdout.off('close', stop);
    for (const stream of streams) stream.destroy();
  }
}
