/** An InterruptSource for tests: `interrupt()` fires every current subscriber, no signals involved. */
import type { InterruptSource } from '../interrupts.js';

export interface ManualInterrupts extends InterruptSource {
  interrupt(signal?: NodeJS.Signals): void;
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
