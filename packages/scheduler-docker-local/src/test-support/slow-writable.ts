/**
 * Writables that behave like a slow or a closed reader on the other end of a pipe: one whose
 * writes complete only when the test says so (its buffer fills up), one that fails with EPIPE.
 */
import { Writable } from 'node:stream';

export interface SlowWritable {
  stream: Writable;
  /** What has been written out so far. */
  text(): string;
  /** Completes every write waiting so far (the reader took it). */
  release(): void;
}

export function slowWritable(highWaterMark = 16): SlowWritable {
  const written: string[] = [];
  let waiting: (() => void)[] = [];
  const stream = new Writable({
    highWaterMark,
    write(chunk: Buffer, _encoding, done) {
      waiting.push(() => {
        written.push(chunk.toString());
        done();
      });
    },
  });
  return {
    stream,
    text: () => written.join(''),
    release() {
      const now = waiting;
      waiting = [];
      now.forEach((complete) => complete());
    },
  };
}

/** A stdout whose reader has gone: every write fails with EPIPE. */
export function closedPipe(): Writable {
  return new Writable({
    write(_chunk, _encoding, done) {
      done(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    },
  });
}

/** Lets pending stream callbacks and timers of 0 ms run. */
export const settle = () => new Promise((resolve) => setImmediate(resolve));
