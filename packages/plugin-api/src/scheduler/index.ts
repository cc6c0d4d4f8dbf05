export {
  defineScheduler,
  requiredSchedulerMethods,
  schedulerTriggers,
  type SchedulerDefinition,
  type SchedulerImplementation,
} from './define-scheduler.js';
export { inspectImage, uninspectedImage, type ImageInfo, type InspectedImage } from './image-info.js';
export { SchedulerUnsupportedError } from './unsupported.js';
export { SchedulerNotInstalledError, dispatchToScheduler, installedSchedulers, schedulerNotInstalled, selectedScheduler } from './dispatch.js';
export { schedulersInUse } from './schedulers-in-use.js';
export {
  appStatusSchema,
  healthcheckSchema,
  processSpecSchema,
  releaseSchema,
  runningStateSchema,
  type AppStatus,
  type Healthcheck,
  type ProcessSpec,
  type Release,
} from './release.js';
export { ProcfileCommandSyntaxError, splitProcfileCommand, type QuotingProblem } from './procfile-command.js';
export { humanDuration } from './human-duration.js';
export { notDeployed } from './not-deployed.js';
