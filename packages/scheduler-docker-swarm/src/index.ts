/**
 * @pier/scheduler-docker-swarm: runs Pier apps as Docker Swarm services, one per process type,
 * with health-gated, start-first rollouts that roll back on failure. This file is the package's
 * only public surface.
 */
export { schedulerDockerSwarm, PACKAGE_NAME, SCHEDULER_NAME, type SchedulerDockerSwarmOptions } from './plugin.js';
export { dockerSwarmProperties, PROPERTY_PLUGIN, type DockerSwarmProperty } from './properties.js';
export { createDockerodeSwarmPort, type DockerodeSwarmPortOptions } from './dockerode-swarm-port.js';
export type { ExecSession, ImageDetails, LogLine, ServiceLogOptions, ServiceSummary, SwarmNode, SwarmPort, TaskSummary, UpdateStatus } from './swarm-port.js';
export type { HealthConfig, RolloutConfig, ServiceSpec } from './service-spec-types.js';
export type { Clock } from '@pier/plugin-api';
export { processInterrupts, type InterruptSource } from '@pier/plugin-api';
