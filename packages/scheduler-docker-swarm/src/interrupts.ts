/**
 * The user's interrupt while a command streams (Ctrl-C, a supervisor's SIGTERM, a closed
 * terminal's SIGHUP, a SIGQUIT): `logs --tail` ends cleanly on it, a deploy rolls back, and an
 * attached `run` passes it on to its container, so a one-off never outlives the `pier run` that
 * started it. Injectable, so tests interrupt without signals and an embedding program can wire its
 * own cancellation.
 */
export type InterruptSource = (onInterrupt: (signal: NodeJS.Signals) => void) => () => void;

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'];

/** Listens only while subscribed: a listener replaces Node's default "exit at once". */
export const processInterrupts: InterruptSource = (onInterrupt) => {
  for (const signal of SIGNALS) process.on(signal, onInterrupt);
  return () => {
    for (const signal of SIGNALS) process.off(signal, onInterrupt);
  };
};
