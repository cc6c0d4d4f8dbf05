/** The engine must be a swarm manager to create and watch services; say so plainly when it is not. */
import { ErrorCodes, PierError } from '@pier/plugin-api';
import type { Runtime } from './runtime.js';
import type { SwarmNode } from './swarm-port.js';

export async function requireManager(rt: Runtime): Promise<SwarmNode> {
  const node = await rt.engine.swarmNode();
  const where = `The Docker engine at ${rt.engine.endpoint}`;
  if (!node) {
    throw new PierError(ErrorCodes.COMMAND_FAILED, `${where} is not part of a swarm: run \`docker swarm init\` there, or point DOCKER_HOST at a swarm manager`);
  }
  if (!node.isManager) throw new PierError(ErrorCodes.COMMAND_FAILED, `${where} is a swarm worker: point DOCKER_HOST at a swarm manager`);
  return node;
}
