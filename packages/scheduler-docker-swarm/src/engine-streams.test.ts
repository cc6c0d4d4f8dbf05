import { describe, expect, it } from '@jest/globals';
import { PassThrough, type Readable } from 'node:stream';
import { rawLines } from './engine-streams.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('rawLines', () => {
  it('a slow reader pauses the engine’s stream with one drain listener, however many lines a chunk holds, and loses none', async () => {
    const source = new PassThrough();
    const lines = rawLines(source);
    const text = Array.from({ length: 200 }, (_, i) => `line ${i}`);
    source.write(`${text.join('\n')}\n`);
    await tick();

    expect({ paused: source.isPaused(), drainListeners: lines.listenerCount('drain') }).toEqual({ paused: true, drainListeners: 1 });
    source.end();
    const read: string[] = [];
    for await (const line of lines as Readable) read.push((line as { text: string }).text);
    expect(read).toEqual(text);
  });
});
