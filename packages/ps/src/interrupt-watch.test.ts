import { describe, expect, it } from '@jest/globals';
import { EventEmitter } from 'node:events';
import { watchProcessInterrupts } from './interrupt-watch.js';

/** A stand-in for `process`: signals are emitted by the test, kill is recorded. */
function fakeProcess() {
  const emitter = new EventEmitter();
  const killed: string[] = [];
  const target = Object.assign(emitter, { pid: 4242, kill: (pid: number, signal: string) => void killed.push(`${pid} ${signal}`) });
  return { target: target as unknown as Parameters<typeof watchProcessInterrupts>[0] & EventEmitter, killed };
}

describe('the --all runners’ interrupt watch', () => {
  it('only takes note when someone else handles the signal (a deploy cleaning up)', () => {
    const { target, killed } = fakeProcess();
    const watch = watchProcessInterrupts(target)();
    target.on('SIGINT', () => undefined);

    target.emit('SIGINT', 'SIGINT');
    target.emit('SIGTERM', 'SIGTERM');

    expect(watch.signal).toBe('SIGINT');
    expect(killed).toEqual(['4242 SIGTERM']);
  });

  it('keeps Node’s default where nobody else listens: it stops listening and the process dies of the signal', () => {
    const { target, killed } = fakeProcess();
    const watch = watchProcessInterrupts(target)();

    target.emit('SIGHUP', 'SIGHUP');

    expect(watch.signal).toBe('SIGHUP');
    expect(killed).toEqual(['4242 SIGHUP']);
    expect(['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'].map((s) => target.listenerCount(s))).toEqual([0, 0, 0, 0]);
  });

  it('stop() removes its listeners', () => {
    const { target } = fakeProcess();
    watchProcessInterrupts(target)().stop();
    expect(target.listenerCount('SIGINT')).toBe(0);
  });
});
