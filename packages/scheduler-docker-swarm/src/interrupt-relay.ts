/**
 * Interrupts held for a one-off that must clean up whatever happens: one that comes before the
 * process runs is remembered (the run then stops at its next step and still removes what it
 * made) instead of ending Pier halfway; once the process runs, they are passed on to it.
 */
import type { InterruptSource } from './interrupts.js';

export interface HeldInterrupts {
  /** The first interrupt that came while nothing took them, if any. */
  readonly first: NodeJS.Signals | null;
  /** Interrupts from now on go to `handler`. */
  passTo(handler: (signal: NodeJS.Signals) => void): void;
  release(): void;
}

export function holdInterrupts(source: InterruptSource): HeldInterrupts {
  let first: NodeJS.Signals | null = null;
  let taker: ((signal: NodeJS.Signals) => void) | null = null;
  const release = source((signal) => {
    if (taker) taker(signal);
    else first ??= signal;
  });
  return {
    get first() {
      return first;
    },
    passTo: (handler) => void (taker = handler),
    release,
  };
}
