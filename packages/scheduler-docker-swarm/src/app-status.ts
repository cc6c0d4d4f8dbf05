/**
 * Read-only views of an app, computed from the swarm (the services' labels and tasks):
 * `scheduler:app-status` and `scheduler:is-deployed`. A dyno is a task slot: `web.2` is the
 * live task of slot 2 of the web service.
 */
import type { AppStatus } from '@pier/plugin-api';
import { appServices, replicasOf, type AppService } from './app-services.js';
import { dynoOf } from './naming.js';
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

export async function appStatus(rt: Runtime, app: string): Promise<AppStatus> {
  const services = await appServices(rt, app);
  const dynos = await appDynos(rt, services);
  const desired = services.reduce((sum, { service }) => sum + replicasOf(service), 0);
  const running = dynos.filter((d) => d.task.state === 'running').length;
  return {
    processes: dynos.length,
    running: running === 0 ? 'false' : running >= desired ? 'true' : 'mixed',
    containers: dynos.map((d) => ({ dyno: d.dyno, state: d.task.state, id: d.task.containerId || d.task.id })),
  };
}

/** Deployed = the app has services here; one scaled to zero (ps:stop) still is. */
export async function isDeployed(rt: Runtime, app: string): Promise<boolean> {
  return (await appServices(rt, app)).length > 0;
}
