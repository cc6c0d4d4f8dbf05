/**
 * Plain containers of the fake engine (the manager as a Docker host), for attached one-offs and
 * image probes. A started container runs what `onRun` says: it reads its stdin to the end (when
 * open and without a TTY), prints, exits with a status; or runs until stopped or killed; or
 * cannot start. AutoRemove and wait-for-removal behave as the engine's do: the status arrives
 * once the container is gone. An exec (`enter`, into any container, task containers included)
 * runs what `onExec` says with what it read on stdin; it sits here because its session is
 * plumbed like attach's.
 */
import { PassThrough, Readable } from 'node:stream';
import { ErrorCodes, PierError, signalExitCode } from '@pier/plugin-api';
import type { ContainerCreateSpec, ContainerSummary } from '../container-port.js';
import type { ExecSession, LogLine } from '../swarm-port.js';

export interface ExecResult {
  exitCode: number;
  stdout?: string;
  stderr?: string;
}

export type RunBehaviour = { exitCode: number; stdout?: string; stderr?: string } | 'forever' | { startError: string };

export interface FakeContainer {
  id: string;
  spec: ContainerCreateSpec;
  state: 'created' | 'running' | 'exited';
  created: number;
  exitCode: number | null;
  /** What the process read on stdin. */
  stdin: string;
  signals: NodeJS.Signals[];
  resizes: [number, number][];
  output: { stream: 'stdout' | 'stderr'; text: string; at: number }[];
  session?: { stdin: PassThrough; stdout: PassThrough; stderr: PassThrough };
}

const engineError = (message: string) => new PierError(ErrorCodes.COMMAND_FAILED, `Docker engine error: ${message}`);

export class FakeContainers {
  onRun: (spec: ContainerCreateSpec) => RunBehaviour = () => ({ exitCode: 0 });
  onExec: (containerId: string, command: string[], tty: boolean, stdin: string) => ExecResult = () => ({ exitCode: 0 });
  readonly all = new Map<string, FakeContainer>();
  /** Every create body, in order. */
  readonly created: ContainerCreateSpec[] = [];
  /** Every container removed, in order (what it read and was sent stays readable). */
  readonly removed: FakeContainer[] = [];
  private readonly removals = new Map<string, ((status: number) => void)[]>();
  /** Exit codes of finished execs, by exec id. */
  private readonly execs = new Map<string, number>();
  private seq = 0;

  constructor(
    private readonly now: () => number,
    private readonly hasImage: (ref: string) => boolean,
    /** Why a container cannot join a network, and whether create or start says so. */
    private readonly joinProblem: (mode: string) => { at: 'create' | 'start'; message: string } | null = () => null,
  ) {}

  byName(name: string): FakeContainer | undefined {
    return [...this.all.values()].find((c) => c.spec.name === name);
  }

  private must(id: string): FakeContainer {
    const found = this.all.get(id);
    if (!found) throw engineError(`No such container: ${id}`);
    return found;
  }

  list(): ContainerSummary[] {
    return [...this.all.values()].map((c) => ({
      id: c.id,
      name: c.spec.name,
      state: c.state,
      labels: c.spec.Labels,
      created: Math.floor(c.created / 1000),
      command: c.spec.Cmd.join(' '),
    }));
  }

  create(spec: ContainerCreateSpec): string {
    if (this.byName(spec.name)) throw engineError(`Conflict. The container name "/${spec.name}" is already in use by container "x"`);
    if (!this.hasImage(spec.Image)) throw engineError(`No such image: ${spec.Image}`);
    const network = this.joinProblem(spec.HostConfig.NetworkMode);
    if (network?.at === 'create') throw engineError(network.message);
    this.created.push(structuredClone(spec));
    const id = `oneoff${++this.seq}`.padEnd(64, '0');
    this.all.set(id, { id, spec, state: 'created', created: this.now(), exitCode: null, stdin: '', signals: [], resizes: [], output: [] });
    return id;
  }

  remove(id: string): void {
    const container = this.all.get(id);
    if (!container) return;
    if (container.state === 'running') this.exit(container, 137);
    this.all.delete(id);
    this.removed.push(container);
    for (const resolve of this.removals.get(id) ?? []) resolve(container.exitCode ?? 0);
    this.removals.delete(id);
  }

  attach(id: string, tty: boolean): ExecSession {
    const container = this.must(id);
    const session = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough() };
    session.stdin.on('data', (chunk: Buffer) => (container.stdin += chunk.toString('utf8')));
    container.session = session;
    const ended = new Promise<void>((resolve) => session.stdout.once('end', resolve));
    // With a TTY the output is one stream: stderr ends at once.
    if (tty) session.stderr.end();
    return { ...session, ended, close: () => session.stdin.destroy() };
  }

  /** A command exec'd in a container, under the id the engine gave it. */
  exec(containerId: string, command: string[], tty: boolean, id: string): { id: string; session: ExecSession } {
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    const stderr = new PassThrough();
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

  execExitCode(id: string): number | null {
    return this.execs.get(id) ?? null;
  }

  waitRemoved(id: string): { exitCode: Promise<number> } {
    this.must(id);
    const exitCode = new Promise<number>((resolve) => this.removals.set(id, [...(this.removals.get(id) ?? []), resolve]));
    return { exitCode };
  }

  start(id: string): void {
    const container = this.must(id);
    const network = this.joinProblem(container.spec.HostConfig.NetworkMode);
    if (network) throw engineError(network.message);
    const behaviour = this.onRun(container.spec);
    if (typeof behaviour === 'object' && 'startError' in behaviour) throw engineError(behaviour.startError);
    container.state = 'running';
    if (behaviour === 'forever') return;
    const finish = () => {
      if (container.state !== 'running') return;
      this.print(container, 'stdout', behaviour.stdout ?? '');
      this.print(container, 'stderr', behaviour.stderr ?? '');
      this.exit(container, behaviour.exitCode);
    };
    const stdin = container.session?.stdin;
    // A process reading stdin ends after it; with a TTY (or no stdin) it does not wait for it.
    if (stdin && container.spec.attached && !container.spec.Tty) stdin.once('finish', () => setImmediate(finish));
    else setImmediate(finish);
  }

  private print(container: FakeContainer, stream: 'stdout' | 'stderr', text: string): void {
    if (text === '') return;
    container.output.push({ stream, text, at: this.now() });
    const target = container.session?.[container.spec.Tty ? 'stdout' : stream];
    if (target && !target.writableEnded) target.write(text);
  }

  private exit(container: FakeContainer, status: number): void {
    container.state = 'exited';
    container.exitCode = status;
    container.session?.stdout.end();
    container.session?.stderr.end();
    if (container.spec.HostConfig.AutoRemove) setImmediate(() => this.remove(container.id));
  }

  stop(id: string): void {
    const container = this.all.get(id);
    if (container?.state === 'running') this.exit(container, signalExitCode('SIGTERM'));
  }

  kill(id: string, signal: NodeJS.Signals): void {
    const container = this.all.get(id);
    if (container?.state !== 'running') return;
    container.signals.push(signal);
    this.exit(container, signalExitCode(signal));
  }

  resize(id: string, rows: number, columns: number): void {
    this.all.get(id)?.resizes.push([rows, columns]);
  }

  logs(id: string, tail: number, iso: (ms: number) => string): Readable {
    const container = this.must(id);
    const lines: LogLine[] = container.output.flatMap(({ stream, text, at }) =>
      text.replace(/\n$/, '').split('\n').map((line) => ({ stream, text: `${iso(at)} ${line}` })),
    );
    return Readable.from(lines.slice(-tail));
  }
}
