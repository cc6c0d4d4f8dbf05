/**
 * Undoing a deploy that did not finish, so the previous containers keep serving untouched.
 *
 * - failed (a dyno failed its checks, a type could not start): every container this deploy
 *   started is removed; the failed ones stay, stopped, for logs:failed until ps:retire.
 * - interrupted (Ctrl-C, SIGTERM): Dokku's trap, for every container this deploy started that is
 *   not already recorded: record it for logs:failed and for retirement, then stop it (kill if
 *   that fails). They stay, stopped, until ps:retire or the next deploy removes them. Stopping
 *   waits up to the stop timeout for a process that ignores SIGTERM; another Ctrl-C kills them
 *   at once instead.
 *
 * Either way old containers stopped up front (checks disabled) are started again. Best effort:
 * the error that ends the deploy is what matters.
 */
import { unixSeconds } from './clock.js';
import { failedStopTimeout, haltContainer } from './halt-container.js';
import { shortId } from './naming.js';
import { registerRetired } from './retire.js';
import type { DeploySession, Runtime } from './runtime.js';
import { appendFailedContainer } from './state-files.js';

async function restartStoppedEarly(rt: Runtime, session: DeploySession): Promise<void> {
  for (const { container, restartPolicy } of session.stoppedEarly) {
    rt.log.verbose(`Starting old container ${container.name} (${shortId(container.id)}) again`);
    await rt.docker.updateRestartPolicy(container.id, restartPolicy).catch(() => {});
    await rt.docker.startContainer(container.id).catch(() => {});
  }
}

export async function undoFailedDeploy(rt: Runtime, session: DeploySession): Promise<void> {
  for (const created of session.created) {
    if (session.failed.has(created.id)) continue;
    rt.log.verboseQuiet(`Removing container ${created.name} (${shortId(created.id)}) of the failed deploy`);
    await rt.docker.removeContainer(created.id).catch(() => {});
  }
  await restartStoppedEarly(rt, session);
}

export async function undoInterruptedDeploy(rt: Runtime, session: DeploySession): Promise<void> {
  const { app, release } = session;
  const pending = session.created.filter((c) => !session.failed.has(c.id));
  // Recorded before they are stopped: a second, harder kill of Pier still leaves them findable.
  for (const created of pending) await appendFailedContainer(rt.root, app, { id: created.id, dyno: created.dyno }).catch(() => {});
  const retireAt = unixSeconds(rt.clock) + release.waitToRetireSeconds;
  await registerRetired(rt.root, pending.map((c) => ({ app, id: c.id, at: retireAt }))).catch(() => {});
  let killing = false;
  session.guard.onRepeat((signal) => {
    if (killing) return;
    killing = true;
    rt.log.warn(`${signal} received again: killing the containers of the interrupted deploy`);
    // A killed container ends the pending stops below at once.
    for (const created of pending) void rt.docker.killContainer(created.id).catch(() => {});
  });
  await Promise.all(
    pending.map(async (created) => {
      rt.log.verbose(`Stopping container ${created.name} (${shortId(created.id)}) of the interrupted deploy`);
      await haltContainer(rt.docker, created.id, failedStopTimeout(release.stopTimeoutSeconds));
    }),
  );
  await restartStoppedEarly(rt, session);
}
