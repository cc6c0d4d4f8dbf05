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
 *
 * The label is the root's real path (naming.ts). A Pier before that labelled the path as spelled,
 * so a label that differs is compared by its real path too: the same directory reached through a
 * symlink is the same root, and containers labelled either way stay this root's.
 */
import { ErrorCodes, PierError, LABEL_APP, LABEL_CONTAINER_TYPE, LABEL_ROOT, rootLabelValue } from '@pier/plugin-api';
import type { ContainerSummary, CreateContainerSpec, DockerPort } from './docker-port.js';
import { classifyName } from './naming.js';

type Belongs = (labels: Readonly<Record<string, string>>, legacyToo: boolean) => boolean;

/** Ours (under any spelling of the root), or unlabelled (older Pier) when `legacyToo`. */
function ownership(root: string): Belongs {
  // Label values seen so far → their real paths: a listing resolves each distinct value once.
  const resolved = new Map<string, string>([[root, root]]);
  const realPathOf = (value: string) => {
    if (!resolved.has(value)) resolved.set(value, rootLabelValue(value));
    return resolved.get(value)!;
  };
  return (labels, legacyToo) => {
    const owner = labels[LABEL_ROOT];
    if (owner === undefined) return legacyToo;
    return owner === root || realPathOf(owner) === root;
  };
}

export function scopeToRoot(engine: DockerPort, stateRoot: string): DockerPort {
  const root = rootLabelValue(stateRoot);
  const belongs = ownership(root);
  const scoped: Partial<DockerPort> = {
    createContainer: (spec: CreateContainerSpec) => engine.createContainer({ ...spec, Labels: { ...spec.Labels, [LABEL_ROOT]: root } }),
    async listContainers(labels: string[]): Promise<ContainerSummary[]> {
      const appScoped = labels.some((label) => label.startsWith(`${LABEL_APP}=`));
      // A global listing asks the engine for labelled containers only; an app-scoped one also
      // gets the unlabelled ones. Other roots' are dropped here: a filter can neither say "no such
      // label" nor match another spelling of this root.
      const rows = await engine.listContainers(appScoped ? labels : [...labels, LABEL_ROOT]);
      return rows.filter((row) => belongs(row.labels, appScoped));
    },
    async inspectContainer(id: string) {
      const details = await engine.inspectContainer(id);
      return details && belongs(details.labels, true) ? details : null;
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
 *
 * Returns the rest of the same listing: the app's deploy containers as this root sees them (its
 * own and unlabelled ones, as the scoped port lists them), so a deploy asks the engine once.
 */
export async function ownDeployRows(engine: DockerPort, stateRoot: string, app: string): Promise<ContainerSummary[]> {
  const belongs = ownership(rootLabelValue(stateRoot));
  const rows = await engine.listContainers([`${LABEL_APP}=${app}`, `${LABEL_CONTAINER_TYPE}=deploy`]);
  const taken = rows.find((row) => !belongs(row.labels, true) && classifyName(app, row.name).role === 'live');
  if (taken) {
    throw new PierError(
      ErrorCodes.DEPLOY_FAILED,
      `Container ${taken.name} belongs to another Pier state root on this Docker engine (${taken.labels[LABEL_ROOT]}); container names are shared by every root, so deploy this app under another name`,
    );
  }
  return rows.filter((row) => belongs(row.labels, true));
}

/** ownDeployRows without the rows (the check again right before the swap). */
export async function refuseOtherRootsApp(engine: DockerPort, stateRoot: string, app: string): Promise<void> {
  await ownDeployRows(engine, stateRoot, app);
}
