import { describe, expect, it } from '@jest/globals';
import { interruptRelay } from './interrupt-relay.js';
import type { InterruptSource } from './interrupts.js';

function source() {
  const handlers = new Set<(signal: NodeJS.Signals) => void>();
  const subscribe: InterruptSource = (handler) => {
    handlers.add(handler);
    return () => void handlers.delete(handler);
  };
  return { subscribe, fire: (signal: NodeJS.Signals) => [...handlers].forEach((handler) => handler(signal)), count: () => handlers.size };
}

describe('interruptRelay', () => {
  it('holds the first interrupt until a handler is set, then forwards', () => {
    const { subscribe, fire, count } = source();
    const relay = interruptRelay(subscribe);
    fire('SIGTERM');
    fire('SIGINT');
    expect(relay.pending).toBe('SIGTERM');
    const forwarded: string[] = [];
    relay.forwardTo((signal) => forwarded.push(signal));
    fire('SIGHUP');
    expect(forwarded).toEqual(['SIGHUP']);
    relay.unsubscribe();
    expect(count()).toBe(0);
  });
});
