/**
 * How long to give an app's containers when stopping them: ps's `stop-timeout-seconds` as it is
 * set now (app, then --global), which is what Dokku's scripts read when they stop (`ps-get-property
 * APP stop-timeout-seconds`), so a `ps:set` is honoured by the next ps:retire or ps:stop without a
 * redeploy. Unset, the value the last deploy was given applies (ps's default, 30), and for an
 * app never deployed Docker's own 10 seconds.
 *
 * The rule is read through a PropertyReader: the bus for the scheduler's operations, the property
 * files for the detached retire job, which has no bus (retire-job.ts).
 */
import { defineProperties, propertyClient, readPropertyFile, type TriggerBus } from '@pier/plugin-api';
import { DOCKER_STOP_TIMEOUT_SECONDS } from './halt-container.js';
import { readStoredRelease } from './state-files.js';

// The ps plugin owns this property; only its name and scopes are repeated here, not its default.
const KEY = 'stop-timeout-seconds';
const psStopTimeout = defineProperties('ps', { [KEY]: { global: true } });

/** ps's stop-timeout-seconds of an app or of `--global`; '' or undefined when unset. */
export type PropertyReader = (scope: string) => Promise<string | undefined>;

export const busReader =
  (bus: TriggerBus): PropertyReader =>
  (scope) =>
    propertyClient(bus, psStopTimeout).get(scope, KEY);

/** Unset when the files cannot be read (an embedded host keeps its properties in memory). */
export const fileReader =
  (root: string): PropertyReader =>
  (scope) =>
    readPropertyFile(root, psStopTimeout.plugin, scope, KEY).catch(() => undefined);

const wholeSeconds = (value: string) => (/^\d+$/.test(value) ? Number(value) : undefined);

/** The app's value, else the global one (as ps computes it); undefined when neither is whole seconds. */
export async function configuredStopTimeout(read: PropertyReader, app: string): Promise<number | undefined> {
  for (const scope of [app, '--global']) {
    const value = (await read(scope)) ?? '';
    if (value !== '') return wholeSeconds(value);
  }
  return undefined;
}

export interface StopTimeoutContext {
  bus: TriggerBus;
  root: string;
}

/** The stop timeout the app's last deploy was given; Docker's 10 s for an app never deployed. */
export async function stopTimeoutOf(root: string, app: string): Promise<number> {
  const stored = await readStoredRelease(root, app).catch(() => null);
  return stored?.release.stopTimeoutSeconds ?? DOCKER_STOP_TIMEOUT_SECONDS;
}

export async function currentStopTimeout(ctx: StopTimeoutContext, app: string): Promise<number> {
  // A container labelled with no app (made by hand) has no settings to read.
  if (app === '') return DOCKER_STOP_TIMEOUT_SECONDS;
  return (await configuredStopTimeout(busReader(ctx.bus), app)) ?? stopTimeoutOf(ctx.root, app);
}
