/**
 * A detached one-off (`run:detached`): a one-off service on the swarm (one task, never
 * restarted), so Swarm places it like the app's tasks. Its name, `<app>.run.<n>`, is returned
 * once the task runs (or has already run): a task that cannot start (no such command, an image
 * its node cannot get, no node for it in time) fails the command and is removed, as a
 * detached `docker run` that cannot start fails.
 */
import { ErrorCodes, PierError, type OutputOf, type schedulerRun, messageOf, signalExitCode, interruptRelay, randomRunNumber, runName } from '@pier/plugin-api';
import { shortId } from './naming.js';
import { readDeployTimeoutSeconds } from './properties.js';
import { runServiceSpec, type RunPlan } from './run-plan.js';
import type { Runtime } from './runtime.js';
import type { TaskSummary } from './swarm-port.js';

const NAME_ATTEMPTS = 5;

/** Where the task is: running or done running (`ran`), unable to start (`refused`), or on its way. */
function taskStart(task: TaskSummary | undefined): 'ran' | 'refused' | 'pending' {
  if (task === undefined) return 'pending';
  if (task.state === 'rejected' || /^starting container failed/.test(task.error)) return 'refused';
  return ['running', 'complete', 'failed', 'shutdown'].includes(task.state) ? 'ran' : 'pending';
}

async function createService(rt: Runtime, plan: RunPlan): Promise<{ id: string; name: string }> {
  for (let attempt = 1; ; attempt++) {
    const numbered = attempt === 1 ? plan : { ...plan, number: randomRunNumber() };
    try {
      return { id: await rt.engine.createService(runServiceSpec(numbered)), name: runName(plan.app, numbered.number) };
    } catch (error) {
      if (attempt === NAME_ATTEMPTS || !/already exists|conflicts with an existing object/i.test(messageOf(error))) throw error;
    }
  }
}

/** Null once the task ran; otherwise why it did not (its own words), after `timeoutMs` at the most. */
async function startProblem(rt: Runtime, serviceId: string, timeoutMs: number, interrupted: () => boolean): Promise<string | null> {
  const deadline = rt.clock.now() + timeoutMs;
  for (;;) {
    const [task] = (await rt.engine.listTasks(serviceId)).sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
    const where = taskStart(task);
    if (where === 'ran' || interrupted()) return null;
    if (where === 'refused') return task!.error || task!.message;
    if (rt.clock.now() >= deadline) {
      const state = task === undefined ? 'no task yet' : `task ${shortId(task.id)} ${task.state}${task.message ? `: ${task.message}` : ''}`;
      return `it did not start within ${Math.round(timeoutMs / 1000)} seconds (${state})`;
    }
    await rt.clock.sleep(rt.pollMs);
  }
}

export async function runDetached(rt: Runtime, plan: RunPlan): Promise<OutputOf<typeof schedulerRun>> {
  const deployTimeoutSeconds = await readDeployTimeoutSeconds(rt.bus, plan.app);
  // From here on there is a service to remove if the run goes no further.
  const interrupts = interruptRelay(rt.interrupts);
  let created: { id: string; name: string } | undefined;
  let started = false;
  try {
    created = await createService(rt, plan);
    const problem = await startProblem(rt, created.id, deployTimeoutSeconds * 1000, () => interrupts.pending !== null);
    if (interrupts.pending !== null) return { exitCode: signalExitCode(interrupts.pending) };
    if (problem !== null) throw new PierError(ErrorCodes.COMMAND_FAILED, `One-off ${created.name} could not start: ${problem}`);
    started = true;
    return { exitCode: 0, container: created.name };
  } finally {
    if (created && !started) await rt.engine.removeService(created.id).catch(() => {});
    interrupts.unsubscribe();
  }
}
