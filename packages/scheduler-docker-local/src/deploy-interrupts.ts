/**
 * Ctrl-C, or a SIGTERM from a supervisor, during a deploy (Dokku's per-container trap, §4.3.1:
 * "checks failed or interrupted"). Without a handler Node would die on the spot and leave the
 * upcoming containers running, unrecorded. With this guard the interrupt instead makes the deploy
 * stop at the next step: pending waits (checks sleeping, probes) end at once, the containers it
 * started are stopped and recorded for logs:failed and retirement, the old ones keep serving, and
 * the command exits as a shell reports the signal (130, 143).
 *
 * Once the new containers are being swapped in, stopping halfway would leave the app split
 * between two releases, so from then on (`hold()`) an interrupt only says the deploy is finishing.
 *
 * A further interrupt while the interrupted deploy cleans up goes to `onRepeat`: the clean-up
 * then kills what it was stopping gracefully, as `pier run` does on a second Ctrl-C.
 */
import { ErrorCodes, PierError, signalExitCode, type InterruptSource } from '@pier/plugin-api';
import type { Clock } from '@pier/plugin-api';
import type { Probes } from './probes.js';

/** What a guarded step throws once the deploy was interrupted. */
export class DeployInterrupted extends Error {
  override name = 'DeployInterrupted';
  constructor(readonly signal: NodeJS.Signals) {
    super(`interrupted by ${signal}`);
  }
}

export interface DeployGuard {
  /** The first interrupt, once one came. */
  readonly signal: NodeJS.Signals | null;
  /** Throws DeployInterrupted once an interrupt came (before hold()). */
  check(): void;
  /** `work`, unless an interrupt comes first: then DeployInterrupted. */
  race<T>(work: Promise<T>): Promise<T>;
  /** The point of no return: later interrupts only call `onHeld`. */
  hold(): void;
  /** Where interrupts after the first one go (before hold()); one that came earlier is handed over at once. */
  onRepeat(handler: (signal: NodeJS.Signals) => void): void;
  unsubscribe(): void;
}

export function guardDeploy(source: InterruptSource, onHeld: (signal: NodeJS.Signals) => void): DeployGuard {
  let signal: NodeJS.Signals | null = null;
  let held = false;
  let repeat: ((signal: NodeJS.Signals) => void) | null = null;
  let repeated: NodeJS.Signals | null = null;
  let abort: (error: DeployInterrupted) => void = () => {};
  const aborted = new Promise<never>((_, reject) => (abort = reject));
  // Nobody may be waiting when it fires; the steps that are see it through race().
  aborted.catch(() => {});
  const unsubscribe = source((received) => {
    if (held) return onHeld(received);
    if (signal !== null) return repeat ? repeat(received) : void (repeated ??= received);
    signal = received;
    abort(new DeployInterrupted(received));
  });
  return {
    get signal() {
      return signal;
    },
    check() {
      if (signal !== null && !held) throw new DeployInterrupted(signal);
    },
    race: (work) => (held ? work : Promise.race([work, aborted])),
    hold() {
      held = true;
    },
    onRepeat(handler) {
      repeat = handler;
      if (repeated !== null) handler(repeated);
    },
    unsubscribe,
  };
}

/** The deploy's clock: sleeping (checks' waits) ends with DeployInterrupted on an interrupt. */
export function guardedClock(clock: Clock, guard: DeployGuard): Clock {
  return { now: () => clock.now(), sleep: (ms) => guard.race(clock.sleep(ms)) };
}

/** The deploy's probes: an HTTP or TCP check in flight does not make Ctrl-C wait for its timeout. */
export function guardedProbes(probes: Probes, guard: DeployGuard): Probes {
  return {
    http: (url, timeoutMs) => guard.race(probes.http(url, timeoutMs)),
    tcp: (host, port, timeoutMs) => guard.race(probes.tcp(host, port, timeoutMs)),
  };
}

/** What became of an interrupted deploy, by default once it had started containers. */
export const STOPPED_NEW_CONTAINERS = 'the new containers were stopped (see logs:failed); the previous ones keep running';

/** What the command ends with: the shell's status for the signal, and what became of the deploy. */
export function interruptedError(signal: NodeJS.Signals, outcome = STOPPED_NEW_CONTAINERS): PierError {
  return new PierError(ErrorCodes.INTERRUPTED, `Deploy interrupted by ${signal}: ${outcome}`, { exitCode: signalExitCode(signal) });
}
