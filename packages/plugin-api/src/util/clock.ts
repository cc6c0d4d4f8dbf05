/**
 * Time, injectable: a scheduler's checks, rollouts and retirement sleep and read the time through
 * it, so their unit tests drive a fake clock instead of waiting for real seconds.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};
