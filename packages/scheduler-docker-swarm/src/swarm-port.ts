/**
 * The slice of the Engine API this scheduler uses: swarm services and tasks on a manager, plus a
 * few container calls on the engine it talks to (reading files from an image, exec for enter).
 * Everything above this interface is plain logic that unit tests drive with a fake;
 * `dockerode-swarm-port.ts` is the only code that talks to a real engine.
 *
 * Conventions every implementation follows:
 * - "not found" is a value (`null`, `[]`) for inspections and listings, a no-op for removals;
 * - an unreachable engine is a PierError with code DOCKER_UNREACHABLE, any other engine failure a
 *   PierError with code COMMAND_FAILED carrying the engine's message.
 */
import type { Readable, Writable } from 'node:stream';
import type { ContainerPort } from './container-port.js';
import type { OneOffServiceSpec, ServiceSpec } from './service-spec-types.js';

/** The engine's place in its swarm; null from `swarmNode()` when it is in none. */
export interface SwarmNode {
  nodeId: string;
  /** Only a manager can create services and list tasks. */
  isManager: boolean;
  /** Nodes in the swarm. */
  nodes: number;
}

export interface ImageDetails {
  id: string;
  /** '' when the image does not set one. */
  workingDir: string;
  labels: Record<string, string>;
}

export interface UpdateStatus {
  /** `updating`, `paused`, `completed`, `rollback_started`, `rollback_paused`, `rollback_completed`. */
  state: string;
  /** Set by the manager when the update (or rollback) began: tells one update from the next. */
  startedAt: string;
  message: string;
}

export interface ServiceSummary {
  id: string;
  name: string;
  /** The version index an update must name. */
  version: number;
  /** RFC 3339, the manager's clock. */
  createdAt: string;
  labels: Record<string, string>;
  spec: ServiceSpec;
  /** What `rollback` goes back to; null for a service never updated. */
  hasPreviousSpec: boolean;
  updateStatus: UpdateStatus | null;
  /** The engine's inspect document, for `ps:inspect`. */
  raw: Record<string, unknown>;
}

export interface TaskSummary {
  id: string;
  serviceId: string;
  slot: number;
  nodeId: string;
  /** `running`, `shutdown`, `ready`, … : what the orchestrator wants. */
  desiredState: string;
  /** `new` … `pending`, `starting`, `running`, `complete`, `failed`, `shutdown`, `rejected`, … */
  state: string;
  /** The task's status message and error ('' when none). */
  message: string;
  error: string;
  /** '' until the task has a container. */
  containerId: string;
  /** The deploy that made the task (its container's com.pier.deploy label), '' if none. */
  deployId: string;
  /** RFC 3339, the manager's clock. */
  createdAt: string;
  raw: Record<string, unknown>;
}

export interface LogLine {
  stream: 'stdout' | 'stderr';
  /** One line as the engine sends it (with `details`: `<time> <attrs> <message>`), no newline. */
  text: string;
}

export interface ServiceLogOptions {
  follow: boolean;
  /** Lines from the end, per task (Docker's `--tail`). */
  tail: number;
  /** The tasks have a terminal: their output is raw, not multiplexed (one-offs with --force-tty). */
  tty?: boolean;
}

/**
 * A hijacked engine connection (an exec, or an attached one-off container) with its output already
 * split into stdout and stderr (or merged, with a TTY).
 */
export interface ExecSession {
  readonly stdin: Writable;
  readonly stdout: Readable;
  readonly stderr: Readable;
  /** Resolves when the connection's output has ended. */
  readonly ended: Promise<void>;
  close(): void;
}

export interface SwarmPort extends ContainerPort {
  /** Where the engine is expected, for messages (`unix:///var/run/docker.sock`). */
  readonly endpoint: string;
  swarmNode(): Promise<SwarmNode | null>;
  /** The node's hostname, for messages; '' when unknown. */
  nodeHostname(nodeId: string): Promise<string>;
  inspectImage(ref: string): Promise<ImageDetails | null>;

  /** Services carrying every `key=value` label given. */
  listServices(labels: string[]): Promise<ServiceSummary[]>;
  inspectService(id: string): Promise<ServiceSummary | null>;
  /** Returns the new service's id; a name already taken is an error. */
  createService(spec: ServiceSpec | OneOffServiceSpec): Promise<string>;
  /** Replaces the spec; `version` is the one the caller read (the engine refuses a stale one). */
  updateService(id: string, version: number, spec: ServiceSpec): Promise<void>;
  /** A server-side rollback to the previous spec (`docker service rollback`). */
  rollbackService(id: string, version: number, spec: ServiceSpec): Promise<void>;
  removeService(id: string): Promise<void>;
  /** Every task of the service, history included; [] for a service that is gone. */
  listTasks(serviceId: string): Promise<TaskSummary[]>;
  inspectTask(id: string): Promise<TaskSummary | null>;
  /** The whole output of one task (stdout and stderr, lines as they came), '' when there is none. */
  taskLogs(taskId: string): Promise<string>;
  /** An object-mode stream of LogLine: the service's lines with timestamps and task details, as they come. */
  serviceLogs(serviceId: string, options: ServiceLogOptions): Promise<Readable>;

  // The engine this port talks to, as a plain Docker host (task containers on this node); see
  // container-port.ts for the rest.

  /** A tar stream of `path` in the container's filesystem, or null when it does not exist. */
  getArchive(containerId: string, path: string): Promise<Readable | null>;
  pathExists(containerId: string, path: string): Promise<boolean>;
  /** Starts a command in a running container; stdin stays open until the session ends it. */
  exec(containerId: string, command: string[], tty: boolean): Promise<{ id: string; session: ExecSession }>;
  /** null while the command runs. */
  execExitCode(execId: string): Promise<number | null>;
  resizeExec(execId: string, rows: number, columns: number): Promise<void>;
}
