import type { Clock } from '@pier/plugin-api';

/**
 * A clock whose sleep moves time on at once: rollout waits cost nothing in unit tests. Like a
 * real sleep it lets other work run first (a poll loop must not starve streams and timers).
 */
export class FakeClock implements Clock {
  private at = Date.UTC(2026, 0, 1);
  now(): number {
    return this.at;
  }
  async sleep(ms: number): Promise<void> {
    this.at += Math.max(0, ms);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

export const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '000000Z');
