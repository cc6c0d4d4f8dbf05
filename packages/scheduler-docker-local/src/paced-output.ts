/**
 * Writes engine streams (attach, exec, logs) to the caller's stdout and stderr at the pace those
 * take them. When a target's buffer is full, the sources writing to it are paused until it
 * drains, so a slow reader (`pier logs app | less`) slows the engine down, as with `docker logs`,
 * instead of the output piling up in memory. One drain listener per full target, whatever the
 * number of writes. A target that fails (the reader went away: EPIPE) is reported once.
 */
import type { Readable, Writable } from 'node:stream';

export interface OutputPacer {
  /** Writes `bytes` to `to`; when `to` is full, `from` is paused until it drains. Dropped once output is gone. */
  write(to: Writable, bytes: Buffer | string, from: Readable): void;
  /** True once a target failed. */
  readonly gone: boolean;
  /** Whether some source is paused waiting for a target to drain. */
  readonly waiting: boolean;
  /** Removes every listener; paused sources stay paused (the caller is ending them). */
  dispose(): void;
}

export function createPacer(targets: Writable[], onGone: (error: Error) => void): OutputPacer {
  /** Target → the sources paused until it drains. */
  const blocked = new Map<Writable, Set<Readable>>();
  const drainHandlers = new Map<Writable, () => void>();
  let gone = false;

  const stillBlocked = (source: Readable) => [...blocked.values()].some((sources) => sources.has(source));
  const fail = (error: Error) => {
    if (gone) return;
    gone = true;
    onGone(error);
  };
  for (const target of targets) target.on('error', fail);

  function block(to: Writable, from: Readable): void {
    const sources = blocked.get(to) ?? new Set<Readable>();
    sources.add(from);
    from.pause();
    if (blocked.has(to)) return;
    blocked.set(to, sources);
    const onDrain = () => {
      blocked.delete(to);
      drainHandlers.delete(to);
      for (const source of sources) if (!gone && !stillBlocked(source)) source.resume();
    };
    drainHandlers.set(to, onDrain);
    to.once('drain', onDrain);
  }

  return {
    write(to, bytes, from) {
      if (gone || to.destroyed) return;
      if (!to.write(bytes)) block(to, from);
    },
    get gone() {
      return gone;
    },
    get waiting() {
      return blocked.size > 0;
    },
    dispose() {
      for (const target of targets) target.off('error', fail);
      for (const [target, handler] of drainHandlers) target.off('drain', handler);
      drainHandlers.clear();
      blocked.clear();
    },
  };
}
