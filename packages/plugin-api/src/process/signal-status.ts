/**
 * A signal as a shell reports it: a process that died of signal N exits 128 + N. Pier's
 * interrupted commands and signalled one-offs exit the same way, so scripts around `pier` read
 * the status as they would `docker run`'s or bash's.
 */
import { constants } from 'node:os';

/** The shell's status for a signal: 130 for SIGINT, 143 for SIGTERM. */
export const signalExitCode = (signal: NodeJS.Signals): number => 128 + (constants.signals[signal] ?? 0);

/** The signal behind a shell status (SIGINT when it names none). */
export function signalOfExitCode(exitCode: number | undefined): NodeJS.Signals {
  const found = Object.entries(constants.signals).find(([, number]) => 128 + number === exitCode);
  return (found?.[0] as NodeJS.Signals | undefined) ?? 'SIGINT';
}
