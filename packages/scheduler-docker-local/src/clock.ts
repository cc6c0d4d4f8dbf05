/** Time, injectable so unit tests of checks and retirement do not wait for real seconds. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

export const unixSeconds = (clock: Clock) => Math.floor(clock.now() / 1000);
