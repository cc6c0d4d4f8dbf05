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

export interface ServiceSpec {
  Name: string;
  Labels: Record<string, string>;
  TaskTemplate: {
    ContainerSpec: {
      Image: string;
      /** The command (CMD) as argv; the image's ENTRYPOINT is kept, as `docker run img cmd…` does. */
      Args?: string[];
      Env: string[];
      Labels: Record<string, string>;
      Init?: boolean;
      StopGracePeriod: number;
      /** Spelt as the engine writes it back (the API reference says HealthCheck; Go reads both). */
      Healthcheck?: HealthConfig;
    };
    RestartPolicy: { Condition: 'none' | 'on-failure' | 'any'; MaxAttempts?: number };
    Placement: { Constraints?: string[]; MaxReplicas?: number };
    Networks?: { Target: string }[];
  };
  Mode: { Replicated: { Replicas: number } };
  UpdateConfig: RolloutConfig;
  RollbackConfig: RolloutConfig;
  EndpointSpec: { Mode: 'dnsrr' | 'vip' };
}

/** Durations: the API counts nanoseconds. */
export const seconds = (value: number) => Math.round(value * 1e9);
