/**
 * @pier/scheduler-docker-local: runs Pier app containers on the local Docker engine, the way
 * Dokku's docker-local scheduler does. This file is the package's only public surface.
 */
export { schedulerDockerLocal, PACKAGE_NAME, SCHEDULER_NAME, type SchedulerDockerLocalOptions } from './plugin.js';
export { dockerLocalProperties, type DockerLocalProperty } from './properties.js';
export { createDockerodePort, type DockerodePortOptions } from './dockerode-port.js';
export type {
  ContainerDetails,
  ContainerSummary,
  CreateContainerSpec,
  DockerPort,
  ExecResult,
  ExecSpec,
  ExecState,
  ImageDetails,
  LogOptions,
  RestartPolicy,
} from './docker-port.js';
export type { Clock } from '@pier/plugin-api';
export { processInterrupts, type InterruptSource } from '@pier/plugin-api';
export type { HttpResult, Probes } from './probes.js';
export { readStoredRelease, type StoredRelease } from './state-files.js';
