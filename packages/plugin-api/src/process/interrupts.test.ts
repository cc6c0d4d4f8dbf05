import { describe, expect, it } from '@jest/globals';
import { INTERRUPT_SIGNALS, processInterrupts } from './interrupts.js';

describe('processInterrupts', () => {
  it('listens to the interrupt signals only while subscribed', () => {
    const before = INTERRUPT_SIGNALS.map((signal) => process.listenerCount(signal));
    const received: string[] = [];
    const unsubscribe = processInterrupts((signal) => received.push(signal));
    expect(INTERRUPT_SIGNALS.map((signal) => process.listenerCount(signal))).toEqual(before.map((n) => n + 1));
    process.emit('SIGHUP', 'SIGHUP');
    unsubscribe();
    expect(received).toEqual(['SIGHUP']);
    expect(INTERRUPT_SIGNALS.map((signal) => process.listenerCount(signal))).toEqual(before);
  });
});
