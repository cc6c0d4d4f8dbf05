import { describe, expect, it } from '@jest/globals';
import { runPool } from './pool.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('runPool', () => {
  it('runs at most `limit` tasks at once, in order', async () => {
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    await runPool([1, 2, 3, 4, 5], 2, async (n) => {
      started.push(n);
      peak = Math.max(peak, ++running);
      await tick();
      running--;
    });
    expect(peak).toBe(2);
    expect(started).toEqual([1, 2, 3, 4, 5]);
  });

  it('halts soon: after a failure nothing new starts, running tasks finish, the first error is thrown', async () => {
    const finished: number[] = [];
    const run = runPool([1, 2, 3, 4], 2, async (n) => {
      await tick();
      if (n === 1) throw new Error('one failed');
      await tick();
      finished.push(n);
    });
    await expect(run).rejects.toThrow('one failed');
    expect(finished).toEqual([2]);
  });

  it('handles empty input', async () => {
    await expect(runPool([], 3, async () => {})).resolves.toBeUndefined();
  });
});
