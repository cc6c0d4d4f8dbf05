import { propertyClient, type InputOf, type OutputOf, type TriggerBus, type releaseChecks } from '@pier/plugin-api';
import { modeFor } from './check-modes.js';
import { checksProperties } from './checks-properties.js';
import { parseSeconds } from './seconds.js';

/** The answer to release:checks: each type's mode, wait-to-retire (app → global → 60) and default-wait (global → 10). */
export async function releaseCheckSettings(
  bus: TriggerBus,
  { app, processTypes }: InputOf<typeof releaseChecks>,
): Promise<OutputOf<typeof releaseChecks>> {
  const props = propertyClient(bus, checksProperties);
  const [disabled, skipped, waitToRetire, defaultWait] = await Promise.all([
    props.get(app, 'disabled'),
    props.get(app, 'skipped'),
    props.computed(app, 'wait-to-retire'),
    props.computed('--global', 'default-wait'),
  ]);
  return {
    modes: Object.fromEntries(processTypes.map((type) => [type, modeFor(type, disabled, skipped)])),
    waitToRetireSeconds: parseSeconds('wait-to-retire', waitToRetire),
    defaultUptimeSeconds: parseSeconds('default-wait', defaultWait),
  };
}
