/**
 * The part of the Engine API's ServiceSpec this scheduler writes (durations in nanoseconds, as
 * the API has them). Specs read back from the engine carry more fields; they are passed through
 * untouched when a service is updated from its own spec (ps:stop scaling to zero).
 */

export interface HealthConfig {
  /** `['CMD', …]`, `['CMD-SHELL', '…']`, or `['NONE']` to turn the image's HEALTHCHECK off. */
  Test: string[];
  Interval?: number;
  Timeout?: number;
  StartPeriod?: number;
  Retries?: number;
}

export interface RolloutConfig {
  Parallelism: number;
  Delay: number;
  FailureAction: 'pause' | 'continue' | 'rollback';
  Monitor: number;
  MaxFailureRatio: number;
  Order: 'stop-first' | 'start-first';
}

/** The task template's container part, as Pier writes it for app services and one-off tasks. */
export interface ContainerSpecPart {
  Image: string;
  /** The command (CMD) as argv; the image's ENTRYPOINT is kept, as `docker run img cmd…` does. */
  Args?: string[];
  Env: string[];
  Labels: Record<string, string>;
  Init?: boolean;
  StopGracePeriod: number;
  /** Spelt as the engine writes it back (the API reference says HealthCheck; Go reads both). */
  Healthcheck?: HealthConfig;
  /** A terminal for the task (one-off tasks with --force-tty); its output is then not multiplexed. */
  TTY?: boolean;
}

export interface TaskTemplate {
  ContainerSpec: ContainerSpecPart;
  RestartPolicy: { Condition: 'none' | 'on-failure' | 'any'; MaxAttempts?: number };
  Placement: { Constraints?: string[]; MaxReplicas?: number };
  Networks?: { Target: string }[];
}

export interface ServiceSpec {
  Name: string;
  Labels: Record<string, string>;
  TaskTemplate: TaskTemplate;
  Mode: { Replicated: { Replicas: number } };
  UpdateConfig: RolloutConfig;
  RollbackConfig: RolloutConfig;
  EndpointSpec: { Mode: 'dnsrr' | 'vip' };
}

/**
 * A one-off task (`run:detached`): one replica that is never restarted, so it runs once, to
 * completion, and no rollout settings, since it is never updated. Not a `ReplicatedJob` (API
 * 1.41), though that is what it is: Engine 20.10 keeps a removed job's tasks and containers
 * (moby/moby#42789, fixed in 24.0), and every one-off service is removed in the end.
 */
export interface OneOffServiceSpec {
  Name: string;
  Labels: Record<string, string>;
  TaskTemplate: TaskTemplate & { RestartPolicy: { Condition: 'none' } };
  Mode: { Replicated: { Replicas: 1 } };
  EndpointSpec: { Mode: 'dnsrr' };
}

/** Durations: the API counts nanoseconds. */
export const seconds = (value: number) => Math.round(value * 1e9);
