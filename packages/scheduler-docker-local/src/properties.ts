/**
 * The scheduler-docker-local properties (reference §4.1) plus Pier's `network-mode`.
 * Files: `config/scheduler-docker-local/<app|--global>/<key>` (kept by @pier/core-properties).
 */
import { defineProperties, ErrorCodes, PierError, propertyClient, type TriggerBus } from '@pier/plugin-api';

export const PROPERTY_PLUGIN = 'scheduler-docker-local';

export const dockerLocalProperties = defineProperties(PROPERTY_PLUGIN, {
  // Not validated, as in Dokku: only the exact value `true` adds --init.
  'init-process': { default: 'true', global: true },
  // Dokku's default is the docker0 bridge; CI engines without one use `host` or `none`.
  'network-mode': { default: 'bridge', global: true },
  'parallel-schedule-count': { default: '1', global: true },
});

export type DockerLocalProperty = (typeof dockerLocalProperties.keys)[number];

/** bridge, host and none are Docker's built-in modes; anything else must be a network name. */
const NETWORK_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

export function networkModeError(value: string): PierError | undefined {
  if (NETWORK_NAME.test(value)) return undefined;
  return new PierError(
    ErrorCodes.PROPERTY_INVALID,
    `Invalid network-mode "${value}": use bridge, host, none or a network name matching ${NETWORK_NAME.source}`,
  );
}

/** `validateValue` hook for runPropertySetCommand: only network-mode is checked. */
export function validatePropertyValue(key: string, value: string): void {
  if (key !== 'network-mode') return;
  const error = networkModeError(value);
  if (error) throw error;
}

/** The settings a deploy needs, computed app → global → default. */
export interface DeploySettings {
  networkMode: string;
  /** null: neither the app nor --global sets init-process, the image decides (see deploy). */
  initProcess: boolean | null;
  parallelScheduleCount: number;
}

export async function readDeploySettings(bus: TriggerBus, app: string): Promise<DeploySettings> {
  const client = propertyClient(bus, dockerLocalProperties);
  const [networkMode, initApp, initGlobal, parallel] = await Promise.all([
    client.computed(app, 'network-mode'),
    client.get(app, 'init-process'),
    client.getGlobal('init-process'),
    client.computed(app, 'parallel-schedule-count'),
  ]);
  // A value edited by hand on disk gets the same clear error as `:set` gives.
  const invalid = networkModeError(networkMode);
  if (invalid) throw invalid;
  const init = initApp !== '' ? initApp : initGlobal;
  const count = Number.parseInt(parallel, 10);
  return {
    networkMode,
    initProcess: init === '' ? null : init === 'true',
    parallelScheduleCount: Number.isFinite(count) && count >= 1 ? count : 1,
  };
}
