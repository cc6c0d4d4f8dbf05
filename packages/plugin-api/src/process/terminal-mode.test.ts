import { describe, expect, it, jest } from '@jest/globals';
import { PassThrough } from 'node:stream';
import { enterRawMode, terminalSize } from './terminal-mode.js';

const terminalIn = (setRawMode: (mode: boolean) => void) => Object.assign(new PassThrough(), { isTTY: true, setRawMode: jest.fn(setRawMode) });

describe('enterRawMode', () => {
  it('puts a terminal in raw mode and gives back what restores it', () => {
    const stdin = terminalIn(() => {});

    const restore = enterRawMode(stdin);
    expect(stdin.setRawMode).toHaveBeenLastCalledWith(true);
    restore();

    expect(stdin.setRawMode).toHaveBeenLastCalledWith(false);
  });

  it('a terminal that hung up in the meantime is left as it is, without an error', () => {
    const stdin = terminalIn((mode) => {
      if (!mode) throw Object.assign(new Error('setRawMode EIO'), { code: 'EIO' });
    });

    expect(() => enterRawMode(stdin)()).not.toThrow();
  });

  it('leaves a pipe alone', () => {
    expect(() => enterRawMode(new PassThrough())()).not.toThrow();
  });
});

describe('terminalSize', () => {
  it.each([
    ['a terminal', { isTTY: true, rows: 30, columns: 100 }, [30, 100]],
    ['a terminal that does not know its size', { isTTY: true, rows: 0, columns: 0 }, undefined],
    ['a pipe', {}, undefined],
  ])('%s', (_name, props, expected) => {
    expect(terminalSize(Object.assign(new PassThrough(), props))).toEqual(expected);
  });
});
