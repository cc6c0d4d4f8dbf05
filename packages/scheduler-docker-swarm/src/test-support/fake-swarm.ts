/**
 * An in-memory SwarmPort for unit tests: a one-node swarm whose tasks move through their states
 * on a FakeClock, and whose updater behaves like Swarm's where the scheduler can see it:
 * - a created service, or one scaled up from zero, just gets tasks (no UpdateStatus);
 * - a spec change of a running service is a rolling update, one slot at a time, start-first or
 *   stop-first, `updating` → `completed` after the Monitor period; a new task that fails (before
 *   or within the monitor period) makes it `rollback_started` → `rollback_completed`, with the
 *   previous spec's tasks brought back where they were replaced;
 * - a task's fate comes from `behave(spec, slot)`: `healthy`, `crash` (runs, then exits 1) or
 *   `unhealthy` (never passes its health check; killed like Docker's 137);
 * - a one-off service (labelled `run`) runs one task as `behaveJob(spec)` says, never restarted;
 * - plain containers (attached one-offs, image probes) are fake-containers.ts's;
 * - networks are the engine's: a service's `TaskTemplate.Networks[].Target` is kept as the
 *   network's id, whatever name it was given (Swarm's own `host` network has an id of its own, not
 *   the node's `host`), and a container joins only the node's bridge, host and none networks or an
 *   attachable swarm network.
 */
import { PassThrough, Readable } from 'node:stream';
import { ErrorCodes, PierError } from '@pier/plugin-api';
import { LABEL_DEPLOY } from '../naming.js';
import type { ContainerCreateSpec, ContainerSummary } from '../container-port.js';
import type { OneOffServiceSpec, ServiceSpec } from '../service-spec-types.js';
import type { ExecSession, ImageDetails, LogLine, ServiceSummary, SwarmNode, SwarmPort, TaskSummary } from '../swarm-port.js';
import { iso, type FakeClock } from './fake-clock.js';
import { FakeContainers } from './fake-containers.js';
import { tarOf } from './fake-tar.js';

export type Behaviour = 'healthy' | 'crash' | 'unhealthy';

/** A one-off task: runs until removed, runs for a while and exits, or cannot start. */
export type JobBehaviour = 'forever' | { runMs: number; exitCode: number; output?: string } | { refused: string };

export interface FakeImage extends ImageDetails {
  files: Record<string, string>;
}

export interface FakeNetwork {
  id: string;
  name: string;
  /** `--attachable`: plain containers may join it. */
  attachable: boolean;
}

/** The networks every node has; a container names them by name. */
const NODE_NETWORKS = new Set(['bridge', 'host', 'none']);

interface FakeService {
  id: string;
  version: number;
  createdAt: number;
  spec: ServiceSpec;
  previousSpec: ServiceSpec | null;
  updateStatus: { state: string; startedAt: string; message: string } | null;
  removed: boolean;
}

interface FakeTask {
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

export interface ExecResult {
  exitCode: number;
  stdout?: string;
  stderr?: string;
}

/** Times of the fake's task lifecycle, in ms. */
export const TIMES = { start: 1_000, stop: 500, crash: 500 };

/** Docker gives up on a health check after StartPeriod + Retries × Interval (defaults 0, 3, 30 s). */
function unhealthyAfterMs(spec: ServiceSpec): number {
  const check = spec.TaskTemplate.ContainerSpec.Healthcheck;
  return ((check?.StartPeriod ?? 0) + (check?.Retries ?? 3) * (check?.Interval ?? 30e9)) / 1e6;
}

const clone = <T>(value: T): T => structuredClone(value);
const replicas = (spec: ServiceSpec) => spec.Mode.Replicated.Replicas;
const deployOf = (spec: ServiceSpec) => spec.TaskTemplate.ContainerSpec.Labels[LABEL_DEPLOY] ?? '';
const labelsMatch = (labels: Record<string, string>, wanted: string[]) =>
  wanted.every((pair) => {
    const [key, value] = pair.split('=', 2) as [string, string | undefined];
    return value === undefined ? key in labels : labels[key] === value;
  });

export class FakeSwarm implements SwarmPort {
  readonly endpoint = 'unix:///fake/docker.sock';
  node: SwarmNode | null = { nodeId: 'node-1', isManager: true, nodes: 1 };
  behave: (spec: ServiceSpec, slot: number) => Behaviour = () => 'healthy';
  behaveJob: (spec: OneOffServiceSpec) => JobBehaviour = () => 'forever';
  onExec: (containerId: string, command: string[], tty: boolean, stdin: string) => ExecResult = () => ({ exitCode: 0 });
  readonly images = new Map<string, FakeImage>();
  /** Swarm-scoped networks, by id; Swarm's predefined `host` network from the start. */
  readonly networks = new Map<string, FakeNetwork>();
  readonly services = new Map<string, FakeService>();
  readonly tasks: FakeTask[] = [];
  /** Every spec handed to createService/updateService, in order. */
  readonly written: ServiceSpec[] = [];
  private readonly events: { at: number; run: () => void }[] = [];
  private readonly followers = new Map<string, Set<PassThrough>>();
  private seq = 0;
  readonly containers: FakeContainers;

  constructor(private readonly clock: FakeClock) {
    this.containers = new FakeContainers(
      () => clock.now(),
      (ref) => this.images.has(ref),
      (mode) => this.joinProblem(mode),
    );
    this.addNetwork('host');
  }

  addNetwork(name: string, { attachable = false } = {}): FakeNetwork {
    const network = { id: (++this.seq).toString(36).padStart(25, 'n'), name, attachable };
    this.networks.set(network.id, network);
    return network;
  }

  private findNetwork(target: string): FakeNetwork | undefined {
    return this.networks.get(target) ?? [...this.networks.values()].find((n) => n.name === target);
  }

  /** The engine's populateNetworkID: each Target becomes its network's id. */
  private withNetworkIds<T extends ServiceSpec | OneOffServiceSpec>(spec: T): T {
    const written = clone(spec);
    for (const attachment of written.TaskTemplate.Networks ?? []) {
      const network = this.findNetwork(attachment.Target);
      if (!network) throw new PierError(ErrorCodes.COMMAND_FAILED, `Docker engine error: network ${attachment.Target} not found`);
      attachment.Target = network.id;
    }
    return written;
  }

  /** Why a container cannot join network `mode`, and when the engine says so; null when it can. */
  private joinProblem(mode: string): { at: 'create' | 'start'; message: string } | null {
    if (NODE_NETWORKS.has(mode)) return null;
    const network = this.findNetwork(mode);
    if (!network) return { at: 'create', message: `network ${mode} not found` };
    if (network.attachable) return null;
    return { at: 'start', message: `Could not attach to network ${mode}: rpc error: code = PermissionDenied desc = network ${mode} not manually attachable` };
  }

  addImage(ref: string, image: Partial<FakeImage> = {}): FakeImage {
    const added: FakeImage = { id: `sha256:${(++this.seq).toString(16).padStart(64, '0')}`, workingDir: '/app', labels: {}, files: {}, ...image };
    this.images.set(ref, added);
    this.images.set(added.id, added);
    return added;
  }

  // ---- the clock-driven model -------------------------------------------------------------

  private later(ms: number, run: () => void): void {
    this.events.push({ at: this.clock.now() + ms, run });
    this.events.sort((a, b) => a.at - b.at);
  }

  /** Runs everything that is due: every port call sees the swarm as it is "now". */
  private tick(): void {
    while (this.events.length > 0 && this.events[0]!.at <= this.clock.now()) this.events.shift()!.run();
  }

  private live(serviceId: string): FakeTask[] {
    return this.tasks.filter((t) => t.serviceId === serviceId && t.desiredState === 'running');
  }

  private spawn(service: FakeService, slot: number, spec: ServiceSpec, hooks: { running?: () => void; failed?: (task: FakeTask) => void } = {}): FakeTask {
    const task: FakeTask = { id: `task${++this.seq}`, serviceId: service.id, slot, spec, desiredState: 'running', state: 'pending', error: '', containerId: '', createdAt: this.clock.now(), logs: [] };
    this.tasks.push(task);
    const behaviour = this.behave(spec, slot);
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

  private shutdown(task: FakeTask): void {
    task.desiredState = 'shutdown';
    this.later(TIMES.stop, () => {
      if (task.state !== 'failed') task.state = 'shutdown';
    });
  }

  /** A one-off service's only task, as `behaveJob` says; Swarm never restarts it. */
  private runJob(service: FakeService): void {
    const spec = service.spec as unknown as OneOffServiceSpec;
    const behaviour = this.behaveJob(spec);
    const task: FakeTask = { id: `task${++this.seq}`, serviceId: service.id, slot: 1, spec: service.spec, desiredState: 'running', state: 'pending', error: '', containerId: '', createdAt: this.clock.now(), logs: [] };
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
      for (const line of behaviour.output?.split('\n').filter(Boolean) ?? []) this.writeLog(task.id, line);
      this.later(behaviour.runMs, () => {
        if (task.desiredState !== 'running') return;
        const failed = behaviour.exitCode !== 0;
        Object.assign(task, { state: failed ? 'failed' : 'complete', desiredState: failed ? 'shutdown' : 'complete', error: failed ? `task: non-zero exit (${behaviour.exitCode})` : '' });
      });
    });
  }

  /** Brings the live tasks of a service to its spec's replica count, without a rolling update. */
  private scale(service: FakeService): void {
    const want = replicas(service.spec);
    for (const task of this.live(service.id)) if (task.slot > want) this.shutdown(task);
    for (let slot = 1; slot <= want; slot++) if (!this.live(service.id).some((t) => t.slot === slot)) this.spawn(service, slot, service.spec);
  }

  private rollingUpdate(service: FakeService): void {
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
  private rollBack(service: FakeService, message: string, status = { state: '', startedAt: iso(this.clock.now()), message: '' }): void {
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

  // ---- SwarmPort ---------------------------------------------------------------------------

  private check(): void {
    this.tick();
  }

  private summary(service: FakeService): ServiceSummary {
    return {
      id: service.id,
      name: service.spec.Name,
      version: service.version,
      createdAt: iso(service.createdAt),
      labels: { ...service.spec.Labels },
      spec: clone(service.spec),
      hasPreviousSpec: service.previousSpec !== null,
      updateStatus: service.updateStatus ? { ...service.updateStatus } : null,
      raw: { ID: service.id, Version: { Index: service.version }, Spec: clone(service.spec), ...(service.previousSpec ? { PreviousSpec: clone(service.previousSpec) } : {}) },
    };
  }

  private taskSummary(task: FakeTask): TaskSummary {
    return {
      id: task.id,
      serviceId: task.serviceId,
      slot: task.slot,
      nodeId: 'node-1',
      desiredState: task.desiredState,
      state: task.state,
      message: task.state,
      error: task.error,
      containerId: task.containerId,
      deployId: deployOf(task.spec),
      createdAt: iso(task.createdAt),
      raw: { ID: task.id, Slot: task.slot, Spec: { ContainerSpec: clone(task.spec.TaskTemplate.ContainerSpec) }, Status: { State: task.state } },
    };
  }

  private must(id: string): FakeService {
    const service = this.services.get(id);
    if (!service || service.removed) throw new PierError(ErrorCodes.COMMAND_FAILED, `Docker engine error: service ${id} not found`);
    return service;
  }

  async swarmNode() {
    this.check();
    return this.node;
  }
  async nodeHostname(nodeId: string) {
    return nodeId === 'node-1' ? 'fake-host' : '';
  }
  async inspectImage(ref: string) {
    this.check();
    const image = this.images.get(ref);
    return image ? { id: image.id, workingDir: image.workingDir, labels: image.labels } : null;
  }
  async listServices(labels: string[]) {
    this.check();
    return [...this.services.values()].filter((s) => !s.removed && labelsMatch(s.spec.Labels, labels)).map((s) => this.summary(s));
  }
  async inspectService(id: string) {
    this.check();
    const service = [...this.services.values()].find((s) => !s.removed && (s.id === id || s.spec.Name === id));
    return service ? this.summary(service) : null;
  }
  async createService(spec: ServiceSpec | OneOffServiceSpec) {
    this.check();
    if ([...this.services.values()].some((s) => !s.removed && s.spec.Name === spec.Name)) {
      throw new PierError(ErrorCodes.COMMAND_FAILED, `Docker engine error: name conflicts with an existing object: service ${spec.Name} already exists`);
    }
    const job = spec.Labels['com.dokku.container-type'] === 'run';
    const written = this.withNetworkIds(spec) as ServiceSpec;
    if (!job) this.written.push(clone(spec as ServiceSpec));
    const service: FakeService = { id: `svc${++this.seq}`, version: 1, createdAt: this.clock.now(), spec: written, previousSpec: null, updateStatus: null, removed: false };
    this.services.set(service.id, service);
    if (job) this.runJob(service);
    else this.scale(service);
    return service.id;
  }
  async updateService(id: string, version: number, spec: ServiceSpec) {
    this.check();
    const service = this.must(id);
    if (version !== service.version) throw new PierError(ErrorCodes.COMMAND_FAILED, 'Docker engine error: update out of sequence');
    const stored = this.withNetworkIds(spec);
    this.written.push(clone(spec));
    const templateChanged = JSON.stringify(stored.TaskTemplate) !== JSON.stringify(service.spec.TaskTemplate);
    const running = this.live(service.id).length > 0;
    service.previousSpec = service.spec;
    service.spec = stored;
    service.version++;
    if (templateChanged && running && replicas(spec) > 0) this.rollingUpdate(service);
    else this.scale(service);
  }
  async rollbackService(id: string, version: number) {
    this.check();
    const service = this.must(id);
    if (version !== service.version) throw new PierError(ErrorCodes.COMMAND_FAILED, 'Docker engine error: update out of sequence');
    if (!service.previousSpec) throw new PierError(ErrorCodes.COMMAND_FAILED, 'Docker engine error: service has no previous spec');
    service.version++;
    this.rollBack(service, 'manually requested rollback');
  }
  async removeService(id: string) {
    this.check();
    const service = this.services.get(id);
    if (!service) return;
    service.removed = true;
    for (const task of this.tasks.filter((t) => t.serviceId === id)) this.shutdown(task);
  }
  async listTasks(serviceId: string) {
    this.check();
    const service = this.services.get(serviceId);
    if (!service || service.removed) return [];
    return this.tasks.filter((t) => t.serviceId === serviceId).map((t) => this.taskSummary(t));
  }
  async inspectTask(id: string) {
    this.check();
    const task = this.tasks.find((t) => t.id === id);
    return task ? this.taskSummary(task) : null;
  }

  /** Output of a task, for serviceLogs (followers get it at once). */
  writeLog(taskId: string, text: string, stream: 'stdout' | 'stderr' = 'stdout'): void {
    const task = this.tasks.find((t) => t.id === taskId)!;
    const entry = { stream, text, at: this.clock.now() };
    task.logs.push(entry);
    for (const follower of this.followers.get(task.serviceId) ?? []) follower.write(this.logLine(task, entry));
  }

  private logLine(task: FakeTask, entry: FakeTask['logs'][number]): LogLine {
    const attrs = `com.docker.swarm.node.id=node-1,com.docker.swarm.service.id=${task.serviceId},com.docker.swarm.task.id=${task.id}`;
    return { stream: entry.stream, text: `${iso(entry.at)} ${attrs} ${entry.text}` };
  }

  async taskLogs(taskId: string) {
    return (this.tasks.find((t) => t.id === taskId)?.logs ?? []).map((entry) => entry.text).join('');
  }

  async serviceLogs(serviceId: string, { follow, tail }: { follow: boolean; tail: number }) {
    this.check();
    this.must(serviceId);
    const lines = this.tasks.filter((t) => t.serviceId === serviceId).flatMap((t) => t.logs.slice(-tail).map((entry) => this.logLine(t, entry)));
    if (!follow) return Readable.from(lines);
    const stream = new PassThrough({ objectMode: true });
    for (const line of lines) stream.write(line);
    const set = this.followers.get(serviceId) ?? new Set();
    set.add(stream);
    this.followers.set(serviceId, set);
    stream.once('close', () => set.delete(stream));
    return stream;
  }
  /** A task the scheduler has not seen yet (Swarm restarted one, say). */
  spawnTask(serviceId: string, slot: number): string {
    const service = this.services.get(serviceId)!;
    return this.spawn(service, slot, service.spec).id;
  }
  followerCount(serviceId: string): number {
    return this.followers.get(serviceId)?.size ?? 0;
  }

  /** Task containers of live (or shutting down) tasks, and plain containers (one-offs, image probes). */
  async listContainers(labels: string[]): Promise<ContainerSummary[]> {
    this.check();
    const tasks = this.tasks
      .filter((t) => t.containerId !== '' && t.state !== 'shutdown' && t.state !== 'failed')
      .map((t) => ({
        id: t.containerId,
        name: `${t.spec.Name}.${t.slot}.${t.id}`,
        state: t.state,
        labels: { 'com.docker.swarm.service.id': t.serviceId, ...t.spec.TaskTemplate.ContainerSpec.Labels },
        created: Math.floor(t.createdAt / 1000),
        command: (t.spec.TaskTemplate.ContainerSpec.Args ?? []).join(' '),
      }));
    return [...tasks, ...this.containers.list()].filter((c) => labelsMatch(c.labels, labels));
  }
  async createContainer(spec: ContainerCreateSpec) {
    return this.containers.create(spec);
  }
  imageInfoContainers(): string[] {
    return [...this.containers.all.values()].filter((c) => c.spec.Cmd[0] === '/pier-image-info').map((c) => c.id);
  }
  private imageOfContainer(containerId: string): FakeImage | undefined {
    const ref = this.containers.all.get(containerId)?.spec.Image ?? this.tasks.find((t) => t.containerId === containerId)?.spec.TaskTemplate.ContainerSpec.Image;
    return ref === undefined ? undefined : this.images.get(ref);
  }
  async getArchive(containerId: string, path: string) {
    const content = this.imageOfContainer(containerId)?.files[path];
    return content === undefined ? null : tarOf(path, content);
  }
  async pathExists(containerId: string, path: string) {
    return this.imageOfContainer(containerId)?.files[path] !== undefined;
  }
  async removeContainer(id: string) {
    this.containers.remove(id);
  }
  async attachContainer(id: string, tty: boolean) {
    return this.containers.attach(id, tty);
  }
  async waitRemoved(id: string) {
    return this.containers.waitRemoved(id);
  }
  async startContainer(id: string) {
    this.containers.start(id);
  }
  async stopContainer(id: string) {
    this.containers.stop(id);
  }
  async killContainer(id: string, signal: NodeJS.Signals) {
    this.containers.kill(id, signal);
  }
  async resizeContainer(id: string, rows: number, columns: number) {
    this.containers.resize(id, rows, columns);
  }
  async containerLogs(id: string, { tail }: { follow: boolean; tail: number }) {
    return this.containers.logs(id, tail, iso);
  }

  private execs = new Map<string, number>();
  async exec(containerId: string, command: string[], tty: boolean): Promise<{ id: string; session: ExecSession }> {
    this.check();
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const id = `exec${++this.seq}`;
    const input: Buffer[] = [];
    stdin.on('data', (chunk: Buffer) => input.push(chunk));
    const ended = new Promise<void>((resolve) => {
      const run = () => {
        const result = this.onExec(containerId, command, tty, Buffer.concat(input).toString('utf8'));
        this.execs.set(id, result.exitCode);
        stdout.end(result.stdout ?? '');
        stderr.end(result.stderr ?? '');
        resolve();
      };
      // A TTY session does not wait for stdin to end.
      if (tty) setImmediate(run);
      else stdin.once('finish', run);
    });
    return { id, session: { stdin, stdout, stderr, ended, close: () => stdin.destroy() } };
  }
  async execExitCode(execId: string) {
    return this.execs.get(execId) ?? null;
  }
  async resizeExec() {}
}
