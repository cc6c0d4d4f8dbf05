/**
 * The plain-container half of the engine Pier talks to (the swarm manager, as a Docker host):
 * what an attached one-off needs. A Swarm service cannot attach stdin, so `pier run` runs its
 * container here, on the manager's own engine, attached as `docker run -i --rm` is. The same
 * conventions as SwarmPort: "not found" is a value or a no-op, failures are PierErrors.
 */
import type { Readable } from 'node:stream';
import type { ExecSession } from './swarm-port.js';

export interface ContainerSummary {
  id: string;
  /** Without docker's leading slash. */
  name: string;
  /** Docker's: `created`, `running`, `exited`, `removing`, … */
  state: string;
  labels: Record<string, string>;
  /** Unix seconds, the engine's clock. */
  created: number;
  /** As `docker container ls` shows it (entrypoint and command). */
  command: string;
}

/** The container-create body this scheduler writes (a subset of the Engine API's). */
export interface ContainerCreateSpec {
  name: string;
  Image: string;
  Cmd: string[];
  Env?: string[];
  Labels: Record<string, string>;
  Tty?: boolean;
  /**
   * For a client that attaches: stdin held open for it and closed when it closes its side
   * (`echo hi | pier run app cat` sees EOF), output kept for it (the engine's Open/Attach flags).
   */
  attached?: boolean;
  /** Seconds `docker stop` waits before SIGKILL. */
  StopTimeout?: number;
  HostConfig: {
    NetworkMode: string;
    /** `--rm`: the engine removes the container once it exits, even when Pier is gone by then. */
    AutoRemove?: boolean;
    Init?: boolean;
    /** `[rows, columns]` of the caller's terminal, from the first byte on. */
    ConsoleSize?: [number, number];
  };
}

export interface ContainerLogOptions {
  follow: boolean;
  /** Lines from the end. */
  tail: number;
}

export interface ContainerPort {
  /** Containers of any state on this node carrying every label given. */
  listContainers(labels: string[]): Promise<ContainerSummary[]>;
  /** Returns its id; a name already taken is an error (the message says so: `… is already in use`). */
  createContainer(spec: ContainerCreateSpec): Promise<string>;
  /** Force-removes; a missing container is fine. */
  removeContainer(id: string): Promise<void>;
  /** A hijacked connection to the container's stdin, stdout and stderr; attach before starting to miss nothing. */
  attachContainer(id: string, tty: boolean): Promise<ExecSession>;
  /**
   * Watches for the container's removal (AutoRemove) and resolves once the engine watches: set
   * up before start, as `docker run --rm` does, so a fast command's status is not removed with it.
   */
  waitRemoved(id: string): Promise<{ exitCode: Promise<number> }>;
  startContainer(id: string): Promise<void>;
  /** `docker stop` with the container's own StopTimeout; a container already gone or stopped is fine. */
  stopContainer(id: string): Promise<void>;
  /** A container already gone or stopped is fine. */
  killContainer(id: string, signal: NodeJS.Signals): Promise<void>;
  resizeContainer(id: string, rows: number, columns: number): Promise<void>;
  /** An object-mode stream of LogLine, `<RFC 3339 time> <message>` each. */
  containerLogs(id: string, options: ContainerLogOptions): Promise<Readable>;
}
