/**
 * An in-memory DockerPort for unit tests: the containers and images of FakeDockerCore plus
 * processes and streams. An attached container runs `onRun` once it has started and its stdin
 * is closed (at once with a TTY); its output is sent framed (or raw with a TTY) in 7-byte chunks, so consumers always
 * meet frames split across chunks. `writeLog` feeds `logStream`, including followers.
 */
import { PassThrough, type Duplex, type Readable } from 'node:stream';
import { ErrorCodes, PierError } from '@pier/plugin-api';
import type { DockerPort, ExecSpec, ExecState, ExitWatch, LogOptions, WaitCondition } from '../docker-port.js';
import type { StreamKind } from '../frames.js';
import { FakeDockerCore } from './fake-docker-core.js';
import type { FakeContainer, FakeExec } from './fake-model.js';
import { chunked, engineTimestamp, fakeConnection, stdinText, wire, type FakeConnection } from './fake-streams.js';

export { FakeClock, type FakeContainer, type FakeImage, type RunResult } from './fake-model.js';

export class FakeDocker extends FakeDockerCore implements DockerPort {
  private readonly connections = new Map<string, FakeConnection>();
  /** Per container: the watches set up by waitContainer, resolved on exit or on removal. */
  private readonly waiters = new Map<string, { condition: WaitCondition; resolve: (code: number) => void }[]>();
  /** Per container: each follower and whether it asked for timestamps. */
  private readonly followers = new Map<string, Map<PassThrough, boolean>>();
  private readonly execs = new Map<string, FakeExec>();
  private execSeq = 0;

  /** Output of a running container: kept for logStream and sent to followers. */
  writeLog(c: FakeContainer, text: string, stream: StreamKind = 'stdout'): void {
    c.logs += text;
    for (const line of text.split(/(?<=\n)/)) {
      if (line === '') continue;
      const entry = { stream, text: line, at: this.clock.now() };
      c.logEntries.push(entry);
      for (const [follower, timestamps] of this.followers.get(c.id) ?? []) this.sendLog(follower, c, entry, timestamps);
    }
  }

  private sendLog(target: PassThrough, c: FakeContainer, entry: FakeContainer['logEntries'][number], timestamps: boolean) {
    const text = timestamps ? `${engineTimestamp(entry.at)} ${entry.text}` : entry.text;
    chunked(wire(c.spec.Tty === true, entry.stream, text), (chunk) => target.write(chunk));
  }

  private must(id: string): FakeContainer {
    this.check();
    const c = this.find(id);
    if (!c) throw new PierError(ErrorCodes.COMMAND_FAILED, `Docker engine error: No such container: ${id}`);
    return c;
  }

  async pathExists(id: string, path: string): Promise<boolean> {
    this.check();
    const c = this.find(id);
    return c !== undefined && this.image(c.spec.Image)?.files[path] !== undefined;
  }

  async logStream(id: string, { follow, tail, timestamps }: LogOptions): Promise<Readable> {
    const c = this.must(id);
    const stream = new PassThrough();
    const entries = tail === 'all' ? c.logEntries : tail === 0 ? [] : c.logEntries.slice(-tail);
    for (const entry of entries) this.sendLog(stream, c, entry, timestamps);
    if (follow && c.status === 'running') {
      const followers = this.followers.get(c.id) ?? new Map<PassThrough, boolean>();
      this.followers.set(c.id, followers.set(stream, timestamps));
      stream.once('close', () => followers.delete(stream));
    } else {
      stream.end();
    }
    return stream;
  }

  async attachContainer(id: string): Promise<Duplex> {
    const c = this.must(id);
    this.calls.push(`attach ${c.name}`);
    const connection = fakeConnection(() => {
      if (c.status === 'running') this.runAttached(c);
    });
    this.connections.set(c.id, connection);
    return connection.duplex;
  }

  async waitContainer(id: string, condition: WaitCondition): Promise<ExitWatch> {
    const c = this.must(id);
    this.calls.push(`wait ${c.name} ${condition}`);
    const exitCode = new Promise<number>((resolve) => this.waiters.set(c.id, [...(this.waiters.get(c.id) ?? []), { condition, resolve }]));
    return { exitCode };
  }

  /** Resolves the watches of `c` that this event satisfies. */
  private notify(c: FakeContainer, event: WaitCondition, code: number): void {
    const [now, later] = partition(this.waiters.get(c.id) ?? [], (w) => w.condition === event);
    now.forEach((w) => w.resolve(code));
    if (later.length > 0) this.waiters.set(c.id, later);
    else this.waiters.delete(c.id);
  }

  override async removeContainer(id: string): Promise<void> {
    const c = this.find(id);
    await super.removeContainer(id);
    if (c && !this.containers.has(c.id)) this.notify(c, 'removed', c.exitCode ?? 0);
  }

  async resizeContainer(id: string, rows: number, columns: number): Promise<void> {
    this.calls.push(`resize ${this.must(id).name} ${rows}x${columns}`);
  }

  async createExec(containerId: string, spec: ExecSpec): Promise<string> {
    const c = this.must(containerId);
    if (c.status !== 'running') throw new PierError(ErrorCodes.COMMAND_FAILED, `Docker engine error: Container ${c.id} is not running`);
    const id = `exec-${++this.execSeq}`;
    this.execs.set(id, { container: c, spec, exitCode: null });
    this.calls.push(`exec ${c.name}${spec.tty ? ' (tty)' : ''} ${spec.command.join(' ')}`);
    return id;
  }

  async startExec(execId: string, tty: boolean): Promise<Duplex> {
    const exec = this.execs.get(execId)!;
    const finish = () => {
      if (exec.exitCode !== null) return;
      const result = this.onExec(exec.container, exec.spec.command, stdinText(connection));
      chunked(wire(tty, 'stdout', result.output), (chunk) => connection.duplex.push(chunk));
      exec.exitCode = result.exitCode ?? 0;
      connection.duplex.push(null);
    };
    const connection = fakeConnection(finish);
    // A terminal session's stdin never ends: the command runs right away.
    if (tty) setImmediate(finish);
    return connection.duplex;
  }

  async inspectExec(execId: string): Promise<ExecState> {
    const exec = this.execs.get(execId)!;
    return { running: exec.exitCode === null, exitCode: exec.exitCode };
  }

  async resizeExec(execId: string, rows: number, columns: number): Promise<void> {
    this.calls.push(`resize ${execId} ${rows}x${columns}`);
  }

  protected isAttached(c: FakeContainer): boolean {
    return this.connections.has(c.id);
  }

  /** Started: an attached process runs once nothing more can arrive on its stdin. */
  protected started(c: FakeContainer): void {
    const connection = this.connections.get(c.id);
    // With a TTY, stdin never ends (a terminal): the process runs right away.
    if (connection && (connection.stdinEnded || !c.spec.OpenStdin || c.spec.Tty)) this.runAttached(c);
  }

  private runAttached(c: FakeContainer): void {
    const connection = this.connections.get(c.id)!;
    if (c.exitCode !== null || c.status !== 'running') return;
    const result = this.onRun(c, stdinText(connection));
    if (result === null) return;
    for (const stream of ['stdout', 'stderr'] as const) {
      const text = result[stream] ?? '';
      if (text !== '') chunked(wire(c.spec.Tty === true, stream, text), (chunk) => connection.duplex.push(chunk));
    }
    this.exit(c, result.exitCode);
  }

  protected override exit(c: FakeContainer, code: number): void {
    super.exit(c, code);
    this.connections.get(c.id)?.duplex.push(null);
    for (const follower of this.followers.get(c.id)?.keys() ?? []) follower.end();
    this.notify(c, 'next-exit', code);
    // AutoRemove: the core has removed it already.
    if (!this.containers.has(c.id)) this.notify(c, 'removed', code);
  }
}

function partition<T>(items: T[], test: (item: T) => boolean): [T[], T[]] {
  return [items.filter(test), items.filter((item) => !test(item))];
}
