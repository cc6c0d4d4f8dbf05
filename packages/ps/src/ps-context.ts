import { dispatchToScheduler, schedulerAppStatus, schedulerIsDeployed, UsageError, type Output, type PluginContext, type TriggerBus } from '@pier/plugin-api';
import { createDeployer, type Deployer } from './deployer.js';
import type { PsState } from './ps-state.js';

/** What every ps command works with: the bus, the output, ps's state and the deploy steps. */
export interface Ps {
  readonly context: PluginContext;
  readonly bus: TriggerBus;
  readonly log: Output;
  readonly state: PsState;
  readonly deployer: Deployer;
  /** Whether the app's scheduler runs (or ran) a release of it. */
  isDeployed(app: string, command: string): Promise<boolean>;
  /**
   * Refuses a process type the app neither scales nor runs (ps:stop/ps:restart with a type): one
   * that still has containers (the image no longer defines it) can be stopped or restarted.
   */
  assertProcessType(app: string, processType: string, command: string): Promise<void>;
}

export function createPs(context: PluginContext): Ps {
  const deployer = createDeployer(context);
  const { state } = deployer;
  return {
    context,
    bus: context.bus,
    log: context.log,
    state,
    deployer,
    isDeployed: (app, command) => dispatchToScheduler(context.bus, schedulerIsDeployed, { app }, command),
    async assertProcessType(app, processType, command) {
      const scale = await state.scale(app);
      if (scale.has(processType)) return;
      const { containers } = await dispatchToScheduler(context.bus, schedulerAppStatus, { app }, command);
      if (!containers.some((c) => c.dyno.startsWith(`${processType}.`))) {
        const known = [...scale.keys()].sort().join(', ');
        throw new UsageError(`Process type ${processType} is not defined for ${app} (process types: ${known})`);
      }
    },
  };
}
