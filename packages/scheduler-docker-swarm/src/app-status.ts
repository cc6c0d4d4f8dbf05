/**
 * Read-only views of an app, computed from the swarm (the services' labels and tasks):
 * `scheduler:app-status` and `scheduler:is-deployed`. A dyno is a task slot: `web.2` is the
 * live task of slot 2 of the web service.
 */
import type { AppStatus } from '@pier/plugin-api';
import { appServices, replicasOf, type AppService } from './app-services.js';
import { dynoOf, LABEL_STOPPED } from './naming.js';
import { isLive } from './rollout-judge.js';
import type { Runtime } from './runtime.js';
import type { TaskSummary } from './swarm-port.js';

export interface Dyno {
  dyno: string;
  type: string;
  slot: number;
  task: TaskSummary;
}

/** The live task of each slot (the newest, while a rollout briefly runs two), in slot order. */
export function liveDynos(type: string, tasks: TaskSummary[]): Dyno[] {
  const bySlot = new Map<number, TaskSummary>();
  for (const task of tasks.filter(isLive)) {
    const held = bySlot.get(task.slot);
    if (!held || held.createdAt < task.createdAt) bySlot.set(task.slot, task);
  }
  return [...bySlot.entries()].sort(([a], [b]) => a - b).map(([slot, task]) => ({ dyno: dynoOf(type, slot), type, slot, task }));
}

export async function appDynos(rt: Runtime, services: AppService[]): Promise<Dyno[]> {
  const perService = await Promise.all(services.map(async ({ type, service }) => liveDynos(type, await rt.engine.listTasks(service.id))));
  return perService.flat();
}

/** The replicas a service stopped by ps:stop had (0 for one scaled to zero on purpose). */
const stoppedReplicas = ({ service }: AppService) => (replicasOf(service) === 0 ? Number(service.labels[LABEL_STOPPED] ?? 0) || 0 : 0);

/**
 * A stopped service has no tasks (Swarm deletes those of slots it scaled away); its dynos read
 * `exited`, as docker-local's stopped containers do, with the service's id for an id.
 */
function stoppedDynos(entry: AppService): AppStatus['containers'] {
  return Array.from({ length: stoppedReplicas(entry) }, (_, i) => ({ dyno: dynoOf(entry.type, i + 1), state: 'exited', id: entry.service.id }));
}

/** Type (alphabetical) then slot (numeric): web.2 before web.10. */
function byDyno(a: { dyno: string }, b: { dyno: string }): number {
  const [typeA = '', slotA = '0'] = a.dyno.split('.');
  const [typeB = '', slotB = '0'] = b.dyno.split('.');
  return typeA < typeB ? -1 : typeA > typeB ? 1 : Number(slotA) - Number(slotB);
}

export async function appStatus(rt: Runtime, app: string): Promise<AppStatus> {
  const services = await appServices(rt, app);
  const dynos = await appDynos(rt, services);
  const containers = dynos.map((d) => ({ dyno: d.dyno, state: d.task.state, id: d.task.containerId || d.task.id }));
  for (const entry of services) containers.push(...stoppedDynos(entry));
  containers.sort(byDyno);
  const desired = services.reduce((sum, entry) => sum + replicasOf(entry.service) + stoppedReplicas(entry), 0);
  const running = dynos.filter((d) => d.task.state === 'running').length;
  return {
    processes: containers.length,
    running: running === 0 ? 'false' : running >= desired ? 'true' : 'mixed',
    containers,
  };
}

/** Deployed = the app has services here; one scaled to zero (ps:stop) still is. */
export async function isDeployed(rt: Runtime, app: string): Promise<boolean> {
  return (await appServices(rt, app)).length > 0;
}
