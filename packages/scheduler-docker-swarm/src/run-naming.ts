/**
 * One-off processes (`run`, `run:detached`) and how they are found again. Each has plugin-api's
 * runName, `<app>.run.<n>` with n Dokku's `$RANDOM` (1–32767), which users pass to run:logs and
 * run:stop: an attached run is a container of that name on the manager's engine, a detached one
 * a one-off service (Swarm allows no dots in service names: `<app>__run_<n>`, which no process
 * type's `<app>_<type>` can be) that carries the name in a label. Both carry Dokku's labels and
 * the state root, so run:list, run:stop and run:retire find them by label, and a root never sees
 * another root's.
 */
import { LABEL_APP, LABEL_CONTAINER_TYPE, LABEL_ROOT, RUN_TYPE, rootLabelValue } from '@pier/plugin-api';
import { serviceName } from './naming.js';

/** `<app>.run.<n>`, on one-off services and containers alike. */
export const LABEL_RUN_NAME = 'com.pier.run-name';

export const runServiceName = (app: string, number: number) => serviceName(app, `_${RUN_TYPE}_${number}`);

/** The label filter of this root's one-off processes (of one app, or of every app). */
export function oneOffLabels(root: string, app?: string): string[] {
  const labels = [`${LABEL_CONTAINER_TYPE}=${RUN_TYPE}`, `${LABEL_ROOT}=${rootLabelValue(root)}`];
  if (app !== undefined) labels.push(`${LABEL_APP}=${app}`);
  return labels;
}

/** An app's services carry no container type; a one-off service is labelled `run`. */
export const isOneOff = (labels: Record<string, string>) => labels[LABEL_CONTAINER_TYPE] === RUN_TYPE;
