/**
 * What the tasks run. Pier deploys local images (`pier deploy <app> <image>`), and a swarm node
 * can only run an image it has or can pull:
 * - `image-reference id` (default): the image id (`sha256:…`). Swarm then uses the node's copy
 *   without asking a registry, which is what a one-node swarm (or nodes loaded alike) needs.
 * - `image-reference name`: the reference as given, which every node pulls from its registry.
 *   Pushing it there is the user's job (Pier does not push); the manager still needs a local
 *   copy to read the Procfile and app.json.
 */
import { ErrorCodes, PierError } from '@pier/plugin-api';
import type { SwarmSettings } from './properties.js';
import type { Runtime } from './runtime.js';
import type { ImageDetails, SwarmNode } from './swarm-port.js';

export async function taskImage(rt: Runtime, reference: string, settings: SwarmSettings, node: SwarmNode): Promise<{ image: string; details: ImageDetails }> {
  const details = await rt.engine.inspectImage(reference);
  if (!details) throw new PierError(ErrorCodes.IMAGE_NOT_FOUND, `Image ${reference} not found`);
  if (settings.imageReference === 'name') return { image: reference, details };
  if (node.nodes > 1) {
    rt.log.warn(`The swarm has ${node.nodes} nodes and tasks run image ${details.id}: nodes without it cannot run them; push ${reference} to a registry and set image-reference to name`);
  }
  return { image: details.id, details };
}
