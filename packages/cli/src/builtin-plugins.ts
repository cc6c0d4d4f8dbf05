/**
 * The plugins that ship with the CLI, in registration order. Each is loaded through its
 * package.json manifest like a third-party plugin, but trusted (its trigger traffic is not
 * re-validated at run time: the type checker and the test suite cover it).
 */
export const builtinPluginPackages = [
  '@pier/core-properties',
  '@pier/apps',
  '@pier/report',
  '@pier/scheduler',
  '@pier/scheduler-docker-local',
  '@pier/scheduler-docker-swarm',
  '@pier/scheduler-null',
  '@pier/ps',
  '@pier/checks',
  '@pier/logs',
  '@pier/run',
  '@pier/enter',
] as const;
