/**
 * The `ps` report section (Dokku's ps:report keys, §4.6): the ps properties, the state the
 * scheduler reports, and one `--status-<dyno>` key per process instance it knows about. Not
 * Dokku's: a `--url-<dyno>` key (`Url web 1:`) for each instance the scheduler gives a URL, so
 * that the ports of host-mode web containers can be looked up after any command that moved them.
 */
import { GLOBAL_SCOPE, dispatchToScheduler, schedulerAppStatus, type OutputOf, type reportCollect } from '@pier/plugin-api';
import type { Ps } from './ps-context.js';
import { psProperties } from './ps-properties.js';

type Report = OutputOf<typeof reportCollect>;

/** The public properties that appear as `--ps-*` keys; `restore` is reported bare, as `--restore`. */
const REPORTED = psProperties.keys.filter((key) => key !== 'restore');

/** Dokku shows a container's state with a short id, e.g. `running (CID: 0123456789a)`. */
const SHORT_ID_LENGTH = 11;

async function propertyFlags(ps: Ps, scope: string): Promise<Record<string, string>> {
  const isGlobal = scope === GLOBAL_SCOPE;
  const [own, global]: Record<string, string>[] = await Promise.all([
    isGlobal ? {} : ps.state.props.getAll(scope),
    ps.state.props.getAll(GLOBAL_SCOPE),
  ]);
  const flags: Record<string, string> = {};
  for (const key of REPORTED) {
    const spec = psProperties.specs[key];
    if (isGlobal && !spec.global) continue;
    const ownValue = own?.[key] ?? '';
    const globalValue = spec.global ? (global?.[key] ?? '') : '';
    flags[`--ps-computed-${key}`] = ownValue || globalValue || (spec.default ?? '');
    if (spec.global) flags[`--ps-global-${key}`] = globalValue;
    if (!isGlobal) flags[`--ps-${key}`] = ownValue;
  }
  return flags;
}

export async function collectPsReport(ps: Ps, scope: string): Promise<Report> {
  const report = (flags: Record<string, string>): Report => ({ flags, trimPrefix: true, emitLegacyPrefix: true });
  if (scope === GLOBAL_SCOPE) return report(await propertyFlags(ps, scope));

  const app = scope;
  const [properties, deployed, status, restore, canScale] = await Promise.all([
    propertyFlags(ps, app),
    ps.isDeployed(app, 'ps:report'),
    dispatchToScheduler(ps.bus, schedulerAppStatus, { app }, 'ps:report'),
    ps.state.props.computed(app, 'restore'),
    ps.state.props.computed(app, 'can-scale'),
  ]);
  const flags: Record<string, string> = {
    ...properties,
    '--deployed': String(deployed),
    '--processes': String(status.processes),
    '--ps-can-scale': canScale,
    '--restore': restore,
    '--running': status.running,
  };
  for (const container of status.containers) {
    flags[`--status-${container.dyno}`] = `${container.state} (CID: ${container.id.slice(0, SHORT_ID_LENGTH)})`;
  }
  for (const container of status.containers) {
    if (container.url !== undefined) flags[`--url-${container.dyno}`] = container.url;
  }
  return report(flags);
}
