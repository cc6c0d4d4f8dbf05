/**
 * The in-memory engine's containers and images (fake-docker.ts adds processes and streams). It
 * follows the port's conventions (null for missing, no-ops for stopping stopped containers) and
 * records every mutating call in `calls` so tests can assert order. Behaviour is steered with hooks.
 */
import { constants } from 'node:os';
import { Readable } from 'node:stream';
import { ErrorCodes, PierError, signalExitCode } from '@pier/plugin-api';
import * as tar from 'tar-stream';
import type { Clock } from '@pier/plugin-api';
import type { ContainerDetails, ContainerSummary, CreateContainerSpec, ExecResult, ImageDetails, RestartPolicy } from '../docker-port.js';
import { FakeClock, type FakeContainer, type FakeImage, type RunResult } from './fake-model.js';

const ZERO_TIME = '0001-01-01T00:00:00Z';

export abstract class FakeDockerCore {
  readonly endpoint = 'unix:///fake/docker.sock';
  readonly containers = new Map<string, FakeContainer>();
  readonly images = new Map<string, FakeImage>();
  readonly calls: string[] = [];
  driver = 'json-file';
  /** Every call fails as if dockerd were down. */
  unreachable = false;
  /** Called after a container starts; may change its status (crash) or logs. */
  onStart: (container: FakeContainer) => void = () => {};
  onExec: (container: FakeContainer, command: string[], stdin: string) => ExecResult = () => ({ exitCode: 0, output: '' });
  /** An attached container's process, run once it started and its stdin closed (if it has one). */
  onRun: (container: FakeContainer, stdin: string) => RunResult = () => ({ exitCode: 0 });
  /** Names of containers the engine cannot stop, kill or remove (a wedged runtime). */
  readonly stuck = new Set<string>();
  /** Signals an attached process survives (a shell ignoring SIGINT). */
  readonly ignoredSignals = new Set<string>();
  /** Makes create fail for matching specs. */
  failCreate: (spec: CreateContainerSpec) => string | undefined = () => undefined;
  private seq = 0;

  constructor(readonly clock: Clock = new FakeClock()) {}

  addImage(ref: string, image: Partial<FakeImage> = {}): FakeImage {
    const full: FakeImage = { id: `sha256:${'0'.repeat(52)}${String(++this.seq).padStart(12, '0')}`, workingDir: '', labels: {}, files: {}, ...image };
    this.images.set(ref, full);
    return full;
  }

  /** Adds a container directly (e.g. a leftover from a crashed deploy). */
  addContainer(name: string, labels: Record<string, string>, status = 'running'): FakeContainer {
    const id = this.nextId();
    const container: FakeContainer = {
      id,
      name,
      spec: { name, Image: 'fake', Env: [], Labels: labels, HostConfig: { NetworkMode: 'none' } },
      status,
      startedAt: status === 'running' ? new Date(this.clock.now()).toISOString() : ZERO_TIME,
      restartCount: 0,
      restartPolicy: undefined,
      logs: '',
      created: Math.floor(this.clock.now() / 1000),
      exitCode: null,
      logEntries: [],
    };
    this.containers.set(id, container);
    return container;
  }

  protected refuse(c: FakeContainer, verb: string): void {
    if (this.stuck.has(c.name)) throw new PierError(ErrorCodes.COMMAND_FAILED, `Docker engine error: cannot ${verb} container ${c.id}: device busy`);
  }

  /** By reference or by id, as the engine resolves images. */
  image(ref: string): FakeImage | undefined {
    return this.images.get(ref) ?? [...this.images.values()].find((i) => i.id === ref);
  }

  byName(name: string): FakeContainer | undefined {
    return [...this.containers.values()].find((c) => c.name === name);
  }

  /**
   * Resolves once a container whose name starts with `prefix` is running. Polls between turns of
   * the event loop, never on a timer: fails after `turns` of them rather than hoping a delay was long enough.
   */
  async untilRunning(prefix = '', turns = 100_000): Promise<FakeContainer> {
    for (let turn = 0; turn < turns; turn++) {
      const running = [...this.containers.values()].find((c) => c.name.startsWith(prefix) && c.status === 'running');
      if (running) return running;
      await new Promise((resolve) => setImmediate(resolve));
    }
    throw new Error(`No container ${prefix}* running after ${turns} turns of the event loop`);
  }

  names(): string[] {
    return [...this.containers.values()].map((c) => c.name).sort();
  }

  protected nextId(): string {
    return `${String(++this.seq).padStart(4, '0')}${'f'.repeat(60)}`;
  }

  protected check(): void {
    if (this.unreachable) {
      throw new PierError(ErrorCodes.DOCKER_UNREACHABLE, `Cannot reach the Docker engine at ${this.endpoint}: connect ENOENT; is dockerd running?`);
    }
  }

  protected find(id: string): FakeContainer | undefined {
    return this.containers.get(id) ?? [...this.containers.values()].find((c) => c.id.startsWith(id) || c.name === id);
  }

  async loggingDriver() {
    this.check();
    return this.driver;
  }

  async inspectImage(ref: string): Promise<ImageDetails | null> {
    this.check();
    const image = this.image(ref);
    return image ? { id: image.id, workingDir: image.workingDir, labels: image.labels } : null;
  }

  async listContainers(labels: string[]): Promise<ContainerSummary[]> {
    this.check();
    const wanted = labels.map((l) => {
      const at = l.indexOf('=');
      return at < 0 ? ([l, undefined] as const) : ([l.slice(0, at), l.slice(at + 1)] as const);
    });
    return [...this.containers.values()]
      .filter((c) => wanted.every(([k, v]) => k in c.spec.Labels && (v === undefined || c.spec.Labels[k] === v)))
      .map((c) => ({ id: c.id, name: c.name, labels: { ...c.spec.Labels }, state: c.status, created: c.created, command: (c.spec.Cmd ?? []).join(' ') }));
  }

  async inspectContainer(id: string): Promise<ContainerDetails | null> {
    this.check();
    const c = this.find(id);
    if (!c) return null;
    const raw = {
      Id: c.id,
      Name: `/${c.name}`,
      Config: { Env: [...c.spec.Env], Labels: { ...c.spec.Labels }, Image: c.spec.Image, Cmd: c.spec.Cmd ?? null },
      HostConfig: { ...c.spec.HostConfig },
      State: { Status: c.status, Running: c.status === 'running', StartedAt: c.startedAt },
      RestartCount: c.restartCount,
    };
    return {
      id: c.id,
      name: c.name,
      labels: { ...c.spec.Labels },
      status: c.status,
      running: c.status === 'running' || c.status === 'restarting',
      startedAt: c.startedAt,
      restartCount: c.restartCount,
      env: [...c.spec.Env],
      tty: c.spec.Tty === true,
      raw,
    };
  }

  async createContainer(spec: CreateContainerSpec): Promise<string> {
    this.check();
    const problem = this.failCreate(spec);
    if (problem) throw new PierError(ErrorCodes.COMMAND_FAILED, problem);
    if (this.byName(spec.name)) throw new PierError(ErrorCodes.COMMAND_FAILED, `Conflict. The container name "/${spec.name}" is already in use`);
    if (!this.image(spec.Image)) throw new PierError(ErrorCodes.IMAGE_NOT_FOUND, `Image ${spec.Image} not found`);
    const id = this.nextId();
    this.containers.set(id, {
      id,
      name: spec.name,
      spec,
      status: 'created',
      startedAt: ZERO_TIME,
      restartCount: 0,
      restartPolicy: spec.HostConfig.RestartPolicy,
      logs: '',
      created: Math.floor(this.clock.now() / 1000),
      exitCode: null,
      logEntries: [],
    });
    this.calls.push(`create ${spec.name}`);
    return id;
  }

  async startContainer(id: string) {
    this.check();
    const c = this.find(id);
    if (!c) throw new PierError(ErrorCodes.COMMAND_FAILED, `No such container: ${id}`);
    c.status = 'running';
    c.startedAt = new Date(this.clock.now()).toISOString();
    this.calls.push(`start ${c.name}`);
    this.onStart(c);
    if (c.status === 'running') this.started(c);
  }

  async stopContainer(id: string, timeoutSeconds: number) {
    this.check();
    const c = this.find(id);
    if (!c) return;
    this.refuse(c, 'stop');
    this.calls.push(`stop ${c.name} t=${timeoutSeconds}`);
    if (c.status === 'running' || c.status === 'restarting' || c.status === 'paused') this.exit(c, signalExitCode('SIGTERM'));
  }

  async killContainer(id: string, signal = 'SIGKILL') {
    this.check();
    const c = this.find(id);
    if (!c || c.status !== 'running') return;
    this.refuse(c, 'kill');
    this.calls.push(`kill ${c.name} ${signal}`);
    const code = 128 + (constants.signals[signal as keyof typeof constants.signals] ?? 9);
    // An attached one-off process dies of any signal; a SIGTERM'd deploy container is still
    // shutting down: it keeps running until stopped.
    if (signal === 'SIGKILL' || (this.isAttached(c) && !this.ignoredSignals.has(signal))) this.exit(c, code);
  }

  async removeContainer(id: string) {
    this.check();
    const c = this.find(id);
    if (!c) return;
    this.refuse(c, 'remove');
    this.calls.push(`remove ${c.name}`);
    if (c.status === 'running') this.exit(c, 137);
    this.containers.delete(c.id);
  }

  async renameContainer(id: string, name: string) {
    this.check();
    const c = this.find(id);
    if (!c) throw new PierError(ErrorCodes.COMMAND_FAILED, `No such container: ${id}`);
    if (this.byName(name)) return false;
    this.calls.push(`rename ${c.name} ${name}`);
    c.name = name;
    return true;
  }

  async updateRestartPolicy(id: string, policy: RestartPolicy) {
    this.check();
    const c = this.find(id);
    if (c) c.restartPolicy = policy;
  }

  async containerLogs(id: string) {
    this.check();
    return this.find(id)?.logs ?? '';
  }

  async exec(id: string, command: string[]): Promise<ExecResult> {
    this.check();
    const c = this.find(id);
    if (!c || c.status !== 'running') throw new PierError(ErrorCodes.COMMAND_FAILED, `Container ${id} is not running`);
    return this.onExec(c, command, '');
  }

  async getArchive(id: string, path: string): Promise<Readable | null> {
    this.check();
    const c = this.find(id);
    const image = c && this.image(c.spec.Image);
    const content = image?.files[path];
    if (content === undefined) return null;
    const pack = tar.pack();
    pack.entry({ name: path.split('/').pop()!, type: 'file' }, content);
    pack.finalize();
    return Readable.from(pack);
  }

  /** The process ended: every waiter, attached client and log follower sees it. */
  protected exit(c: FakeContainer, code: number): void {
    c.status = 'exited';
    c.exitCode = code;
    if (c.spec.HostConfig.AutoRemove) {
      this.calls.push(`auto-remove ${c.name}`);
      this.containers.delete(c.id);
    }
  }

  /** Called when a container starts running. */
  protected abstract started(c: FakeContainer): void;
  protected abstract isAttached(c: FakeContainer): boolean;
}
