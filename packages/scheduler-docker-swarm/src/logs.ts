/**
 * `scheduler:logs`: the output of the app's services (or of one process type), read from the
 * manager, which gathers it from whichever node runs each task, and printed line by line with
 * the task's dyno (`web.2` for slot 2). Swarm keeps the output of every task it still
 * remembers; Pier prints that of the current release's tasks (restarted ones included, so a
 * crash's output is there) and leaves out the tasks of releases since replaced or rolled back.
 * With follow the command ends when the user interrupts, when stdout goes away (`| head`), or
 * when every service's log ends.
 */
import type { Readable } from 'node:stream';
import { ErrorCodes, PierError, type InputOf, type schedulerLogs } from '@pier/plugin-api';
import { appServices, type AppService } from './app-services.js';
import { formatLogLine, colorAt, parseLogLine } from './log-lines.js';
import { dynoOf, LABEL_DEPLOY } from './naming.js';
import { isLive } from './rollout-judge.js';
import type { Runtime } from './runtime.js';
import type { LogLine, TaskSummary } from './swarm-port.js';

export type LogsInput = InputOf<typeof schedulerLogs>;

export const notDeployed = (app: string) => new PierError(ErrorCodes.APP_NOT_DEPLOYED, `App ${app} has not been deployed`);

/**
 * task id → dyno, or null for a task of an earlier release. Learnt from the task list and, for a
 * task started later (while following), from the task itself.
 */
function dynoResolver(rt: Runtime) {
  const known = new Map<string, string | null>();
  const colors = new Map<string, number>();
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
    /** One colour per dyno, in the order dynos first print. */
    color(dyno: string): number {
      if (!colors.has(dyno)) colors.set(dyno, colorAt(colors.size));
      return colors.get(dyno)!;
    },
  };
}

export async function appLogs(rt: Runtime, input: LogsInput): Promise<void> {
  const { app } = input;
  if ((await appServices(rt, app)).length === 0) throw notDeployed(app);
  const services = await appServices(rt, app, input.processType);
  const resolver = dynoResolver(rt);
  for (const service of services) await resolver.learn(service);
  const streams = await Promise.all(services.map(({ service }) => rt.engine.serviceLogs(service.id, { follow: input.follow, tail: input.num })));

  const { stdout } = rt.io;
  let stopped = false;
  const stop = () => {
    stopped = true;
    for (const stream of streams) stream.destroy();
  };
  const unsubscribe = input.follow ? rt.interrupts(stop) : () => {};
  stdout.once('error', stop);
  stdout.once('close', stop);
  try {
    await Promise.all(streams.map((stream, index) => printStream(stream, services[index]!.type)));
  } finally {
    unsubscribe();
    stdout.off('error', stop);
    stdout.off('close', stop);
    for (const stream of streams) stream.destroy();
  }

  /** Resolves once stdout takes more, or is gone. */
  function drained(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        for (const event of ['drain', 'close', 'error']) stdout.off(event, done);
        resolve();
      };
      for (const event of ['drain', 'close', 'error']) stdout.once(event, done);
    });
  }

  async function printStream(stream: Readable, type: string): Promise<void> {
    try {
      for await (const { text } of stream as AsyncIterable<LogLine>) {
        const line = parseLogLine(text);
        if (stopped) break;
        if (line === null) continue;
        const dyno = await resolver.dyno(line.taskId, type);
        if (dyno === null) continue;
        const style = { quiet: input.quiet, color: input.color ? resolver.color(dyno) : null };
        // Backpressure: a slow reader of stdout slows the engine's stream down, not memory up.
        if (!stdout.write(`${formatLogLine(line, dyno, style)}\n`)) await drained();
      }
    } catch (error) {
      if (!stopped) throw error;
    }
  }
}
