/**
 * Container names and labels, Dokku's layout. Names and labels on the engine are the source of
 * truth for which containers are live (Pier keeps no CONTAINER.<dyno> files):
 *
 *   <app>.<type>.<n>                   live: the container currently serving dyno <type>.<n>
 *   <app>.<type>.<n>.upcoming-<rand>   being deployed; a leftover one is stale (crash or failure)
 *   <app>.<type>.<n>.<unix-epoch>      replaced, waiting for retirement
 *
 * Every container Pier creates also carries the state root it belongs to (plugin-api's LABEL_ROOT,
 * with Dokku's labels), so that several roots can share one engine (see root-scope.ts).
 */
import { LABEL_APP, LABEL_CONTAINER_TYPE, LABEL_ROOT } from '@pier/plugin-api';
import type { ContainerSummary, DockerPort } from './docker-port.js';

/** Dokku's DOKKU_CONTAINER_LABEL: every deployed container carries `dokku` (empty value). */
export const LABEL_DOKKU = 'dokku';

/**
 * Not Dokku's: where a host-mode web container listens on loopback (`127.0.0.1:<port>`), the
 * engine-side record of Dokku's PORT.web.<n> files; it gives the app's URLs.
 */
export const LABEL_LISTEN = 'com.pier.listen';

/** DOKKU_GLOBAL_RUN_ARGS: added to deployed containers, not to one-off ones. */
export const GLOBAL_LABELS: Readonly<Record<string, string>> = {
  'org.label-schema.schema-version': '1.0',
  'org.label-schema.vendor': 'dokku',
  [LABEL_DOKKU]: '',
};

export type ContainerRole = 'live' | 'upcoming' | 'retired' | 'unknown';

export interface DeployContainer extends ContainerSummary {
  role: ContainerRole;
  /** From the name; '' and 0 for an `unknown` name. */
  type: string;
  index: number;
  /** `<type>.<n>`. */
  dyno: string;
}

const NAME_TAIL = /^([a-zA-Z0-9][a-zA-Z0-9_-]*)\.([1-9][0-9]*)(?:\.(upcoming-[0-9]+|[0-9]+))?$/;

export const containerName = (app: string, type: string, index: number) => `${app}.${type}.${index}`;

export function upcomingName(app: string, type: string, index: number, random: number): string {
  return `${containerName(app, type, index)}.upcoming-${random}`;
}

/** Reads a deploy container's role from its name (the app is known from the label). */
export function classifyName(app: string, name: string): Pick<DeployContainer, 'role' | 'type' | 'index' | 'dyno'> {
  const match = name.startsWith(`${app}.`) ? NAME_TAIL.exec(name.slice(app.length + 1)) : null;
  if (!match) return { role: 'unknown', type: '', index: 0, dyno: '' };
  const [, type, index, suffix] = match as unknown as [string, string, string, string | undefined];
  const role: ContainerRole = suffix === undefined ? 'live' : suffix.startsWith('upcoming-') ? 'upcoming' : 'retired';
  return { role, type, index: Number(index), dyno: `${type}.${index}` };
}

/** Type (alphabetical) then index (numeric): web.2 before web.10. */
export function byDyno(a: { type: string; index: number }, b: { type: string; index: number }): number {
  return a.type < b.type ? -1 : a.type > b.type ? 1 : a.index - b.index;
}

/** Rows of an app's deploy containers, classified, in dyno order. */
export const deployContainersOf = (app: string, rows: readonly ContainerSummary[]): DeployContainer[] =>
  rows.map((row) => ({ ...row, ...classifyName(app, row.name) })).sort(byDyno);

/** Every deploy container of an app, classified, in dyno order. */
export async function listDeployContainers(docker: DockerPort, app: string): Promise<DeployContainer[]> {
  return deployContainersOf(app, await docker.listContainers([`${LABEL_APP}=${app}`, `${LABEL_CONTAINER_TYPE}=deploy`]));
}

export const liveContainers = (containers: DeployContainer[]) => containers.filter((c) => c.role === 'live');

export const shortId = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);
