/**
 * `scheduler:stop` and `scheduler:post-delete`. Swarm has no stopped task to keep: ps:stop
 * scales the services to zero (they keep their spec, so ps:start brings the same release back),
 * and apps:destroy removes them. Both wait until the tasks are down, so the command returns to
 * a quiet app, and a removal waits until this node's containers of it are gone.
 */
import { rm } from 'node:fs/promises';
import type { InputOf, schedulerStop } from '@pier/plugin-api';
import { appServices, replicasOf, type AppService } from './app-services.js';
import { appDataDir } from './failed-logs.js';
import { LABEL_STOPPED } from './naming.js';
import { isLive } from './rollout-judge.js';
import type { Runtime } from './runtime.js';

export type StopInput = InputOf<typeof schedulerStop>;

/** Beyond a task's stop grace period, how long the engine may take to let go of it. */
const SETTLE_MS = 30_000;

const graceMs = ({ service }: AppService) => (service.spec.TaskTemplate?.ContainerSpec?.StopGracePeriod ?? 10e9) / 1e6;

async function until(rt: Runtime, timeoutMs: number, settled: () => Promise<boolean>): Promise<boolean> {
  const deadline = rt.clock.now() + timeoutMs;
  for (;;) {
    if (await settled()) return true;
    if (rt.clock.now() >= deadline) return false;
    await rt.clock.sleep(rt.pollMs);
  }
}

async function scaleToZero(rt: Runtime, entry: AppService): Promise<void> {
  const { service } = entry;
  const replicas = replicasOf(service);
  if (replicas > 0) {
    rt.log.verbose(`Scaling service ${service.name} to 0`);
    const labels = { ...service.spec.Labels, [LABEL_STOPPED]: String(replicas) };
    await rt.engine.updateService(service.id, service.version, { ...service.spec, Labels: labels, Mode: { Replicated: { Replicas: 0 } } });
  }
  const down = await until(rt, graceMs(entry) + SETTLE_MS, async () => !(await rt.engine.listTasks(service.id)).some((t) => isLive(t) || t.state === 'running'));
  if (!down) rt.log.warn(`Tasks of ${service.name} are still running`);
}

export async function removeServices(rt: Runtime, services: AppService[]): Promise<void> {
  await Promise.all(
    services.map(async (entry) => {
      const { service } = entry;
      rt.log.verbose(`Removing service ${service.name}`);
      await rt.engine.removeService(service.id);
      const label = [`com.docker.swarm.service.id=${service.id}`];
      const gone = await until(rt, graceMs(entry) + SETTLE_MS, async () => (await rt.engine.listContainers(label)).length === 0);
      if (!gone) rt.log.warn(`Containers of ${service.name} are still being removed`);
    }),
  );
}

export async function stopApp(rt: Runtime, { app, removeContainers, processType }: StopInput): Promise<void> {
  const services = await appServices(rt, app, processType);
  if (removeContainers) await removeServices(rt, services);
  else await Promise.all(services.map((entry) => scaleToZero(rt, entry)));
}

/** apps:destroy, after stop: whatever service of the app is still there, and its data. */
export async function postDelete(rt: Runtime, app: string): Promise<void> {
  await removeServices(rt, await appServices(rt, app));
  await rm(appDataDir(rt.root, app), { recursive: true, force: true });
}
