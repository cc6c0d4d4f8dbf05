/**
 * An InterruptSource a test fires by hand: `interrupt()` calls every current subscriber, no
 * process signals involved, and `subscribers` shows whether a command has let go of them again.
 * Shared by every scheduler's tests that pass `interrupts` to their plugin.
 */
import type { InterruptSource } from '@pier/plugin-api';

export interface ManualInterrupts extends InterruptSource {
  interrupt(signal?: NodeJS.Signals): void;
  /** Handlers subscribed now: 0 once a command has let go of them. */
  readonly subscribers: number;
}

export function manualInterrupts(): ManualInterrupts {
  const handlers = new Set<(signal: NodeJS.Signals) => void>();
  const source: InterruptSource = (onInterrupt) => {
    handlers.add(onInterrupt);
    return () => void handlers.delete(onInterrupt);
  };
  return Object.defineProperties(source, {
    interrupt: { value: (signal: NodeJS.Signals = 'SIGINT') => [...handlers].forEach((handler) => handler(signal)) },
    subscribers: { get: () => handlers.size },
  }) as ManualInterrupts;
}
