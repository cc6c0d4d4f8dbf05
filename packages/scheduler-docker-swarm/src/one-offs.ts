/**
 * The one-off processes of this state root that exist, both kinds (run-naming.ts): a detached
 * run's service, read through its task, and an attached run's container on the manager's
 * engine. run:list, run:logs, run:stop and run:retire see them the same way: a name, a state
 * in Docker's container terms, a creation time and a time to live.
 */
import { LABEL_APP, LABEL_DEADLINE } from '@pier/plugin-api';
import type { ContainerSummary } from './container-port.js';
import { LABEL_RUN_NAME, oneOffLabels } from './run-naming.js';
import type { Runtime } from './runtime.js';
import { removeServices } from './service-removal.js';
import type { ServiceSummary, TaskSummary } from './swarm-port.js';

export interface OneOff {
  kind: 'service' | 'container';
  /** The service's or the container's id. */
  id: string;
  /** `<app>.run.<n>`. */
  name: string;
  app: string;
  /** Docker's container states: `created` (a task not yet running), `running`, `exited`, … */
  state: string;
  /** Milliseconds since the epoch, the engine's clock. */
  createdAt: number;
  command: string;
  /** `--ttl-seconds`; null for a label that is not a whole number. */
  ttlSeconds: number | null;
  /** The one-off service (not for containers). */
  service?: ServiceSummary;
  tty: boolean;
}

/** What Swarm puts on its task containers. */
const SWARM_SERVICE_LABEL = 'com.docker.swarm.service.id';

/** Task states from which a task never runs again. */
const FINISHED = new Set(['complete', 'failed', 'shutdown', 'rejected', 'orphaned', 'remove']);

function stateOfTask(task: TaskSummary | undefined): string {
  if (task?.state === 'running') return 'running';
  return task !== undefined && FINISHED.has(task.state) ? 'exited' : 'created';
}

const ttlOf = (labels: Record<string, string>) => (/^[0-9]+$/.test(labels[LABEL_DEADLINE] ?? '') ? Number(labels[LABEL_DEADLINE]) : null);

/** A one-off service has one task; should Swarm have made another (a node lost), the newest tells. */
const newest = (tasks: TaskSummary[]) => [...tasks].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))[0];

function fromService(service: ServiceSummary, task: TaskSummary | undefined): OneOff {
  const container = service.spec.TaskTemplate.ContainerSpec;
  return {
    kind: 'service',
    id: service.id,
    name: service.labels[LABEL_RUN_NAME] ?? service.name,
    app: service.labels[LABEL_APP] ?? '',
    state: stateOfTask(task),
    createdAt: Date.parse(service.createdAt) || 0,
    command: (container.Args ?? []).join(' '),
    ttlSeconds: ttlOf(service.labels),
    service,
    tty: container.TTY === true,
  };
}

const fromContainer = (c: ContainerSummary): OneOff => ({
  kind: 'container',
  id: c.id,
  name: c.labels[LABEL_RUN_NAME] ?? c.name,
  app: c.labels[LABEL_APP] ?? '',
  state: c.state,
  createdAt: c.created * 1000,
  command: c.command,
  ttlSeconds: ttlOf(c.labels),
  tty: false,
});

/** Whether a one-off service's task has finished, or the service is gone (run:stop, run:retire). */
export async function oneOffServiceDone(rt: Runtime, serviceId: string): Promise<boolean> {
  const tasks = await rt.engine.listTasks(serviceId);
  if (tasks.length === 0) return (await rt.engine.inspectService(serviceId)) === null;
  return stateOfTask(newest(tasks)) === 'exited';
}

/** Of one app, or of every app of this root. */
export async function listOneOffs(rt: Runtime, app?: string): Promise<OneOff[]> {
  const labels = oneOffLabels(rt.root, app);
  const [services, containers] = await Promise.all([rt.engine.listServices(labels), rt.engine.listContainers(labels)]);
  const fromServices = await Promise.all(services.map(async (service) => fromService(service, newest(await rt.engine.listTasks(service.id)))));
  // A one-off service's task container carries its labels too: it is that service's, not a run of its own.
  const attached = containers.filter((c) => !(SWARM_SERVICE_LABEL in c.labels));
  return [...fromServices, ...attached.map(fromContainer)];
}

/**
 * Still to be stopped: a running container, or a one-off task that has not finished (one still
 * waiting for a node would start later).
 */
export const isActive = (oneOff: OneOff) => oneOff.state === 'running' || (oneOff.kind === 'service' && oneOff.state === 'created');

/** Created more than its time to live ago, in whole seconds as Dokku compares them. */
export const isPastDeadline = (oneOff: OneOff, nowMs: number) =>
  oneOff.ttlSeconds !== null && Math.floor(oneOff.createdAt / 1000) + oneOff.ttlSeconds < Math.floor(nowMs / 1000);

/**
 * Stops and removes it: a service is removed (Swarm stops its task with the grace period it was
 * given, and this waits until this node's container is gone); a container is stopped with its
 * own stop timeout (killed when that fails) and removed.
 */
export async function endOneOff(rt: Runtime, oneOff: OneOff): Promise<void> {
  if (oneOff.service) return removeServices(rt, [{ service: oneOff.service }], { announce: false });
  await rt.engine.stopContainer(oneOff.id).catch(() => rt.engine.killContainer(oneOff.id, 'SIGKILL'));
  await rt.engine.removeContainer(oneOff.id);
}
