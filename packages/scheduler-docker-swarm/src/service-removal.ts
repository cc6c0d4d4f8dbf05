/**
 * Taking services down and waiting until they are: what ps:stop, apps:destroy and the end of a
 * one-off share. Swarm stops a removed service's tasks in the background; waiting until this
 * node's containers of it are gone makes the command return to a quiet app.
 */
import type { AppService } from './app-services.js';
import type { Runtime } from './runtime.js';

/** Beyond a task's stop grace period, how long the engine may take to let go of it. */
const SETTLE_MS = 30_000;

const graceMs = ({ service }: Pick<AppService, 'service'>) => (service.spec.TaskTemplate?.ContainerSpec?.StopGracePeriod ?? 10e9) / 1e6;

/** Polls until `settled` says so or `timeoutMs` has passed; says which. */
export async function until(rt: Runtime, timeoutMs: number, settled: () => Promise<boolean>): Promise<boolean> {
  const deadline = rt.clock.now() + timeoutMs;
  for (;;) {
    if (await settled()) return true;
    if (rt.clock.now() >= deadline) return false;
    await rt.clock.sleep(rt.pollMs);
  }
}

export const settleMs = (entry: Pick<AppService, 'service'>) => graceMs(entry) + SETTLE_MS;

/** `announce: false` for callers that say what they removed in their own words (run:stop). */
export async function removeServices(rt: Runtime, services: Pick<AppService, 'service'>[], { announce = true } = {}): Promise<void> {
  await Promise.all(
    services.map(async (entry) => {
      const { service } = entry;
      if (announce) rt.log.verbose(`Removing service ${service.name}`);
      await rt.engine.removeService(service.id);
      const label = [`com.docker.swarm.service.id=${service.id}`];
      const gone = await until(rt, settleMs(entry), async () => (await rt.engine.listContainers(label)).length === 0);
      if (!gone) rt.log.warn(`Containers of ${service.name} are still being removed`);
    }),
  );
}
