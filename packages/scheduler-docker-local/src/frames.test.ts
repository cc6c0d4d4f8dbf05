import { describe, expect, it } from '@jest/globals';
import { FrameDecoder, LineSplitter, type Frame } from './frames.js';
import { encodeFrame } from './test-support/fake-streams.js';

const text = (frames: Frame[]) => frames.map((f) => `${f.stream}:${f.payload.toString()}`);

/** Feeds `bytes` cut at the given offsets; returns every frame decoded. */
function decodeCut(bytes: Buffer, cuts: number[]): Frame[] {
  const decoder = new FrameDecoder();
  const frames: Frame[] = [];
  let from = 0;
  for (const at of [...cuts, bytes.length]) {
    frames.push(...decoder.push(bytes.subarray(from, at)));
    from = at;
  }
  expect(decoder.buffered).toBe(0);
  return frames;
}

describe('FrameDecoder', () => {
  const two = Buffer.concat([encodeFrame('stdout', 'hello\n'), encodeFrame('stderr', 'oops\n')]);

  it.each([
    ['one chunk', []],
    ['cut inside the first header', [3]],
    ['cut right after the first header', [8]],
    ['cut inside the first payload', [10]],
    ['cut between frames', [14]],
    ['cut inside the second header', [17]],
    ['one byte at a time', Array.from({ length: two.length - 1 }, (_, i) => i + 1)],
  ])('%s', (_name, cuts) => {
    expect(text(decodeCut(two, cuts))).toEqual(['stdout:hello\n', 'stderr:oops\n']);
  });

  it('maps stream types 0 and 1 to stdout, 2 and 3 to stderr, and allows empty payloads', () => {
    const frames = [0, 1, 2, 3].map((type) => {
      const frame = encodeFrame('stdout', `t${type}`);
      frame[0] = type;
      return frame;
    });
    expect(text(decodeCut(Buffer.concat([...frames, encodeFrame('stdout', '')]), [5, 21]))).toEqual([
      'stdout:t0',
      'stdout:t1',
      'stderr:t2',
      'stderr:t3',
      'stdout:',
    ]);
  });

  it('keeps an incomplete frame until the rest arrives', () => {
    const decoder = new FrameDecoder();
    const frame = encodeFrame('stdout', 'abcdef');
    expect(decoder.push(frame.subarray(0, 11))).toEqual([]);
    expect(decoder.buffered).toBe(11);
    expect(text(decoder.push(frame.subarray(11)))).toEqual(['stdout:abcdef']);
  });

  it('handles a payload bigger than one chunk (Docker splits log lines at 16 KiB)', () => {
    const big = 'x'.repeat(40_000);
    const frame = encodeFrame('stdout', big);
    expect(decodeCut(frame, [8, 16_392, 32_776]).map((f) => f.payload.length)).toEqual([40_000]);
  });
});

describe('LineSplitter', () => {
  it.each([
    ['whole lines', ['a\nb\n'], ['a', 'b'], null],
    ['a line over two chunks', ['hel', 'lo\nwor', 'ld\n'], ['hello', 'world'], null],
    ['CRLF from a TTY', ['a\r\nb\r', '\n'], ['a', 'b'], null],
    ['an unterminated last line', ['a\nrest'], ['a'], 'rest'],
    ['empty lines', ['\n\nx\n'], ['', '', 'x'], null],
  ])('%s', (_name, chunks, lines, last) => {
    const splitter = new LineSplitter();
    expect(chunks.flatMap((chunk) => splitter.push(Buffer.from(chunk)))).toEqual(lines);
    expect(splitter.flush()).toBe(last);
  });

  it('reassembles a UTF-8 character cut between chunks', () => {
    const bytes = Buffer.from('café ☕\n');
    const splitter = new LineSplitter();
    const lines = [...splitter.push(bytes.subarray(0, 4)), ...splitter.push(bytes.subarray(4, 8)), ...splitter.push(bytes.subarray(8))];
    expect(lines).toEqual(['café ☕']);
  });
});
