/**
 * `scheduler:logs` (§4.10) and `scheduler:run-logs` (§4.9): which containers, under which label;
 * log-stream.ts does the reading and printing.
 */
import { ErrorCodes, PierError, LABEL_APP, LABEL_CONTAINER_TYPE, RUN_TYPE, runNumberOf, notDeployed } from '@pier/plugin-api';
import { isDeployed } from './app-status.js';
import type { ContainerSummary } from './docker-port.js';
import { streamLogs, type LogTarget } from './log-stream.js';
import { listDeployContainers, liveContainers } from './naming.js';
import type { Runtime } from './runtime.js';

export interface LogsInput {
  app: string;
  processType?: string | undefined;
  follow: boolean;
  num: number;
  quiet: boolean;
  color?: boolean | undefined;
}

export interface RunLogsInput extends Omit<LogsInput, 'processType'> {
  container?: string | undefined;
}

/**
 * The app's live containers (`<app>.<type>.<n>`, any state: a crashed process's output is what one
 * wants to see), or those of one type. A `web.1` type matches nothing, as in Dokku.
 */
export async function appLogs(rt: Runtime, input: LogsInput): Promise<void> {
  const { app, processType } = input;
  if (!(await isDeployed(rt, app))) throw notDeployed(app);
  const containers = liveContainers(await listDeployContainers(rt.docker, app)).filter(
    (c) => processType === undefined || c.type === processType,
  );
  // Deploy containers never get a TTY, so their logs are always multiplexed.
  const targets = containers.map((c): LogTarget => ({ id: c.id, dyno: c.dyno, tty: false }));
  await streamLogs(rt, targets, { follow: input.follow, num: input.num, quiet: input.quiet, color: input.color ?? false });
}

/** One named run container, or every run container of the app (exited ones included), oldest first. */
export async function runLogs(rt: Runtime, input: RunLogsInput): Promise<void> {
  const { app, container } = input;
  const candidates: Pick<ContainerSummary, 'id' | 'name'>[] =
    container !== undefined
      ? [{ id: container, name: container }]
      : (await rt.docker.listContainers([`${LABEL_APP}=${app}`, `${LABEL_CONTAINER_TYPE}=${RUN_TYPE}`])).sort(
          (a, b) => a.created - b.created || a.name.localeCompare(b.name),
        );
  // The inspect also tells whether the container has a TTY (its output is then raw), and that a
  // named container really is one of this app's run containers.
  const targets = await Promise.all(
    candidates.map(async (c): Promise<LogTarget | null> => {
      const details = await rt.docker.inspectContainer(c.id);
      const ours = details && details.labels[LABEL_APP] === app && details.labels[LABEL_CONTAINER_TYPE] === RUN_TYPE;
      return ours ? { id: details.id, dyno: runNumberOf(app, details.name), tty: details.tty } : null;
    }),
  );
  if (container !== undefined && targets[0] === null) throw new PierError(ErrorCodes.COMMAND_FAILED, `No such container: ${container}`);
  const present = targets.filter((t): t is LogTarget => t !== null);
  await streamLogs(rt, present, { follow: input.follow, num: input.num, quiet: input.quiet, color: input.color ?? false });
}
