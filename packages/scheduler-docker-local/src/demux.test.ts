import { describe, expect, it } from '@jest/globals';
import { demux } from './demux.js';

describe('demux', () => {
  it('joins multiplexed frames in order', () => {
    const frame = (stream: number, text: string) => Buffer.concat([Buffer.from([stream, 0, 0, 0, 0, 0, 0, text.length]), Buffer.from(text)]);
    expect(demux(Buffer.concat([frame(1, 'out\n'), frame(2, 'err\n'), frame(1, 'more')]))).toBe('out\nerr\nmore');
  });
  it('returns raw (TTY) output as is', () => {
    expect(demux(Buffer.from('plain text\r\n'))).toBe('plain text\r\n');
  });
});
