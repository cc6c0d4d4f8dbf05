/**
 * The `checks` report section: Dokku's keys (`--checks-disabled-list`, `--checks-skipped-list`,
 * the three wait-to-retire keys), plus the global default-wait. JSON keys lose the `checks-`
 * prefix and, as in Dokku, no prefixed copies are emitted.
 */
import { GLOBAL_SCOPE, propertyClient, type OutputOf, type TriggerBus, type reportCollect } from '@pier/plugin-api';
import { checksProperties } from './checks-properties.js';

const listValue = (value: string) => (value === '' ? 'none' : value);

export async function collectChecksReport(bus: TriggerBus, scope: string): Promise<OutputOf<typeof reportCollect>> {
  const props = propertyClient(bus, checksProperties);
  const [waitToRetire, globalWaitToRetire, globalDefaultWait] = await Promise.all([
    scope === GLOBAL_SCOPE ? '' : props.get(scope, 'wait-to-retire'),
    props.getGlobal('wait-to-retire'),
    props.getGlobal('default-wait'),
  ]);
  const flags: Record<string, string> = {
    '--checks-computed-default-wait': globalDefaultWait || (checksProperties.specs['default-wait'].default ?? ''),
    '--checks-computed-wait-to-retire': waitToRetire || globalWaitToRetire || (checksProperties.specs['wait-to-retire'].default ?? ''),
    '--checks-global-default-wait': globalDefaultWait,
    '--checks-global-wait-to-retire': globalWaitToRetire,
  };
  if (scope !== GLOBAL_SCOPE) {
    const [disabled, skipped] = await Promise.all([props.get(scope, 'disabled'), props.get(scope, 'skipped')]);
    flags['--checks-disabled-list'] = listValue(disabled);
    flags['--checks-skipped-list'] = listValue(skipped);
    flags['--checks-wait-to-retire'] = waitToRetire;
  }
  return { flags, trimPrefix: true, emitLegacyPrefix: false };
}
