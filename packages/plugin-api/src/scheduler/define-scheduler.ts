import type { Handler } from '../bus/trigger-bus.js';
import type { InputOf, OutputOf, TriggerOfKind } from '../bus/define-trigger.js';
import { definePlugin, type PierPlugin, type PluginContext } from '../plugin/define-plugin.js';
import {
  schedulerAppStatus,
  schedulerDeploy,
  schedulerEnter,
  schedulerImageInfo,
  schedulerInfo,
  schedulerInspect,
  schedulerIsDeployed,
  schedulerLogs,
  schedulerLogsFailed,
  schedulerPostDelete,
  schedulerPreRestore,
  schedulerRegisterRetired,
  schedulerRetire,
  schedulerRun,
  schedulerRunList,
  schedulerRunLogs,
  schedulerRunRetire,
  schedulerRunStop,
  schedulerStop,
} from '../triggers/scheduler.js';

type Method<T extends TriggerOfKind<'keyed'>> = (input: InputOf<T>) => Promise<OutputOf<T>> | OutputOf<T>;

/**
 * The methods a scheduler implements. The first four are required (every scheduler must be able
 * to deploy, stop and report an app); the others are capabilities: leaving one out means the
 * matching command fails with "Scheduler <name> does not support <command>". `imageInfo` is the
 * exception: without it `pier deploy` still works, reading no Procfile or app.json from the image
 * (see inspectImage).
 */
export interface SchedulerImplementation {
  deploy: Method<typeof schedulerDeploy>;
  stop: Method<typeof schedulerStop>;
  appStatus: Method<typeof schedulerAppStatus>;
  isDeployed: Method<typeof schedulerIsDeployed>;
  imageInfo?: Method<typeof schedulerImageInfo>;
  postDelete?: Method<typeof schedulerPostDelete>;
  retire?: Method<typeof schedulerRetire>;
  registerRetired?: Method<typeof schedulerRegisterRetired>;
  run?: Method<typeof schedulerRun>;
  runList?: Method<typeof schedulerRunList>;
  runLogs?: Method<typeof schedulerRunLogs>;
  runStop?: Method<typeof schedulerRunStop>;
  runRetire?: Method<typeof schedulerRunRetire>;
  logs?: Method<typeof schedulerLogs>;
  logsFailed?: Method<typeof schedulerLogsFailed>;
  enter?: Method<typeof schedulerEnter>;
  inspect?: Method<typeof schedulerInspect>;
  preRestore?: Method<typeof schedulerPreRestore>;
}

/** Which trigger each method answers. A Record, so adding a method without a trigger does not compile. */
export const schedulerTriggers = {
  deploy: schedulerDeploy,
  stop: schedulerStop,
  appStatus: schedulerAppStatus,
  isDeployed: schedulerIsDeployed,
  imageInfo: schedulerImageInfo,
  postDelete: schedulerPostDelete,
  retire: schedulerRetire,
  registerRetired: schedulerRegisterRetired,
  run: schedulerRun,
  runList: schedulerRunList,
  runLogs: schedulerRunLogs,
  runStop: schedulerRunStop,
  runRetire: schedulerRunRetire,
  logs: schedulerLogs,
  logsFailed: schedulerLogsFailed,
  enter: schedulerEnter,
  inspect: schedulerInspect,
  preRestore: schedulerPreRestore,
} as const satisfies Record<keyof SchedulerImplementation, TriggerOfKind<'keyed'>>;

export const requiredSchedulerMethods = ['deploy', 'stop', 'appStatus', 'isDeployed'] as const;

export interface SchedulerDefinition {
  /** The npm package name. */
  name: string;
  /** The scheduler name users select: `scheduler:set <app> selected <scheduler>`. */
  scheduler: string;
  description: string;
}

const SCHEDULER_NAME = /^[a-z0-9][a-z0-9-]*$/;

/**
 * Builds a scheduler plugin: `setup` runs at registration (keep it cheap, load heavy modules
 * inside the methods) and returns the implementation, whose methods are tapped under the
 * scheduler's name. `setup` may also register commands and other taps through the context.
 */
export function defineScheduler(
  definition: SchedulerDefinition,
  setup: (context: PluginContext) => SchedulerImplementation | Promise<SchedulerImplementation>,
): PierPlugin {
  if (!SCHEDULER_NAME.test(definition.scheduler)) {
    throw new TypeError(`scheduler name "${definition.scheduler}" must be lowercase alphanumerics and hyphens`);
  }
  return definePlugin({
    name: definition.name,
    async register(context) {
      const implementation = await setup(context);
      for (const method of requiredSchedulerMethods) {
        if (typeof implementation[method] !== 'function') {
          throw new TypeError(`scheduler ${definition.scheduler} (${definition.name}) must implement ${method}()`);
        }
      }
      const { bus } = context;
      bus.tapKeyed(schedulerInfo, definition.scheduler, () => ({
        plugin: definition.name,
        description: definition.description,
      }));
      for (const [method, trigger] of Object.entries(schedulerTriggers)) {
        const handler = implementation[method as keyof SchedulerImplementation];
        if (typeof handler === 'function') {
          bus.tapKeyed(trigger, definition.scheduler, handler.bind(implementation) as Handler<typeof trigger>);
        }
      }
    },
  });
}
