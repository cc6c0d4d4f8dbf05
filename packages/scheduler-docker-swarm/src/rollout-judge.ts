/**
 * Pure: has a service's rollout converged, failed, or is it still going? Called with what the
 * manager says on every poll (the service with its UpdateStatus, and its tasks).
 *
 * Two kinds of rollout, because Swarm only reports a rolling update when there were tasks to
 * replace:
 * - a rolling update (the service had tasks running): Swarm's own verdict counts. A fresh
 *   UpdateStatus (its StartedAt differs from the one before this deploy) ends in `completed`
 *   (the Monitor period passed without failures), or in a rollback or a pause.
 * - a created service, or one scaled up from zero: there is no UpdateStatus, so Pier watches the
 *   tasks itself: every replica of this deploy running and still so after the monitor period is
 *   success; a task of this deploy that fails is failure at once.
 */
import type { ServiceSummary, TaskSummary } from './swarm-port.js';

export interface RolloutWatch {
  type: string;
  deployId: string;
  replicas: number;
  /** Whether Swarm rolls tasks (the service had running replicas before this deploy). */
  rolling: boolean;
  /** UpdateStatus.StartedAt before this deploy's change ('' when the service had none). */
  previousUpdateStart: string;
  monitorMs: number;
}

export type Verdict =
  | { kind: 'waiting' }
  | { kind: 'converged' }
  | { kind: 'rolling-back'; reason: string }
  /** rolledBack: Swarm put the previous spec back itself. */
  | { kind: 'failed'; reason: string; rolledBack: boolean };

/** A task of a long-running process that ended on its own: it failed (exiting 0 included). */
export const FAILED_STATES = new Set(['failed', 'rejected', 'complete', 'orphaned']);

export const isLive = (task: TaskSummary) => task.desiredState === 'running';

/** Why a task is not running, in the engine's words (a task that completed simply exited). */
export function taskFailure(task: TaskSummary): string {
  if (task.state === 'complete') return 'the process exited with status 0';
  return task.error || task.message || task.state;
}

export interface RolloutJudge {
  observe(service: ServiceSummary | null, tasks: TaskSummary[], now: number): Verdict;
}

export function rolloutJudge(watch: RolloutWatch): RolloutJudge {
  /** The running tasks of this deploy and since when they have been all there, unchanged. */
  let steady: { key: string; since: number } | null = null;
  /** The first failure seen (Swarm's rollback message names a task id, not why it failed). */
  let firstFailure: string | null = null;

  return {
    observe(service, tasks, now) {
      if (!service) return { kind: 'failed', reason: 'the service was removed', rolledBack: false };
      const ours = tasks.filter((t) => t.deployId === watch.deployId);
      const failed = ours.find((t) => FAILED_STATES.has(t.state));
      if (failed && firstFailure === null) firstFailure = `${watch.type}.${failed.slot} failed (${taskFailure(failed)})`;
      const running = ours.filter((t) => isLive(t) && t.state === 'running');
      const others = tasks.filter((t) => t.deployId !== watch.deployId && isLive(t));
      const done = running.length >= watch.replicas && others.length === 0;

      const status = service.updateStatus;
      if (status && status.startedAt !== watch.previousUpdateStart) {
        const reason = firstFailure ?? status.message;
        switch (status.state) {
          case 'completed':
            return done ? { kind: 'converged' } : { kind: 'waiting' };
          case 'rollback_started':
            return { kind: 'rolling-back', reason };
          case 'rollback_completed':
            return { kind: 'failed', reason, rolledBack: true };
          case 'rollback_paused':
            return { kind: 'failed', reason: `${reason}; the rollback paused (${status.message})`, rolledBack: false };
          case 'paused':
            return { kind: 'failed', reason: `${reason}; the update paused (${status.message})`, rolledBack: false };
          default:
            return { kind: 'waiting' };
        }
      }
      // A rolling update reports its own verdict; until it does, a failed task is Swarm's to handle.
      if (watch.rolling) return { kind: 'waiting' };
      if (firstFailure !== null) return { kind: 'failed', reason: firstFailure, rolledBack: false };
      if (!done) {
        steady = null;
        return { kind: 'waiting' };
      }
      const key = running
        .map((t) => t.id)
        .sort()
        .join(',');
      if (steady?.key !== key) steady = { key, since: now };
      return now - steady.since >= watch.monitorMs ? { kind: 'converged' } : { kind: 'waiting' };
    },
  };
}
