export {
  appExists,
  appList,
  appPostClone,
  appPostCloneSetup,
  appPostCreate,
  appPostDelete,
  appPostDeploy,
  appPostRename,
  appPostRenameSetup,
  appLockAcquire,
  appLockRelease,
  appPreDelete,
} from './app.js';
export { commandHelp, commandRun } from './command.js';
export {
  PROPERTY_KEY_PATTERN,
  PROPERTY_PLUGIN_PATTERN,
  PROPERTY_SCOPE_PATTERN,
  propertyGet,
  propertyGetAll,
  propertySet,
} from './property.js';
export { reportCollect, reportRender } from './report.js';
export {
  schedulerAppStatus,
  schedulerDeploy,
  schedulerDetect,
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
} from './scheduler.js';
export { releaseChecks } from './release.js';
export { schedulerUnavailable } from './host.js';
