import type { InputOf, OutputOf } from '../bus/define-trigger.js';
import { createTriggerBus, type TriggerBus } from '../bus/trigger-bus.js';
import { ErrorCodes, PierError } from '../errors/index.js';
import { createOutput, type Output, type PluginIO } from '../output/index.js';
import type { PierPlugin } from '../plugin/define-plugin.js';
import { schedulerTriggers, type SchedulerImplementation } from '../scheduler/define-scheduler.js';
import type { AppStatus, Release } from '../scheduler/release.js';
import { schedulerInfo } from '../triggers/scheduler.js';
import { memoryProperties, type PropertyValues } from './memory-properties.js';

export interface EmbeddedHostOptions {
  /** The plugins to register, e.g. `[schedulerDockerLocal()]`. */
  plugins: PierPlugin[];
  /** The state directory: schedulers keep their data under `<root>/data/<plugin>`. */
  root: string;
  /** Initial property values (by plugin, scope, key), e.g. `{ 'scheduler-docker-local': { '--global': { 'network-mode': 'host' } } }`. */
  properties?: PropertyValues;
  /** Where plugin output goes; the process's streams by default. */
  io?: PluginIO;
  /** Drop the lines Dokku's `--quiet` drops. */
  quiet?: boolean;
  /** The environment plugins see (`DOCKER_HOST`, ...); `process.env` by default. */
  env?: Readonly<Record<string, string | undefined>>;
}

type SchedulerMethod = keyof SchedulerImplementation;
type MethodInput<M extends SchedulerMethod> = InputOf<(typeof schedulerTriggers)[M]>;
type MethodOutput<M extends SchedulerMethod> = OutputOf<(typeof schedulerTriggers)[M]>;

/** One registered scheduler, called directly by name (no app → scheduler selection). */
export interface EmbeddedScheduler {
  readonly name: string;
  deploy(app: string, release: Release, options?: { processType?: string }): Promise<void>;
  /** Stops the app's processes; `removeContainers` also removes them (default false, like `ps:stop`). */
  stop(app: string, options?: { removeContainers?: boolean; processType?: string }): Promise<void>;
  status(app: string): Promise<AppStatus>;
  isDeployed(app: string): Promise<boolean>;
  /** What `apps:destroy` asks of a scheduler: stop and remove the processes, then drop its data for the app. */
  destroy(app: string): Promise<void>;
  /** Whether the scheduler implements a capability (e.g. `logs`); an unknown method name is a PIER_ERR_USAGE error. */
  supports(method: SchedulerMethod): boolean;
  /** Any capability by method name, with the trigger's input; fails with PIER_ERR_SCHEDULER_UNSUPPORTED when missing. */
  call<M extends SchedulerMethod>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
}

export interface EmbeddedHost {
  /** The host's bus, for anything the helpers do not cover. */
  readonly bus: TriggerBus;
  readonly log: Output;
  /** The names of the registered schedulers, sorted. */
  schedulers(): string[];
  /** A registered scheduler by name; throws PIER_ERR_SCHEDULER_NOT_INSTALLED naming the registered ones. */
  scheduler(name: string): EmbeddedScheduler;
}

const processIO = (): PluginIO => ({
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  isTTY: Boolean(process.stdin.isTTY && process.stdout.isTTY),
});

/**
 * Runs schedulers without the CLI: a bus, an in-memory property store and the given plugins.
 * Calls made through the helpers come from an untrusted caller, so their input is validated
 * against the trigger schemas (a malformed release is a clear PIER_ERR_TRIGGER_CONTRACT, not a
 * failure deep inside a scheduler).
 */
export async function createEmbeddedHost(options: EmbeddedHostOptions): Promise<EmbeddedHost> {
  const bus = createTriggerBus();
  const io = options.io ?? processIO();
  const log = createOutput(io, { quiet: options.quiet ?? false });
  const env = options.env ?? process.env;
  for (const plugin of [memoryProperties(options.properties), ...options.plugins]) {
    const scoped = bus.scoped({ plugin: plugin.name, trusted: true });
    await plugin.register({ bus: scoped, log, io, root: options.root, env });
  }
  const caller = bus.scoped({ plugin: 'embedding program', trusted: false });
  const schedulers = () => caller.keys(schedulerInfo);

  return {
    bus,
    log,
    schedulers,
    scheduler(name) {
      if (!schedulers().includes(name)) {
        throw new PierError(
          ErrorCodes.SCHEDULER_NOT_INSTALLED,
          `Scheduler ${name} is not registered (registered: ${schedulers().join(', ') || 'none'})`,
        );
      }
      return embeddedScheduler(caller, name);
    },
  };
}

const methods = Object.keys(schedulerTriggers) as SchedulerMethod[];

/** JavaScript callers get no compile-time check of the method name: refuse an unknown one clearly. */
function triggerOf(method: SchedulerMethod) {
  if (!Object.hasOwn(schedulerTriggers, method)) {
    throw new PierError(ErrorCodes.USAGE, `${String(method)} is not a scheduler method (methods: ${methods.join(', ')})`);
  }
  return schedulerTriggers[method];
}

function embeddedScheduler(bus: TriggerBus, name: string): EmbeddedScheduler {
  const supports = (method: SchedulerMethod) => bus.keys(triggerOf(method)).includes(name);
  async function call<M extends SchedulerMethod>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    if (!supports(method)) {
      throw new PierError(ErrorCodes.SCHEDULER_UNSUPPORTED, `Scheduler ${name} does not support ${method}`);
    }
    // The Record of triggers loses the link between a method and its trigger's types.
    return bus.keyed(triggerOf(method), name, input as never) as Promise<MethodOutput<M>>;
  }

  return {
    name,
    supports,
    call,
    deploy: (app, release, { processType } = {}) =>
      call('deploy', { app, release, ...(processType === undefined ? {} : { processType }) }),
    stop: (app, { removeContainers = false, processType } = {}) =>
      call('stop', { app, removeContainers, ...(processType === undefined ? {} : { processType }) }),
    status: (app) => call('appStatus', { app }),
    isDeployed: (app) => call('isDeployed', { app }),
    async destroy(app) {
      await call('stop', { app, removeContainers: true });
      if (supports('postDelete')) await call('postDelete', { app });
    },
  };
}
