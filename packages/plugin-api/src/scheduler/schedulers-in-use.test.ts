import { describe, expect, it } from '@jest/globals';
import { createTriggerBus } from '../bus/trigger-bus.js';
import { appList } from '../triggers/app.js';
import { schedulerDetect, schedulerInfo } from '../triggers/scheduler.js';
import { schedulersInUse } from './schedulers-in-use.js';

/** A bus with installed schedulers and a selection per app (`--global` included). */
function busWith(installed: string[], selection: Record<string, string>) {
  const bus = createTriggerBus({ validate: 'all' });
  const host = bus.scoped({ plugin: 'test-host', trusted: true });
  host.tap(appList, () => Object.keys(selection).filter((app) => app !== '--global').sort());
  host.tap(schedulerDetect, ({ app }) => selection[app]);
  for (const name of installed) host.tapKeyed(schedulerInfo, name, () => ({ plugin: `@test/${name}`, description: name }));
  return bus;
}

describe('schedulersInUse', () => {
  it('every installed scheduler an app or --global selects, once each, sorted', async () => {
    const bus = busWith(['docker-local', 'null', 'k3s'], { '--global': 'null', blog: 'docker-local', shop: 'docker-local', api: 'null' });

    expect(await schedulersInUse(bus)).toEqual(['docker-local', 'null']);
  });

  it('leaves out a selected scheduler that is not installed, and counts docker-local when nothing is selected', async () => {
    const bus = busWith(['docker-local'], { blog: 'gone' });

    expect(await schedulersInUse(bus)).toEqual(['docker-local']);
  });
});
