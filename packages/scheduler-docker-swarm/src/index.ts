/** @pier/scheduler-docker-swarm: this file is the package's only public surface. */
export { schedulerDockerSwarm, PACKAGE_NAME, SCHEDULER_NAME } from './plugin.js';
export { dockerSwarmProperties, PROPERTY_PLUGIN } from './properties.js';
