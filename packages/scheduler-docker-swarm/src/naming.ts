/**
 * How an app maps onto Swarm: one replicated service per process type, named like a stack's
 * (`<app>_<type>`) and labelled with the app, the type and the state root. Labels, not names,
 * are the source of truth: Pier keeps no state files, the swarm tells it what runs.
 *
 *   service  <app>_<type>       labels: com.dokku.app-name, com.dokku.process-type, com.pier.root,
 *                               com.pier.network-mode (and com.pier.procfile-command)
 *   task     <type>.<slot>      the dyno; its container also carries com.pier.deploy (see below)
 */
import { createHash } from 'node:crypto';
import { LABEL_APP, LABEL_PROCESS_TYPE, LABEL_ROOT, rootLabelValue } from '@pier/plugin-api';

/**
 * On the task template's container labels: a fresh id per deploy. It makes every deploy roll
 * the tasks (a restart really restarts) and tells this deploy's tasks from the previous ones.
 */
export const LABEL_DEPLOY = 'com.pier.deploy';
/** On a service whose type has a Procfile command: the command as written (`$PORT` unsubstituted). */
export const LABEL_PROCFILE_COMMAND = 'com.pier.procfile-command';
/**
 * On every service: the network-mode its deploy used (`bridge`, `host` or a network's name), for
 * an attached `run`, whose container joins the same network. The spec cannot tell: the engine
 * keeps `TaskTemplate.Networks[].Target` as the network's id, even for `host`.
 */
export const LABEL_NETWORK_MODE = 'com.pier.network-mode';
/**
 * On a service ps:stop scaled to zero: how many replicas it had. The app then reads as stopped
 * (`exited` dynos, as docker-local's stopped containers do) rather than as scaled to zero, so
 * ps:start knows to bring it back. The next deploy writes a spec without it.
 */
export const LABEL_STOPPED = 'com.pier.stopped-replicas';

/** Swarm's rule for service names: a DNS label component, at most 63 characters. */
const SERVICE_NAME = /^[a-zA-Z0-9](?:[-_]*[A-Za-z0-9]+)*$/;
const MAX_SERVICE_NAME = 63;

/**
 * `<app>_<type>` when Swarm accepts it. App names may hold dots or end in a hyphen and may be up
 * to 63 characters, which Swarm refuses; such names are folded to the allowed characters and
 * suffixed with a hash of the exact pair, so two apps never share a service name.
 */
export function serviceName(app: string, type: string): string {
  const plain = `${app}_${type}`;
  if (plain.length <= MAX_SERVICE_NAME && SERVICE_NAME.test(plain)) return plain;
  const hash = createHash('sha256').update(`${app}\0${type}`).digest('hex').slice(0, 8);
  const trimEnd = (text: string) => text.replace(/[-_]+$/, '');
  const folded = plain.replace(/[^a-zA-Z0-9_-]/g, '-').slice(0, MAX_SERVICE_NAME - hash.length - 1);
  return `${trimEnd(folded)}-${hash}`;
}

/** The label filter of everything this root runs for an app (or for one of its types). */
export function appLabels(root: string, app: string, processType?: string): string[] {
  const labels = [`${LABEL_APP}=${app}`, `${LABEL_ROOT}=${rootLabelValue(root)}`];
  if (processType !== undefined) labels.push(`${LABEL_PROCESS_TYPE}=${processType}`);
  return labels;
}

export const dynoOf = (type: string, slot: number) => `${type}.${slot}`;

export const shortId = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);
