/**
 * One-off processes (`run`, `run:detached`) and how they are found again. Each has docker-local's
 * name, `<app>.run.<n>` with n Dokku's `$RANDOM` (1–32767), which users pass to run:logs and
 * run:stop: an attached run is a container of that name on the manager's engine, a detached one
 * a one-off service (Swarm allows no dots in service names: `<app>__run_<n>`, which no process
 * type's `<app>_<type>` can be) that carries the name in a label. Both carry Dokku's labels and
 * the state root, so run:list, run:stop and run:retire find them by label, and a root never sees
 * another root's.
 */
import { LABEL_APP, LABEL_ROOT, rootLabelValue, serviceName } from './naming.js';

export const LABEL_CONTAINER_TYPE = 'com.dokku.container-type';
export const RUN_TYPE = 'run';
/** Seconds after creation when run:retire may stop the process (`--ttl-seconds`), Dokku's label. */
export const LABEL_DEADLINE = 'com.dokku.active-deadline-seconds';
/** `<app>.run.<n>`, on one-off services and containers alike. */
export const LABEL_RUN_NAME = 'com.pier.run-name';

export const randomRunNumber = () => 1 + Math.floor(Math.random() * 32767);

export const runName = (app: string, number: number) => `${app}.${RUN_TYPE}.${number}`;

export const runServiceName = (app: string, number: number) => serviceName(app, `_${RUN_TYPE}_${number}`);

/** The `<n>` of `<app>.run.<n>`, what run:logs prefixes lines with (`app[12345]:`). */
export const runNumberOf = (app: string, name: string) => name.slice(`${app}.${RUN_TYPE}.`.length);

/** The label filter of this root's one-off processes (of one app, or of every app). */
export function oneOffLabels(root: string, app?: string): string[] {
  const labels = [`${LABEL_CONTAINER_TYPE}=${RUN_TYPE}`, `${LABEL_ROOT}=${rootLabelValue(root)}`];
  if (app !== undefined) labels.push(`${LABEL_APP}=${app}`);
  return labels;
}

/** An app's services carry no container type; a one-off service is labelled `run`. */
export const isOneOff = (labels: Record<string, string>) => labels[LABEL_CONTAINER_TYPE] === RUN_TYPE;
