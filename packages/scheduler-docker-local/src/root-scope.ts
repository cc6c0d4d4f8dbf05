/**
 * Several state roots (PIER_ROOTs of other users, parallel test runs, ...) may share one Docker
 * engine, and each must only ever see and touch its own containers. Rather than trusting every
 * lookup to add a filter, the scheduler talks to the engine through this view of it:
 *
 *   - every container created gets the root's label (LABEL_ROOT), deploy, one-off and
 *     image-info containers alike;
 *   - listings and inspections leave out containers labelled with another root.
 *
 * Containers without the label come from a Pier that predates root labels. An app-scoped listing
 * (one filtering on `com.dokku.app-name=<app>`) still sees them, so after an upgrade a root keeps
 * managing the apps it deployed, and their next deploy replaces them with labelled containers. A
 * global sweep (run:retire or ps:retire without an app, ps:restore's clean-up) only ever touches
 * containers labelled with this root.
 */
import { ErrorCodes, PierError } from '@pier/plugin-api';
import type { ContainerSummary, CreateContainerSpec, DockerPort } from './docker-port.js';
import { classifyName, LABEL_APP, LABEL_CONTAINER_TYPE, LABEL_ROOT, rootLabelValue } from './naming.js';

/** Ours, or unlabelled (older Pier) when `legacyToo`. */
function belongs(labels: Readonly<Record<string, string>>, root: string, legacyToo: boolean): boolean {
  const owner = labels[LABEL_ROOT];
  return owner === root || (legacyToo && owner === undefined);
}

export function scopeToRoot(engine: DockerPort, stateRoot: string): DockerPort {
  const root = rootLabelValue(stateRoot);
  const scoped: Partial<DockerPort> = {
    createContainer: (spec: CreateContainerSpec) => engine.createContainer({ ...spec, Labels: { ...spec.Labels, [LABEL_ROOT]: root } }),
    async listContainers(labels: string[]): Promise<ContainerSummary[]> {
      const appScoped = labels.some((label) => label.startsWith(`${LABEL_APP}=`));
      // A global listing asks the engine for this root's containers only; an app-scoped one also
      // gets the unlabelled ones and drops other roots' here (a filter cannot say "no such label").
      const rows = await engine.listContainers(appScoped ? labels : [...labels, `${LABEL_ROOT}=${root}`]);
      return rows.filter((row) => belongs(row.labels, root, appScoped));
    },
    async inspectContainer(id: string) {
      const details = await engine.inspectContainer(id);
      return details && belongs(details.labels, root, true) ? details : null;
    },
  };
  // Everything else goes straight to the engine: those calls act on containers found above.
  return new Proxy(engine, {
    get(target, property) {
      if (Object.hasOwn(scoped, property)) return scoped[property as keyof DockerPort];
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * Container names are engine-wide, labels are not: when another root already runs an app of this
 * name, the new containers could never take their live names. Said before anything is started.
 */
export async function refuseOtherRootsApp(engine: DockerPort, stateRoot: string, app: string): Promise<void> {
  const root = rootLabelValue(stateRoot);
  const rows = await engine.listContainers([`${LABEL_APP}=${app}`, `${LABEL_CONTAINER_TYPE}=deploy`]);
  const taken = rows.find((row) => !belongs(row.labels, root, true) && classifyName(app, row.name).role === 'live');
  if (!taken) return;
  throw new PierError(
    ErrorCodes.DEPLOY_FAILED,
    `Container ${taken.name} belongs to another Pier state root on this Docker engine (${taken.labels[LABEL_ROOT]}); container names are shared by every root, so deploy this app under another name`,
  );
}
