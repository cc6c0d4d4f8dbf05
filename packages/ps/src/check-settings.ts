import { releaseChecks, type OutputOf, type TriggerBus } from '@pier/plugin-api';

export type CheckSettings = OutputOf<typeof releaseChecks>;

/** Dokku's defaults when no plugin manages checks: every type checked, 60 s wait-to-retire, 10 s uptime check. */
export const DEFAULT_CHECK_SETTINGS: CheckSettings = { modes: {}, waitToRetireSeconds: 60, defaultUptimeSeconds: 10 };

/** The zero-downtime check settings for a release, from `@pier/checks` when it is installed. */
export async function checkSettings(bus: TriggerBus, app: string, processTypes: string[]): Promise<CheckSettings> {
  // bus.first refuses a trigger nobody taps; checks is optional, so look before asking.
  if (bus.taps(releaseChecks).length === 0) return DEFAULT_CHECK_SETTINGS;
  return (await bus.first(releaseChecks, { app, processTypes })) ?? DEFAULT_CHECK_SETTINGS;
}
