/**
 * Prints log streams (an app's services for `logs`, one-off processes for `run:logs`) line by
 * line, `<time> app[<dyno>]: <message>`, streams interleaving by line. Output goes at the pace
 * the reader takes it: a slow reader of stdout slows the engine's streams down, not memory up.
 * With follow it ends when the user interrupts, when stdout goes away (`| head`), or when every
 * stream has ended (a source may end its own: a one-off that finished).
 */
import type { Readable } from 'node:stream';
import { logColorFor } from '@pier/plugin-api';
import { formatLogLine, type ParsedLogLine } from './log-lines.js';
import type { Runtime } from './runtime.js';
import type { LogLine } from './swarm-port.js';

export interface LogSource {
  /** An object-mode stream of LogLine. */
  stream: Readable;
  /** What a line says and whose it is; null leaves it out. */
  attribute(text: string): Promise<{ line: ParsedLogLine; dyno: string } | null>;
  /** When it resolves, the source has nothing more to say: its stream is closed. */
  done?: Promise<void>;
}

export interface PrintOptions {
  follow: boolean;
  quiet: boolean;
  color: boolean;
}

export async function printLogSources(rt: Runtime, sources: LogSource[], options: PrintOptions): Promise<void> {
  const { stdout } = rt.io;
  const streams = sources.map((source) => source.stream);
  let stopped = false;
  const stop = () => {
    stopped = true;
    for (const stream of streams) stream.destroy();
  };
  const unsubscribe = options.follow ? rt.interrupts(stop) : () => {};
  stdout.once('error', stop);
  stdout.once('close', stop);
  // One colour per dyno, in the order dynos first print.
  const colors = new Map<string, number>();
  const colorOf = (dyno: string) => {
    if (!colors.has(dyno)) colors.set(dyno, logColorFor(colors.size));
    return colors.get(dyno)!;
  };

  /** Resolves once stdout takes more, or is gone. */
  function drained(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        for (const event of ['drain', 'close', 'error']) stdout.off(event, done);
        resolve();
      };
      for (const event of ['drain', 'close', 'error']) stdout.once(event, done);
    });
  }

  async function print(source: LogSource): Promise<void> {
    let ended = false;
    void source.done?.then(() => {
      ended = true;
      source.stream.destroy();
    });
    try {
      for await (const { text } of source.stream as AsyncIterable<LogLine>) {
        const attributed = await source.attribute(text);
        if (stopped) break;
        if (attributed === null) continue;
        const style = { quiet: options.quiet, color: options.color ? colorOf(attributed.dyno) : null };
        if (!stdout.write(`${formatLogLine(attributed.line, attributed.dyno, style)}\n`)) await drained();
      }
    } catch (error) {
      if (!stopped && !ended) throw error;
    }
  }

  try {
    await Promise.all(sources.map(print));
  } finally {
    unsubscribe();
    stdout.off('error', stop);
    stdout.off('close', stop);
    for (const stream of streams) stream.destroy();
  }
}
