/**
 * The narrow slice of the Docker Engine API this scheduler uses. Everything above this interface
 * is plain logic that unit tests drive with a fake; `dockerode-port.ts` is the only code that
 * talks to a real engine.
 *
 * Conventions every implementation follows (the deploy logic relies on them):
 * - "not found" is a value (`null`) for inspections and a no-op for stop/kill/remove;
 * - stopping a stopped container and killing a container that is not running are no-ops;
 * - an unreachable engine is a PierError with code DOCKER_UNREACHABLE, any other engine failure
 *   a PierError with code COMMAND_FAILED carrying the engine's message.
 */
import type { Duplex, Readable } from 'node:stream';

export interface RestartPolicy {
  Name: string;
  MaximumRetryCount?: number;
}

/** What `createContainer` accepts: a subset of the Engine API's container-create body. */
export interface CreateContainerSpec {
  name: string;
  Image: string;
  /** Omitted: the image's own CMD runs. */
  Cmd?: string[];
  Env: string[];
  Labels: Record<string, string>;
  /** One-off containers: a terminal, and stdin held open for an attached client. */
  Tty?: boolean;
  OpenStdin?: boolean;
  /** Close the process's stdin when the attached client closes its side (EOF on `echo hi | pier run`). */
  StdinOnce?: boolean;
  AttachStdin?: boolean;
  AttachStdout?: boolean;
  AttachStderr?: boolean;
  HostConfig: {
    NetworkMode: string;
    Init?: boolean;
    /** Dokku's `--rm`: one-off containers are removed by the engine when they exit. */
    AutoRemove?: boolean;
    /** The terminal size (rows, columns) from the start; engines before API 1.42 ignore it. */
    ConsoleSize?: [number, number];
    RestartPolicy?: RestartPolicy;
    LogConfig?: { Type: string; Config: Record<string, string> };
  };
}

/** One row of a container listing. */
export interface ContainerSummary {
  id: string;
  /** Without Docker's leading `/`. */
  name: string;
  labels: Record<string, string>;
  /** `created`, `running`, `restarting`, `exited`, `paused`, `dead`, `removing`. */
  state: string;
  /** Creation time, unix seconds. */
  created: number;
  /** The command as the engine lists it (`sh -c 'echo hi'`), unquoted. */
  command: string;
}

export interface ContainerDetails {
  id: string;
  name: string;
  labels: Record<string, string>;
  status: string;
  running: boolean;
  /** RFC 3339; Docker's zero time when the container never started. */
  startedAt: string;
  restartCount: number;
  env: string[];
  /** Created with a terminal: its output (logs, attach) is raw, not multiplexed. */
  tty: boolean;
  /** The engine's full inspect document, for `ps:inspect`. */
  raw: Record<string, unknown>;
}

export interface ImageDetails {
  id: string;
  /** '' when the image does not set one. */
  workingDir: string;
  labels: Record<string, string>;
}

export interface ExecResult {
  /** null when the command did not finish within the timeout. */
  exitCode: number | null;
  /** stdout and stderr, merged in arrival order. */
  output: string;
}

export interface LogOptions {
  follow: boolean;
  /** Lines from the end; Docker's `--tail` (`all`: everything). */
  tail: number | 'all';
  /** Prefix every line with its RFC 3339 (nanosecond) time. */
  timestamps: boolean;
}

export type WaitCondition = 'next-exit' | 'removed';

export interface ExitWatch {
  /** The exit status (0–255) when the watched event happens. */
  readonly exitCode: Promise<number>;
}

/** An interactive exec (enter). */
export interface ExecSpec {
  command: string[];
  tty: boolean;
  /** The terminal size (rows, columns) from the start; engines before API 1.42 ignore it. */
  consoleSize?: [number, number];
}

export interface ExecState {
  running: boolean;
  /** null while running. */
  exitCode: number | null;
}

export interface DockerPort {
  /** Where the engine is expected, for messages (`unix:///var/run/docker.sock`). */
  readonly endpoint: string;
  /** The engine's default logging driver (`json-file`, `journald`, ...). */
  loggingDriver(): Promise<string>;
  inspectImage(ref: string): Promise<ImageDetails | null>;
  /** All containers (any state) carrying every `key=value` label given. */
  listContainers(labels: string[]): Promise<ContainerSummary[]>;
  inspectContainer(id: string): Promise<ContainerDetails | null>;
  /** Returns the new container's id. */
  createContainer(spec: CreateContainerSpec): Promise<string>;
  startContainer(id: string): Promise<void>;
  stopContainer(id: string, timeoutSeconds: number): Promise<void>;
  killContainer(id: string, signal?: string): Promise<void>;
  /** Force-removes; a missing container is fine. */
  removeContainer(id: string): Promise<void>;
  /** false when another container already has that name. */
  renameContainer(id: string, name: string): Promise<boolean>;
  updateRestartPolicy(id: string, policy: RestartPolicy): Promise<void>;
  /** stdout and stderr of the container so far, merged. */
  containerLogs(id: string): Promise<string>;
  exec(id: string, command: string[], timeoutMs: number): Promise<ExecResult>;
  /** A tar stream of `path` inside the container's filesystem, or null when it does not exist. */
  getArchive(id: string, path: string): Promise<Readable | null>;
  /** Whether `path` exists in the container's filesystem (created or running), without reading it. */
  pathExists(id: string, path: string): Promise<boolean>;

  // Streams (run, logs, enter). Every stream carries raw bytes: Docker's 8-byte-header frames
  // unless the container (or exec) has a TTY; decoding is the caller's job (frames.ts).

  /** The container's output so far (and, with follow, until it stops or the stream is destroyed). */
  logStream(id: string, options: LogOptions): Promise<Readable>;
  /**
   * A hijacked connection to the container's stdin, stdout and stderr. Attach before starting so
   * no output is missed; `end()` closes the write side, which closes the process's stdin when the
   * container was created with StdinOnce.
   */
  attachContainer(id: string): Promise<Duplex>;
  /**
   * Has the engine watch for the container's next exit (`next-exit`) or its removal (`removed`,
   * for an AutoRemove container). Resolves once the engine is watching, so a watch set up before
   * start cannot miss a fast exit, nor lose the status of a container already removed.
   */
  waitContainer(id: string, condition: WaitCondition): Promise<ExitWatch>;
  resizeContainer(id: string, rows: number, columns: number): Promise<void>;
  /** Returns the exec id. */
  createExec(containerId: string, spec: ExecSpec): Promise<string>;
  /** Starts an exec with stdin attached; the stream ends when the command exits. */
  startExec(execId: string, tty: boolean): Promise<Duplex>;
  inspectExec(execId: string): Promise<ExecState>;
  resizeExec(execId: string, rows: number, columns: number): Promise<void>;
}
