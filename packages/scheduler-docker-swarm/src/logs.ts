/**
 * `scheduler:logs`: the output of the app's services (or of one process type), read from the
 * manager, which gathers it from whichever node runs each task, and printed line by line with
 * the task's dyno (`web.2` for slot 2). Tasks replaced by a rollout still have their output in
 * the service's log, under the dyno of their slot. With follow the command ends when the user
 * interrupts, when stdout goes away (`| head`), or when every service's log ends.
 */
import type { Readable } from 'node:stream';
import { ErrorCodes, PierError } from '@pier/plugin-api';
import { appServices, type AppService } from './app-services.js';
import { formatLogLine, colorAt, parseLogLine } from './log-lines.js';
import { dynoOf } from './naming.js';
import type { Runtime } from './runtime.js';
import type { LogLine } from './swarm-port.js';

export interface LogsInput {
  app: string;
  processType?: string | undefined;
  follow: boolean;
  num: number;
  quiet: boolean;
  color?: boolean | undefined;
}

export const notDeployed = (app: string) => new PierError(ErrorCodes.APP_NOT_DEPLOYED, `App ${app} has not been deployed`);

/** task id → dyno, learnt from the task list and, for tasks started later, from the task itself. */
function dynoResolver(rt: Runtime) {
  const known = new Map<string, string>();
  const colors = new Map<string, number>();
  return {
    async learn({ type, service }: AppService): Promise<void> {
      const tasks = [...(await rt.engine.listTasks(service.id))].sort((a, b) => a.slot - b.slot || a.createdAt.localeCompare(b.createdAt));
      for (const task of tasks) known.set(task.id, dynoOf(type, task.slot));
    },
    async dyno(taskId: string, type: string): Promise<string> {
      const hit = known.get(taskId);
      if (hit !== undefined) return hit;
      const task = await rt.engine.inspectTask(taskId);
      const dyno = dynoOf(type, task?.slot ?? 0);
      known.set(taskId, dyno);
      return dyno;
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
        const style = { quiet: input.quiet, color: input.color ? resolver.color(dyno) : null };
        // Backpressure: a slow reader of stdout slows the engine's stream down, not memory up.
        if (!stdout.write(`${formatLogLine(line, dyno, style)}\n`)) await drained();
      }
    } catch (error) {
      if (!stopped) throw error;
    }
  }
}
