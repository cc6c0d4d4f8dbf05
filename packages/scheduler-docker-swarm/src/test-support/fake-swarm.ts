/**
 * An in-memory SwarmPort for unit tests: a one-node swarm as the scheduler sees it through the
 * port. This file is only the facade — it turns port calls into the orchestrator's terms and back:
 * - services, tasks and their clock-driven lifecycle (rolling updates, rollbacks, restarts, jobs)
 *   are fake-orchestrator.ts's; every port call first brings that model up to "now";
 * - the engine's checks live here: name conflicts, update out of sequence, missing services;
 * - summaries, task logs and `follow` streams are built here from the orchestrator's records;
 * - plain containers (attached one-offs, image probes) are fake-containers.ts's;
 * - networks are the engine's: a service's `TaskTemplate.Networks[].Target` is kept as the
 *   network's id, whatever name it was given (Swarm's own `host` network has an id of its own, not
 *   the node's `host`), and a container joins only the node's bridge, host and none networks or an
 *   attachable swarm network;
 * - exec sessions (for `enter`) are fake-containers.ts's too, next to attach.
 */
import { PassThrough, Readable } from 'node:stream';
import { ErrorCodes, PierError } from '@pier/plugin-api';
import type { ContainerCreateSpec, ContainerSummary } from '../container-port.js';
import type { OneOffServiceSpec, ServiceSpec } from '../service-spec-types.js';
import type { ExecSession, ImageDetails, LogLine, ServiceSummary, SwarmNode, SwarmPort, TaskSummary } from '../swarm-port.js';
import { iso, type FakeClock } from './fake-clock.js';
import { FakeContainers } from './fake-containers.js';
import { deployOf, FakeOrchestrator, replicas, type Behaviour, type FakeService, type FakeTask, type JobBehaviour } from './fake-orchestrator.js';
import { tarOf } from './fake-tar.js';

export { TIMES, type Behaviour, type JobBehaviour } from './fake-orchestrator.js';
export type { ExecResult } from './fake-containers.js';

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

const clone = <T>(value: T): T => structuredClone(value);
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
  readonly images = new Map<string, FakeImage>();
  /** Swarm-scoped networks, by id; Swarm's predefined `host` network from the start. */
  readonly networks = new Map<string, FakeNetwork>();
  /** The orchestrator's services and tasks (the same objects, for tests to read and poke). */
  readonly services: Map<string, FakeService>;
  readonly tasks: FakeTask[];
  /** Every spec handed to createService/updateService, in order. */
  readonly written: ServiceSpec[] = [];
  private readonly followers = new Map<string, Set<PassThrough>>();
  private readonly model: FakeOrchestrator;
  readonly containers: FakeContainers;

  constructor(private readonly clock: FakeClock) {
    this.model = new FakeOrchestrator(clock, {
      behave: (spec, slot) => this.behave(spec, slot),
      behaveJob: (spec) => this.behaveJob(spec),
      output: (taskId, text) => this.writeLog(taskId, text),
    });
    this.services = this.model.services;
    this.tasks = this.model.tasks;
    this.containers = new FakeContainers(
      () => clock.now(),
      (ref) => this.images.has(ref),
      (mode) => this.joinProblem(mode),
    );
    this.addNetwork('host');
  }

  /** What an exec'd command does: fake-containers.ts runs it. */
  get onExec(): FakeContainers['onExec'] {
    return this.containers.onExec;
  }
  set onExec(run: FakeContainers['onExec']) {
    this.containers.onExec = run;
  }

  addNetwork(name: string, { attachable = false } = {}): FakeNetwork {
    const network = { id: this.model.nextId().toString(36).padStart(25, 'n'), name, attachable };
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
    const added: FakeImage = { id: `sha256:${this.model.nextId().toString(16).padStart(64, '0')}`, workingDir: '/app', labels: {}, files: {}, ...image };
    this.images.set(ref, added);
    this.images.set(added.id, added);
    return added;
  }

  // ---- SwarmPort ---------------------------------------------------------------------------

  private check(): void {
    this.model.tick();
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
    const service: FakeService = { id: `svc${this.model.nextId()}`, version: 1, createdAt: this.clock.now(), spec: written, previousSpec: null, updateStatus: null, removed: false };
    this.services.set(service.id, service);
    if (job) this.model.runJob(service);
    else this.model.scale(service);
    return service.id;
  }
  async updateService(id: string, version: number, spec: ServiceSpec) {
    this.check();
    const service = this.must(id);
    if (version !== service.version) throw new PierError(ErrorCodes.COMMAND_FAILED, 'Docker engine error: update out of sequence');
    const stored = this.withNetworkIds(spec);
    this.written.push(clone(spec));
    const templateChanged = JSON.stringify(stored.TaskTemplate) !== JSON.stringify(service.spec.TaskTemplate);
    const running = this.model.live(service.id).length > 0;
    service.previousSpec = service.spec;
    service.spec = stored;
    service.version++;
    if (templateChanged && running && replicas(spec) > 0) this.model.rollingUpdate(service);
    else this.model.scale(service);
  }
  async rollbackService(id: string, version: number) {
    this.check();
    const service = this.must(id);
    if (version !== service.version) throw new PierError(ErrorCodes.COMMAND_FAILED, 'Docker engine error: update out of sequence');
    if (!service.previousSpec) throw new PierError(ErrorCodes.COMMAND_FAILED, 'Docker engine error: service has no previous spec');
    service.version++;
    this.model.rollBack(service, 'manually requested rollback');
  }
  async removeService(id: string) {
    this.check();
    const service = this.services.get(id);
    if (!service) return;
    service.removed = true;
    for (const task of this.tasks.filter((t) => t.serviceId === id)) this.model.shutdown(task);
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
    return this.model.spawn(service, slot, service.spec).id;
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

  async exec(containerId: string, command: string[], tty: boolean): Promise<{ id: string; session: ExecSession }> {
    this.check();
    return this.containers.exec(containerId, command, tty, `exec${this.model.nextId()}`);
  }
  async execExitCode(execId: string) {
    return this.containers.execExitCode(execId);
  }
  async resizeExec() {}
}
