import {
  definePlugin,
  defineScheduler,
  schedulerDetect,
  type PierPlugin,
  type SchedulerImplementation,
} from '@pier/plugin-api';

export interface SchedulerCall {
  method: string;
  input: unknown;
}

export interface RecordingScheduler {
  readonly plugin: PierPlugin;
  /** Every call in order, e.g. `{ method: 'stop', input: { app: 'blog', removeContainers: true } }`. */
  readonly calls: SchedulerCall[];
  methods(): string[];
}

/**
 * A scheduler that records what it is asked to do. It implements the four required methods
 * (deploy, stop, appStatus reporting the deployed apps, isDeployed) plus whatever `extra` adds;
 * every extra method is recorded too.
 */
export function recordingScheduler(
  scheduler: string,
  extra: Partial<SchedulerImplementation> = {},
): RecordingScheduler {
  const calls: SchedulerCall[] = [];
  const deployed = new Set<string>();
  const record =
    <I, O>(method: string, fn: (input: I) => O) =>
    (input: I): O => {
      calls.push({ method, input });
      return fn(input);
    };

  const implementation: SchedulerImplementation = {
    deploy: record('deploy', ({ app }) => void deployed.add(app)),
    stop: record('stop', () => undefined),
    appStatus: record('appStatus', ({ app }) => ({
      processes: deployed.has(app) ? 1 : 0,
      running: deployed.has(app) ? ('true' as const) : ('false' as const),
      containers: deployed.has(app) ? [{ dyno: 'web.1', state: 'running', id: `${app}-web-1` }] : [],
    })),
    isDeployed: record('isDeployed', ({ app }) => deployed.has(app)),
  };
  for (const [method, fn] of Object.entries(extra)) {
    (implementation as unknown as Record<string, unknown>)[method] = record(method, fn as (input: unknown) => unknown);
  }

  const plugin = defineScheduler(
    { name: `@pier/plugin-testkit/recording-${scheduler}`, scheduler, description: 'records calls (tests)' },
    () => implementation,
  );
  return { plugin, calls, methods: () => calls.map((c) => c.method) };
}

/** Answers scheduler:detect with a fixed name (stands in for @pier/scheduler in tests). */
export function fixedSchedulerSelection(scheduler: string): PierPlugin {
  return definePlugin({
    name: '@pier/plugin-testkit/fixed-scheduler-selection',
    register({ bus }) {
      bus.tap(schedulerDetect, () => scheduler);
    },
  });
}
