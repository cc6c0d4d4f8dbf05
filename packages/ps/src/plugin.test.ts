import { afterEach, describe, expect, it } from '@jest/globals';
import { commandHelp } from '@pier/plugin-api';
import { psHost, type PsHost } from './test-support/ps-host.js';

let h: PsHost;
afterEach(() => h.host.dispose());

describe('ps plugin', () => {
  it('registers the ps help topic with Dokku’s descriptions, and deploy', async () => {
    h = await psHost();

    const topics = await h.host.bus.collect(commandHelp, {});
    const ps = topics.find((t) => t.topic === 'ps');

    expect(ps?.description).toBe('Manage app processes');
    expect(ps?.commands).toEqual(
      expect.arrayContaining([
        { usage: 'ps:inspect <app>', description: 'Displays a sanitized version of docker inspect for an app' },
        { usage: 'ps:rebuild [--parallel count] [--all|<app>]', description: 'Rebuilds an app from source' },
        { usage: 'ps:report [<app>] [<flag>]', description: 'Displays a process report for one or more apps' },
        { usage: 'ps:restart [--parallel count] [--all|<app>] [<process-name>]', description: 'Restart an app' },
        { usage: 'ps:restore [<app>]', description: 'Start previously running apps e.g. after reboot' },
        { usage: 'ps:scale [--skip-deploy] <app> <proc>=<count> [<proc>=<count>...]', description: 'Get/Set how many instances of a given process to run' },
        { usage: 'ps:set <app> <key> <value>', description: 'Set or clear a ps property for an app' },
        { usage: 'ps:start [--parallel count] [--all|<app>]', description: 'Start an app' },
      ]),
    );
    expect(ps?.commands).toHaveLength(10);
    expect(topics.find((t) => t.topic === 'deploy')?.commands).toEqual([{ usage: 'deploy <app> <image>', description: 'Deploy an image to an app' }]);
  });
});
