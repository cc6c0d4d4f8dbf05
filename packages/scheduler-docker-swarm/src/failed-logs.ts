/**
 * `scheduler:logs-failed`: the output of the tasks that failed the last failed deploy. Swarm
 * forgets a task with its service (a failed first deploy removes the services it created), so
 * the output is read when the deploy fails and kept, mode 0600 (it may hold secrets), in
 * `<root>/data/scheduler-docker-swarm/<app>/failed-tasks.json`. A successful deploy clears it.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '@pier/plugin-api';
import { dynoOf } from './naming.js';
import { FAILED_STATES } from './rollout-judge.js';
import type { Runtime } from './runtime.js';

export interface FailedTask {
  dyno: string;
  task: string;
  output: string;
}

export const appDataDir = (root: string, app: string) => join(root, 'data', 'scheduler-docker-swarm', app);
const failedFile = (root: string, app: string) => join(appDataDir(root, app), 'failed-tasks.json');

/** Reads the output of this deploy's failed tasks of each service it changed, and keeps it. */
export async function recordFailedTasks(rt: Runtime, app: string, deployId: string, services: { id: string; type: string }[]): Promise<void> {
  const failed: FailedTask[] = [];
  for (const { id, type } of services) {
    for (const task of await rt.engine.listTasks(id)) {
      if (task.deployId !== deployId || !FAILED_STATES.has(task.state)) continue;
      const output = await rt.engine.taskLogs(task.id).catch(() => '');
      failed.push({ dyno: dynoOf(type, task.slot), task: task.id, output });
    }
  }
  await writeFileAtomic(failedFile(rt.root, app), `${JSON.stringify(failed, null, 2)}\n`);
}

export const clearFailedTasks = (rt: Runtime, app: string) => rm(failedFile(rt.root, app), { force: true });

export async function logsFailed(rt: Runtime, app: string): Promise<void> {
  let failed: FailedTask[] = [];
  try {
    failed = JSON.parse(await readFile(failedFile(rt.root, app), 'utf8')) as FailedTask[];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (failed.length === 0) {
    rt.log.warn('No failed containers found');
    return;
  }
  for (const { output } of failed) if (output !== '') rt.log.write(output.endsWith('\n') ? output : `${output}\n`);
}
