/**
 * The user's interrupt while a command streams: Ctrl-C, a SIGTERM from a supervisor, a SIGHUP
 * from a closed terminal or SSH session, a SIGQUIT. `logs --tail` ends cleanly on it, an
 * attached `run` forwards it to its container (as `docker run`'s sig-proxy does), so a one-off
 * process ends with the session that started it. Injectable, so tests interrupt without signals
 * and an embedding program can wire its own cancellation instead of process signals.
 */
export type InterruptSource = (onInterrupt: (signal: NodeJS.Signals) => void) => () => void;

/** Node's default for each of these is to die at once, leaving a running container behind. */
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'];

/**
 * Listens to the process's SIGINT, SIGTERM, SIGHUP and SIGQUIT only while subscribed: a listener
 * replaces Node's default "exit at once", so the handler must be gone again before the command
 * returns.
 */
export const processInterrupts: InterruptSource = (onInterrupt) => {
  const handler = (signal: NodeJS.Signals) => onInterrupt(signal);
  for (const signal of SIGNALS) process.on(signal, handler);
  return () => {
    for (const signal of SIGNALS) process.off(signal, handler);
  };
};

export interface InterruptRelay {
  /** The first interrupt that came before a handler was set, if any. */
  readonly pending: NodeJS.Signals | null;
  /** From now on interrupts go to `handler`. */
  forwardTo(handler: (signal: NodeJS.Signals) => void): void;
  unsubscribe(): void;
}

/**
 * Holds interrupts for a command that must clean up whatever happens: an interrupt before the
 * process runs is remembered (the command then stops at the next step and still removes its
 * container) rather than killing Pier halfway; once the process runs, interrupts go to it.
 */
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
