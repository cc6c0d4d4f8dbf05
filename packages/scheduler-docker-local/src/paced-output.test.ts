import { describe, expect, it, jest } from '@jest/globals';
import { PassThrough, Writable } from 'node:stream';
import { createPacer } from './paced-output.js';
import { closedPipe, settle, slowWritable } from './test-support/slow-writable.js';

const sink = () => new Writable({ write: (_chunk, _encoding, done) => done() });

describe('createPacer', () => {
  it('pauses the source while the target is full and resumes it when the target drains', async () => {
    const out = slowWritable(4);
    const source = new PassThrough();
    const pacer = createPacer([out.stream], () => {});

    pacer.write(out.stream, 'more than four bytes', source);

    expect(source.isPaused()).toBe(true);
    expect(pacer.waiting).toBe(true);
    out.release();
    await settle();
    expect(source.isPaused()).toBe(false);
    expect(pacer.waiting).toBe(false);
    expect(out.text()).toBe('more than four bytes');
  });

  it('adds one drain listener per full target, however many writes wait', () => {
    const out = slowWritable(1);
    const pacer = createPacer([out.stream], () => {});
    const sources = [new PassThrough(), new PassThrough()];

    for (let i = 0; i < 50; i++) pacer.write(out.stream, `line ${i}\n`, sources[i % 2]!);

    expect(out.stream.listenerCount('drain')).toBe(1);
    expect(sources.every((s) => s.isPaused())).toBe(true);
    pacer.dispose();
    expect(out.stream.listenerCount('drain')).toBe(0);
  });

  it('a source paused for two targets resumes only when both drained', async () => {
    const out = slowWritable(1);
    const err = slowWritable(1);
    const source = new PassThrough();
    const pacer = createPacer([out.stream, err.stream], () => {});

    pacer.write(out.stream, 'out', source);
    pacer.write(err.stream, 'err', source);
    out.release();
    await settle();

    expect(source.isPaused()).toBe(true);
    err.release();
    await settle();
    expect(source.isPaused()).toBe(false);
  });

  it('reports a failed target once (the reader went away) and drops what comes after', async () => {
    const gone = jest.fn();
    const pipe = closedPipe();
    const pacer = createPacer([pipe, sink()], gone);

    pacer.write(pipe, 'first', new PassThrough());
    await settle();
    pacer.write(pipe, 'second', new PassThrough());
    await settle();

    expect(gone).toHaveBeenCalledTimes(1);
    expect(pacer.gone).toBe(true);
  });
});
