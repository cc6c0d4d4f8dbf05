/**
 * Watches one service until its rollout has converged, failed or run out of time, printing a
 * line when a task of this deploy comes up or fails. Polls the manager (its event stream would
 * also do, but polling survives a manager failover and is trivially bounded).
 */
import { rolloutJudge, taskFailure, type RolloutWatch, type Verdict } from './rollout-judge.js';
import type { Runtime } from './runtime.js';
import { dynoOf, shortId } from './naming.js';

export type RolloutOutcome = { ok: true } | { ok: false; reason: string; rolledBack: boolean };

/**
 * `interrupted` is polled between looks at the service: once it names a signal, the wait ends
 * (and the deploy undoes what it did).
 */
export async function awaitRollout(
  rt: Runtime,
  serviceId: string,
  watch: RolloutWatch,
  timeoutMs: number,
  interrupted: () => NodeJS.Signals | null = () => null,
): Promise<RolloutOutcome> {
  const judge = rolloutJudge(watch);
  const deadline = rt.clock.now() + timeoutMs;
  const announced = new Set<string>();
  let rollingBack = false;
  /** What the last look saw of a task of this deploy that is not running yet, for a timeout's message. */
  let waitingOn = '';

  for (;;) {
    const [service, tasks] = await Promise.all([rt.engine.inspectService(serviceId), rt.engine.listTasks(serviceId)]);
    for (const task of tasks.filter((t) => t.deployId === watch.deployId)) {
      const dyno = dynoOf(watch.type, task.slot);
      const seen = `${task.id} ${task.state}`;
      if (announced.has(seen)) continue;
      if (task.state === 'running') rt.log.verbose(`${dyno} running (task ${shortId(task.id)})`);
      else if (task.state === 'failed' || task.state === 'rejected') rt.log.warn(`${dyno} ${task.state} (task ${shortId(task.id)}): ${taskFailure(task)}`);
      else continue;
      announced.add(seen);
    }
    const stuck = tasks.find((t) => t.deployId === watch.deployId && t.desiredState === 'running' && t.state !== 'running');
    const why = stuck ? stuck.error || stuck.message : '';
    waitingOn = stuck ? `; ${dynoOf(watch.type, stuck.slot)} is ${stuck.state}${why && why !== stuck.state ? ` (${why})` : ''}` : '';
    const verdict: Verdict = judge.observe(service, tasks, rt.clock.now());
    if (verdict.kind === 'converged') return { ok: true };
    if (verdict.kind === 'failed') {
      if (verdict.rolledBack) rt.log.warn(`Swarm rolled ${watch.type} back to the previous release`);
      return { ok: false, reason: verdict.reason, rolledBack: verdict.rolledBack };
    }
    if (verdict.kind === 'rolling-back' && !rollingBack) {
      rollingBack = true;
      rt.log.warn(`Swarm is rolling ${watch.type} back: ${verdict.reason}`);
    }
    const signal = interrupted();
    if (signal !== null) return { ok: false, reason: `interrupted by ${signal}`, rolledBack: false };
    if (rt.clock.now() >= deadline) {
      const what = rollingBack ? 'its rollback did not finish' : 'it did not converge';
      return { ok: false, reason: `${what} within ${Math.round(timeoutMs / 1000)} seconds (deploy-timeout-seconds)${waitingOn}`, rolledBack: false };
    }
    await rt.clock.sleep(rt.pollMs);
  }
}

/**
 * After Pier asked for a rollback (or removed the new replicas), waits until the previous spec
 * runs again: Swarm reports the rollback finished, or nothing of this deploy is live any more.
 * Best effort and bounded: the deploy has failed either way.
 */
export async function awaitRollback(rt: Runtime, serviceId: string, deployId: string, updateStartBefore: string, timeoutMs: number): Promise<boolean> {
  const deadline = rt.clock.now() + timeoutMs;
  for (;;) {
    const [service, tasks] = await Promise.all([rt.engine.inspectService(serviceId), rt.engine.listTasks(serviceId)]);
    const status = service?.updateStatus;
    if (status && status.startedAt !== updateStartBefore && (status.state === 'rollback_completed' || status.state === 'rollback_paused')) {
      return status.state === 'rollback_completed';
    }
    if (!tasks.some((t) => t.deployId === deployId && t.desiredState === 'running') && !(status?.state === 'rollback_started')) return true;
    if (rt.clock.now() >= deadline) return false;
    await rt.clock.sleep(rt.pollMs);
  }
}
