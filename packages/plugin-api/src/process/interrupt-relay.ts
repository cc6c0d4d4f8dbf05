/**
 * Interrupts held for a command that must clean up whatever happens (a one-off that removes what
 * it made): one that comes before the process runs is remembered (the command then stops at its
 * next step and still cleans up) instead of ending Pier halfway; once the process runs,
 * interrupts are passed on to it.
 */
import type { InterruptSource } from './interrupts.js';

export interface InterruptRelay {
  /** The first interrupt that came before a handler was set, if any. */
  readonly pending: NodeJS.Signals | null;
  /** From now on interrupts go to `handler`. */
  forwardTo(handler: (signal: NodeJS.Signals) => void): void;
  unsubscribe(): void;
}

export function interruptRelay(source: InterruptSource): InterruptRelay {
  let handler: ((signal: NodeJS.Signals) => void) | null = null;
  let pending: NodeJS.Signals | null = null;
  const unsubscribe = source((signal) => (handler ? handler(signal) : (pending ??= signal)));
  return {
    get pending() {
      return pending;
    },
    forwardTo(next) {
      handler = next;
    },
    unsubscribe,
  };
}
