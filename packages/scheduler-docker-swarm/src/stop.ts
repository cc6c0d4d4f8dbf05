/**
 * `scheduler:stop` and `scheduler:post-delete`. Swarm has no stopped task to keep: ps:stop
 * scales the services to zero (they keep their spec, so ps:start brings the same release back),
 * and apps:destroy removes them. Both wait until the tasks are down, so the command returns to
 * a quiet app, and a removal waits until this node's containers of it are gone (service-removal.ts).
 */
import { rm } from 'node:fs/promises';
import type { InputOf, schedulerStop } from '@pier/plugin-api';
import { appServices, replicasOf, type AppService } from './app-services.js';
import { appDataDir } from './failed-logs.js';
import { LABEL_STOPPED } from './naming.js';
import { endOneOff, isActive, listOneOffs } from './one-offs.js';
import { sweepProbeContainers } from './probe-container.js';
import { isLive } from './rollout-judge.js';
import type { Runtime } from './runtime.js';
import { removeServices, settleMs, until } from './service-removal.js';

export type StopInput = InputOf<typeof schedulerStop>;

async function scaleToZero(rt: Runtime, entry: AppService): Promise<void> {
  const { service } = entry;
  const replicas = replicasOf(service);
  if (replicas > 0) {
    rt.log.verbose(`Scaling service ${service.name} to 0`);
    const labels = { ...service.spec.Labels, [LABEL_STOPPED]: String(replicas) };
    await rt.engine.updateService(service.id, service.version, { ...service.spec, Labels: labels, Mode: { Replicated: { Replicas: 0 } } });
  }
  const down = await until(rt, settleMs(entry), async () => !(await rt.engine.listTasks(service.id)).some((t) => isLive(t) || t.state === 'running'));
  if (!down) rt.log.warn(`Tasks of ${service.name} are still running`);
}

/**
 * As Dokku's ps:stop, every process of the app stops, one-offs included (a one-off has nothing
 * to keep: it ends); a process type names deployed processes only. apps:destroy (removeContainers)
 * also removes one-off services that have finished.
 */
export async function stopApp(rt: Runtime, { app, removeContainers, processType }: StopInput): Promise<void> {
  const services = await appServices(rt, app, processType);
  const oneOffs = processType === undefined ? (await listOneOffs(rt, app)).filter((oneOff) => removeContainers || isActive(oneOff)) : [];
  await Promise.all([
    removeContainers ? removeServices(rt, services) : Promise.all(services.map((entry) => scaleToZero(rt, entry))),
    ...oneOffs.map((oneOff) => endOneOff(rt, oneOff)),
  ]);
}

/** apps:destroy, after stop: whatever service, one-off or probe container of the app is still there, and its data. */
export async function postDelete(rt: Runtime, app: string): Promise<void> {
  await Promise.all([
    removeServices(rt, await appServices(rt, app)),
    ...(await listOneOffs(rt, app)).map((oneOff) => endOneOff(rt, oneOff)),
    sweepProbeContainers(rt, app, null),
  ]);
  await rm(appDataDir(rt.root, app), { recursive: true, force: true });
}
