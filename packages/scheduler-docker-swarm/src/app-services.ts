/**
 * The services this state root runs for an app, found by label (never by name), by process type.
 * One-off services carry the app's labels too (and a process type when they run a Procfile
 * command), but are no part of the app's formation: they are left out.
 */
import { LABEL_PROCESS_TYPE } from '@pier/plugin-api';
import { appLabels } from './naming.js';
import { isOneOff } from './run-naming.js';
import type { Runtime } from './runtime.js';
import type { ServiceSummary } from './swarm-port.js';

export interface AppService {
  type: string;
  service: ServiceSummary;
}

export async function appServices(rt: Runtime, app: string, processType?: string): Promise<AppService[]> {
  const services = await rt.engine.listServices(appLabels(rt.root, app, processType));
  return services
    .filter((service) => !isOneOff(service.labels))
    .map((service) => ({ type: service.labels[LABEL_PROCESS_TYPE] ?? '', service }))
    .sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
}

export const replicasOf = (service: ServiceSummary) => service.spec.Mode?.Replicated?.Replicas ?? 0;
