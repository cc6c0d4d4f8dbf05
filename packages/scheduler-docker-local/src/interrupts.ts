/**
 * The user's interrupt (Ctrl-C, or a SIGTERM from a supervisor) while a command streams: `logs
 * --tail` ends cleanly on it, an attached `run` forwards it to its container (as `docker run`'s
 * sig-proxy does). Injectable, so tests interrupt without signals and an embedding program can
 * wire its own cancellation instead of process signals.
 */
export type InterruptSource = (onInterrupt: (signal: NodeJS.Signals) => void) => () => void;

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

/**
 * Listens to the process's SIGINT and SIGTERM only while subscribed: a listener replaces Node's
 * default "exit at once", so the handler must be gone again before the command returns.
 */
export const processInterrupts: InterruptSource = (onInterrupt) => {
  const handler = (signal: NodeJS.Signals) => onInterrupt(signal);
  for (const signal of SIGNALS) process.on(signal, handler);
  return () => {
    for (const signal of SIGNALS) process.off(signal, handler);
  };
};
