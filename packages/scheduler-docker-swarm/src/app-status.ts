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

export async function appStatus(rt: Runtime, app: string): Promise<AppStatus> {
  const services = await appServices(rt, app);
  const dynos = await appDynos(rt, services);
  const containers = dynos.map((d) => ({ dyno: d.dyno, state: d.task.state, id: d.task.containerId || d.task.id }));
  // A stopped service has no tasks; its dynos read `exited`, as docker-local's stopped containers do.
  for (const entry of services) {
    for (let slot = 1; slot <= stoppedReplicas(entry); slot++) containers.push({ dyno: dynoOf(entry.type, slot), state: 'exited', id: entry.service.id });
  }
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
