/**
 * The user's interrupt while a command streams (Ctrl-C, a supervisor's SIGTERM, a closed
 * terminal's or SSH session's SIGHUP, a SIGQUIT): `logs --tail` ends cleanly on it, a deploy rolls
 * back, and an attached `run` passes it on to its container (as `docker run`'s sig-proxy does), so
 * a one-off never outlives the session that started it. Shared by every scheduler; injectable, so
 * tests interrupt without signals and an embedding program can wire its own cancellation.
 */
export type InterruptSource = (onInterrupt: (signal: NodeJS.Signals) => void) => () => void;

/** The signals a command treats as an interrupt; Node's default for each is to die at once. */
export const INTERRUPT_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'];

/**
 * Listens to the process's interrupt signals only while subscribed: a listener replaces Node's
 * default "exit at once", so the handler must be gone again before the command returns. Each
 * subscription has its own listener, so one handler subscribed twice is also released twice.
 */
export const processInterrupts: InterruptSource = (onInterrupt) => {
  const handler = (signal: NodeJS.Signals) => onInterrupt(signal);
  for (const signal of INTERRUPT_SIGNALS) process.on(signal, handler);
  return () => {
    for (const signal of INTERRUPT_SIGNALS) process.off(signal, handler);
  };
};
