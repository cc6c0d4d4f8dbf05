/**
 * The orchestrator inside the fake swarm: services and their tasks, moved through their states by
 * a queue of events due on a FakeClock. It is kept apart from the SwarmPort facade (fake-swarm.ts)
 * because this is the logic a test relies on being Swarm-like, where the scheduler can see it:
 * - a created service, or one scaled up from zero, just gets tasks (no UpdateStatus);
 * - a spec change of a running service is a rolling update, one slot at a time, start-first or
 *   stop-first, `updating` → `completed` after the Monitor period; a new task that fails (before
 *   or within the monitor period) makes it `rollback_started` → `rollback_completed`, with the
 *   previous spec's tasks brought back where they were replaced;
 * - a task's fate comes from `behave(spec, slot)`: `healthy`, `crash` (runs, then exits 1) or
 *   `unhealthy` (never passes its health check; killed like Docker's 137);
 * - a one-off service (labelled `run`) runs one task as `behaveJob(spec)` says, never restarted.
 * Nothing happens between calls: the facade calls `tick()` to bring the model up to "now".
 */
import { LABEL_DEPLOY } from '../naming.js';
import type { OneOffServiceSpec, ServiceSpec } from '../service-spec-types.js';
import { iso, type FakeClock } from './fake-clock.js';

export type Behaviour = 'healthy' | 'crash' | 'unhealthy';

/** A one-off task: runs until removed, runs for a while and exits, or cannot start. */
export type JobBehaviour = 'forever' | { runMs: number; exitCode: number; output?: string } | { refused: string };

export interface FakeService {
  id: string;
  version: number;
  createdAt: number;
  spec: ServiceSpec;
  previousSpec: ServiceSpec | null;
  updateStatus: { state: string; startedAt: string; message: string } | null;
  removed: boolean;
}

export interface FakeTask {
  id: string;
  serviceId: string;
  slot: number;
  spec: ServiceSpec;
  desiredState: string;
  state: string;
  error: string;
  containerId: string;
  createdAt: number;
  logs: { stream: 'stdout' | 'stderr'; text: string; at: number }[];
}

/** What the orchestrator asks of its owner: the tests' behaviours, and where a job's output goes. */
export interface OrchestratorHooks {
  behave(spec: ServiceSpec, slot: number): Behaviour;
  behaveJob(spec: OneOffServiceSpec): JobBehaviour;
  /** A line a job printed (the facade hands it to the task's logs and any followers). */
  output(taskId: string, text: string): void;
}

/** Times of the fake's task lifecycle, in ms. */
export const TIMES = { start: 1_000, stop: 500, crash: 500 };

/** Docker gives up on a health check after StartPeriod + Retries × Interval (defaults 0, 3, 30 s). */
function unhealthyAfterMs(spec: ServiceSpec): number {
  const check = spec.TaskTemplate.ContainerSpec.Healthcheck;
  return ((check?.StartPeriod ?? 0) + (check?.Retries ?? 3) * (check?.Interval ?? 30e9)) / 1e6;
}

export const replicas = (spec: ServiceSpec) => spec.Mode.Replicated.Replicas;
export const deployOf = (spec: ServiceSpec) => spec.TaskTemplate.ContainerSpec.Labels[LABEL_DEPLOY] ?? '';

export class FakeOrchestrator {
  readonly services = new Map<string, FakeService>();
  readonly tasks: FakeTask[] = [];
  private readonly events: { at: number; run: () => void }[] = [];
  private seq = 0;

  constructor(
    private readonly clock: FakeClock,
    private readonly hooks: OrchestratorHooks,
  ) {}

  /** The fake engine's one id sequence (services, tasks, networks, images, execs). */
  nextId(): number {
    return ++this.seq;
  }

  private later(ms: number, run: () => void): void {
    this.events.push({ at: this.clock.now() + ms, run });
    this.events.sort((a, b) => a.at - b.at);
  }

  /** Runs everything that is due: every port call sees the swarm as it is "now". */
  tick(): void {
    while (this.events.length > 0 && this.events[0]!.at <= this.clock.now()) this.events.shift()!.run();
  }

  live(serviceId: string): FakeTask[] {
    return this.tasks.filter((t) => t.serviceId === serviceId && t.desiredState === 'running');
  }

  spawn(service: FakeService, slot: number, spec: ServiceSpec, hooks: { running?: () => void; failed?: (task: FakeTask) => void } = {}): FakeTask {
    const task: FakeTask = { id: `task${this.nextId()}`, serviceId: service.id, slot, spec, desiredState: 'running', state: 'pending', error: '', containerId: '', createdAt: this.clock.now(), logs: [] };
    this.tasks.push(task);
    const behaviour = this.hooks.behave(spec, slot);
    const fail = (error: string) => {
      if (task.desiredState !== 'running') return;
      // What the process said on its way out, for logs:failed.
      task.logs.push({ stream: 'stderr', text: `${task.id} is failing\n`, at: this.clock.now() });
      Object.assign(task, { state: 'failed', error, desiredState: 'shutdown' });
      if (hooks.failed) hooks.failed(task);
      // Outside a rolling update Swarm restarts a failed task (restart policy permitting).
      else if (!service.removed && spec.TaskTemplate.RestartPolicy.Condition !== 'none') this.later(TIMES.start, () => this.spawn(service, slot, spec));
    };
    this.later(TIMES.start, () => {
      if (task.desiredState !== 'running') return;
      task.containerId = `ctr${task.id}`.padEnd(64, '0');
      if (behaviour === 'unhealthy') {
        task.state = 'starting';
        this.later(unhealthyAfterMs(spec), () => fail('task: non-zero exit (137): dockerexec: unhealthy container'));
        return;
      }
      task.state = 'running';
      hooks.running?.();
      if (behaviour === 'crash') this.later(TIMES.crash, () => fail('task: non-zero exit (1)'));
    });
    return task;
  }

  shutdown(task: FakeTask): void {
    task.desiredState = 'shutdown';
    this.later(TIMES.stop, () => {
      if (task.state !== 'failed') task.state = 'shutdown';
    });
  }

  /** A one-off service's only task, as `behaveJob` says; Swarm never restarts it. */
  runJob(service: FakeService): void {
    const spec = service.spec as unknown as OneOffServiceSpec;
    const behaviour = this.hooks.behaveJob(spec);
    const task: FakeTask = { id: `task${this.nextId()}`, serviceId: service.id, slot: 1, spec: service.spec, desiredState: 'running', state: 'pending', error: '', containerId: '', createdAt: this.clock.now(), logs: [] };
    this.tasks.push(task);
    this.later(TIMES.start, () => {
      if (task.desiredState !== 'running') return;
      if (typeof behaviour === 'object' && 'refused' in behaviour) {
        Object.assign(task, { state: 'failed', desiredState: 'shutdown', error: `starting container failed: ${behaviour.refused}` });
        return;
      }
      Object.assign(task, { state: 'running', containerId: `ctr${task.id}`.padEnd(64, '0') });
      if (behaviour === 'forever') return;
      // The engine hands logs on line by line.
      for (const line of behaviour.output?.split('\n').filter(Boolean) ?? []) this.hooks.output(task.id, line);
      this.later(behaviour.runMs, () => {
        if (task.desiredState !== 'running') return;
        const failed = behaviour.exitCode !== 0;
        Object.assign(task, { state: failed ? 'failed' : 'complete', desiredState: failed ? 'shutdown' : 'complete', error: failed ? `task: non-zero exit (${behaviour.exitCode})` : '' });
      });
    });
  }

  /** Brings the live tasks of a service to its spec's replica count, without a rolling update. */
  scale(service: FakeService): void {
    const want = replicas(service.spec);
    for (const task of this.live(service.id)) if (task.slot > want) this.shutdown(task);
    for (let slot = 1; slot <= want; slot++) if (!this.live(service.id).some((t) => t.slot === slot)) this.spawn(service, slot, service.spec);
  }

  rollingUpdate(service: FakeService): void {
    const status = { state: 'updating', startedAt: iso(this.clock.now()), message: 'update in progress' };
    service.updateStatus = status;
    const spec = service.spec;
    const { Order, Monitor } = spec.UpdateConfig;
    for (const task of this.live(service.id)) if (task.slot > replicas(spec)) this.shutdown(task);
    const step = (slot: number) => {
      if (status.state !== 'updating') return;
      if (slot > replicas(spec)) {
        this.later(Monitor / 1e6, () => {
          if (status.state === 'updating') Object.assign(status, { state: 'completed', message: 'update completed' });
        });
        return;
      }
      const old = this.live(service.id).find((t) => t.slot === slot);
      if (Order === 'stop-first' && old) this.shutdown(old);
      this.spawn(service, slot, spec, {
        running: () => {
          if (Order === 'start-first' && old) this.shutdown(old);
          step(slot + 1);
        },
        failed: (task) => {
          if (status.state === 'updating') this.rollBack(service, `update rolled back due to failure or early termination of task ${task.id}`, status);
        },
      });
    };
    step(1);
  }

  /** Swarm's rollback: the previous spec again, with its tasks started where they were replaced. */
  rollBack(service: FakeService, message: string, status = { state: '', startedAt: iso(this.clock.now()), message: '' }): void {
    Object.assign(status, { state: 'rollback_started', message });
    service.updateStatus = status;
    if (service.previousSpec) [service.spec, service.previousSpec] = [service.previousSpec, service.spec];
    const spec = service.spec;
    const pending = new Set<number>();
    const finish = () => {
      if (pending.size === 0) Object.assign(status, { state: 'rollback_completed', message: 'rollback completed' });
    };
    for (const task of this.live(service.id)) if (task.slot > replicas(spec) || deployOf(task.spec) !== deployOf(spec)) this.shutdown(task);
    for (let slot = 1; slot <= replicas(spec); slot++) {
      if (this.live(service.id).some((t) => t.slot === slot)) continue;
      pending.add(slot);
      this.spawn(service, slot, spec, { running: () => (pending.delete(slot), finish()), failed: () => Object.assign(status, { state: 'rollback_paused', message: 'rollback paused' }) });
    }
    this.later(0, finish);
  }
}
