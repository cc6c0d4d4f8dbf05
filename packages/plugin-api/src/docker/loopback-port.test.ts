import { describe, expect, it } from '@jest/globals';
import { createServer } from 'node:net';
import { freeLoopbackPort, LOOPBACK } from './loopback-port.js';

describe('freeLoopbackPort', () => {
  it('gives a port a listener can bind on loopback, and records it as taken', async () => {
    const taken = new Set<number>();
    const port = await freeLoopbackPort(taken);
    expect(taken.has(port)).toBe(true);
    const server = createServer().listen(port, LOOPBACK);
    await new Promise((resolve) => server.once('listening', resolve));
    await new Promise((resolve) => server.close(resolve));
  });

  it('never hands out a port already taken', async () => {
    const taken = new Set<number>();
    const first = await freeLoopbackPort(taken);
    const second = await freeLoopbackPort(taken);
    expect(second).not.toBe(first);
  });
});
