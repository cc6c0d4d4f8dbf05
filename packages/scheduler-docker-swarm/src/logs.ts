/**
 * `scheduler:logs`: the output of the app's services (or of one process type), read from the
 * manager, which gathers it from whichever node runs each task, and printed line by line with
 * the task's dyno (`web.2` for slot 2). Swarm keeps the output of every task it still
 * remembers; Pier prints that of the current release's tasks (restarted ones included, so a
 * crash's output is there) and leaves out the tasks of releases since replaced or rolled back.
 * log-printer.ts prints them (and says when following ends).
 */
import { notDeployed, type InputOf, type schedulerLogs } from '@pier/plugin-api';
import { appServices, type AppService } from './app-services.js';
import { parseLogLine } from './log-lines.js';
import { printLogSources, type LogSource } from './log-printer.js';
import { dynoOf, LABEL_DEPLOY } from './naming.js';
import { isLive } from './rollout-judge.js';
import type { Runtime } from './runtime.js';
import type { TaskSummary } from './swarm-port.js';

export type LogsInput = InputOf<typeof schedulerLogs>;

/**
 * task id → dyno, or null for a task of an earlier release. Learnt from the task list and, for a
 * task started later (while following), from the task itself.
 */
function dynoResolver(rt: Runtime) {
  const known = new Map<string, string | null>();
  const current = new Map<string, string>();
  const dynoIf = (type: string, task: TaskSummary | null) =>
    task !== null && (isLive(task) || task.deployId === current.get(task.serviceId)) ? dynoOf(type, task.slot) : null;
  return {
    async learn({ type, service }: AppService): Promise<void> {
      current.set(service.id, service.spec.TaskTemplate.ContainerSpec.Labels[LABEL_DEPLOY] ?? '');
      for (const task of await rt.engine.listTasks(service.id)) known.set(task.id, dynoIf(type, task));
    },
    async dyno(taskId: string, type: string): Promise<string | null> {
      if (!known.has(taskId)) known.set(taskId, dynoIf(type, await rt.engine.inspectTask(taskId)));
      return known.get(taskId)!;
    },
  };
}

export async function appLogs(rt: Runtime, input: LogsInput): Promise<void> {
  const { app } = input;
  const all = await appServices(rt, app);
  if (all.length === 0) throw notDeployed(app);
  const services = input.processType === undefined ? all : all.filter((entry) => entry.type === input.processType);
  const resolver = dynoResolver(rt);
  await Promise.all(services.map((service) => resolver.learn(service)));
  const streams = await Promise.all(services.map(({ service }) => rt.engine.serviceLogs(service.id, { follow: input.follow, tail: input.num })));
  const sources = streams.map(
    (stream, index): LogSource => ({
      stream,
      async attribute(text) {
        const line = parseLogLine(text);
        const dyno = line === null ? null : await resolver.dyno(line.taskId, services[index]!.type);
        return line === null || dyno === null ? null : { line, dyno };
      },
    }),
  );
  await printLogSources(rt, sources, { follow: input.follow, quiet: input.quiet, color: input.color ?? false });
}
