/**
 * How long to give an app's containers when stopping them: ps's `stop-timeout-seconds` as it is
 * set now (app, then --global), which is what Dokku's scripts read when they stop (`ps-get-property
 * APP stop-timeout-seconds`), so a `ps:set` is honoured by the next ps:retire or ps:stop without a
 * redeploy. Unset, the value the last deploy was given applies (ps's default, 30), and for an
 * app never deployed Docker's own 10 seconds.
 */
import { defineProperties, propertyClient, type TriggerBus } from '@pier/plugin-api';
import { DOCKER_STOP_TIMEOUT_SECONDS } from './halt-container.js';
import { readStoredRelease } from './state-files.js';

// The ps plugin owns this property; only its name and scopes are repeated here, not its default.
const psStopTimeout = defineProperties('ps', { 'stop-timeout-seconds': { global: true } });

export interface StopTimeoutContext {
  bus: TriggerBus;
  root: string;
}

/** The stop timeout the app's last deploy was given; Docker's 10 s for an app never deployed. */
export async function stopTimeoutOf(root: string, app: string): Promise<number> {
  const stored = await readStoredRelease(root, app).catch(() => null);
  return stored?.release.stopTimeoutSeconds ?? DOCKER_STOP_TIMEOUT_SECONDS;
}

const wholeSeconds = (value: string) => (/^\d+$/.test(value) ? Number(value) : undefined);

export async function currentStopTimeout(ctx: StopTimeoutContext, app: string): Promise<number> {
  // A container labelled with no app (made by hand) has no settings to read.
  if (app === '') return DOCKER_STOP_TIMEOUT_SECONDS;
  const current = wholeSeconds(await propertyClient(ctx.bus, psStopTimeout).computed(app, 'stop-timeout-seconds'));
  return current ?? stopTimeoutOf(ctx.root, app);
}
