/**
 * One process type of a deploy (Dokku's `scheduler-deploy-process`, §4.3 step 5): optionally stop
 * the old containers first (checks disabled), start instances 1..count `maxParallel` at a time,
 * and note the orphans of a scale-down. Replacing and retiring happens later, in finalize, once
 * every type has passed (and so do the "Scheduling ... shutdown" lines, which would otherwise
 * announce a shutdown that a later failing type calls off).
 */
import type { ProcessSpec } from '@pier/plugin-api';
import { deployDyno } from './deploy-container.js';
import type { RestartPolicy } from './docker-port.js';
import { runPool } from './pool.js';
import type { DeploySession, Runtime } from './runtime.js';

function restartPolicyOf(raw: Record<string, unknown>): RestartPolicy {
  const hostConfig = raw.HostConfig as { RestartPolicy?: RestartPolicy } | undefined;
  return hostConfig?.RestartPolicy ?? { Name: 'no' };
}

async function stopBeforeDeploy(rt: Runtime, session: DeploySession, type: string): Promise<void> {
  rt.log.verbose(`Zero downtime is disabled, stopping currently running containers  (${type})`);
  for (const container of session.live.values()) {
    if (container.type !== type || container.state !== 'running') continue;
    session.guard.check();
    rt.log.verbose(`Stopping ${container.id} (${type})`);
    const details = await rt.docker.inspectContainer(container.id);
    if (!details) continue;
    // Remembered so a failed deploy can bring the old container back as it was.
    session.stoppedEarly.push({ container, restartPolicy: restartPolicyOf(details.raw) });
    await rt.docker.updateRestartPolicy(container.id, { Name: 'no' });
    await rt.docker.stopContainer(container.id, session.release.stopTimeoutSeconds);
  }
}

export async function deployProcessType(rt: Runtime, session: DeploySession, spec: ProcessSpec): Promise<void> {
  session.guard.check();
  rt.log.info1(`Deploying ${spec.type} (count=${spec.quantity})`);
  if (spec.checks === 'disabled') await stopBeforeDeploy(rt, session, spec.type);

  const indexes = Array.from({ length: spec.quantity }, (_, i) => i + 1);
  await runPool(indexes, spec.maxParallel, (index) => deployDyno(rt, session, spec, index));

  session.orphans.push(...[...session.live.values()].filter((c) => c.type === spec.type && c.index > spec.quantity));
}
