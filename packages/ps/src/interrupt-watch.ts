/**
 * What the `--all` runners know of Ctrl-C, a supervisor's SIGTERM or a closed terminal: that it
 * came, so that no further app is started (as Dokku's bash ends on SIGINT), and the command exits
 * as a shell reports the signal (plugin-api's signalExitCode).
 *
 * Listening replaces Node's "die at once" for as long as the runner runs, so the watch keeps
 * that default wherever nobody else handles the signal: when its own listener is the only one,
 * it stops listening and sends the signal to the process again, which then dies of it as it
 * would have. When another listener is there (a scheduler cleaning up an interrupted deploy),
 * that one handles the signal and the watch only takes note; the app's command then ends (its
 * deploy fails as interrupted, or finishes when it was already switching containers in) and the
 * runner stops there.
 */
import { INTERRUPT_SIGNALS } from '@pier/plugin-api';

export interface InterruptWatch {
  /** The first interrupt, once one came. */
  readonly signal: NodeJS.Signals | null;
  stop(): void;
}

export type WatchInterrupts = () => InterruptWatch;

export function watchProcessInterrupts(target: Pick<NodeJS.Process, 'on' | 'off' | 'listenerCount' | 'kill' | 'pid'> = process): WatchInterrupts {
  return () => {
    let signal: NodeJS.Signals | null = null;
    const stop = () => {
      for (const name of INTERRUPT_SIGNALS) target.off(name, handler);
    };
    function handler(received: NodeJS.Signals): void {
      signal ??= received;
      if (target.listenerCount(received) > 1) return;
      stop();
      target.kill(target.pid, received);
    }
    for (const name of INTERRUPT_SIGNALS) target.on(name, handler);
    return {
      get signal() {
        return signal;
      },
      stop,
    };
  };
}
