import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { commandHelp, definePlugin, reportCollect, reportRender, type InputOf } from '@pier/plugin-api';
import { createTestHost, type TestHost } from '@pier/plugin-testkit';
import { schedulerDockerSwarm } from './plugin.js';
import { FakeClock } from './test-support/fake-clock.js';
import { FakeSwarm } from './test-support/fake-swarm.js';

const PLUGIN = 'scheduler-docker-swarm';
const KEYS = ['deploy-timeout-seconds', 'image-reference', 'init-process', 'max-replicas-per-node', 'network-mode', 'placement-constraints', 'update-monitor-seconds'];
const stored = (host: TestHost, scope: string, key: string) => host.properties!.get(PLUGIN, scope, key);
const plugin = () => schedulerDockerSwarm({ engine: new FakeSwarm(new FakeClock()) });

describe('scheduler-docker-swarm:set', () => {
  let host: TestHost;
  beforeEach(async () => {
    host = await createTestHost({ plugins: [plugin()], apps: ['shop'] });
  });
  afterEach(() => host.dispose());

  it('sets and unsets an app key with Dokku’s messages', async () => {
    expect(await host.run(`${PLUGIN}:set`, 'shop', 'deploy-timeout-seconds', '60')).toEqual({ exitCode: 0, stdout: '=====> Setting deploy-timeout-seconds to 60\n', stderr: '' });
    expect(stored(host, 'shop', 'deploy-timeout-seconds')).toBe('60');
    expect((await host.run(`${PLUGIN}:set`, 'shop', 'deploy-timeout-seconds')).stdout).toBe('=====> Unsetting deploy-timeout-seconds\n');
    expect(stored(host, 'shop', 'deploy-timeout-seconds')).toBeUndefined();
  });

  it.each<[string, string]>([
    ['network-mode', 'host'],
    ['network-mode', 'my-overlay'],
    ['deploy-timeout-seconds', '1'],
    ['update-monitor-seconds', '0'],
    ['max-replicas-per-node', '2'],
    ['placement-constraints', 'node.role==worker,node.labels.zone!=eu'],
    ['image-reference', 'name'],
    ['init-process', 'false'],
  ])('accepts %s %s, per app and globally', async (key, value) => {
    expect((await host.run(`${PLUGIN}:set`, 'shop', key, value)).exitCode).toBe(0);
    expect((await host.run(`${PLUGIN}:set`, '--global', key, value)).exitCode).toBe(0);
    expect([stored(host, 'shop', key), stored(host, '--global', key)]).toEqual([value, value]);
  });

  it.each<[string, string, string]>([
    ['network-mode', 'none', 'Swarm cannot run a task without a network; leave bridge (only loopback on an engine started with --bridge=none) or use host'],
    ['network-mode', 'a/b', 'use bridge, host or a network name matching ^[a-zA-Z0-9][a-zA-Z0-9_.-]*$'],
    ['deploy-timeout-seconds', '0', 'use a whole number of seconds, at least 1'],
    ['deploy-timeout-seconds', '1.5', 'use a whole number of seconds, at least 1'],
    ['update-monitor-seconds', '-1', 'use a whole number, 0 or more'],
    ['max-replicas-per-node', 'two', 'use a whole number, 0 or more'],
    ['image-reference', 'digest', 'use id or name'],
    ['placement-constraints', 'node.role=worker', '"node.role=worker" is not a constraint like node.role==worker'],
  ])('rejects %s %j with one line and changes nothing', async (key, value, rule) => {
    expect(await host.run(`${PLUGIN}:set`, 'shop', key, value)).toEqual({ exitCode: 1, stdout: '', stderr: ` !     Invalid ${key} "${value}": ${rule}\n` });
    expect(stored(host, 'shop', key)).toBeUndefined();
  });

  it.each<[string[], number, string]>([
    [['shop'], 1, 'No key specified'],
    [['shop', 'nope', 'x'], 1, `Invalid key specified, valid keys include: ${KEYS.join(', ')}`],
    [['ghost', 'network-mode', 'host'], 20, 'App ghost does not exist'],
    [[], 1, 'Please specify an app to run the command on'],
  ])('rejects %j', async (args, exitCode, message) => {
    expect(await host.run(`${PLUGIN}:set`, ...args)).toEqual({ exitCode, stdout: '', stderr: ` !     ${message}\n` });
  });
});

describe('scheduler-docker-swarm report and help', () => {
  let host: TestHost;
  const rendered: InputOf<typeof reportRender>[] = [];
  const fakeReport = definePlugin({
    name: 'fake-report',
    register({ bus }) {
      bus.tap(reportRender, (input) => {
        rendered.push(input);
        return true as const;
      });
    },
  });

  beforeEach(async () => {
    rendered.length = 0;
    host = await createTestHost({ plugins: [plugin(), fakeReport], apps: ['shop'] });
  });
  afterEach(() => host.dispose());

  it('collects computed, global and app flags with the defaults', async () => {
    await host.run(`${PLUGIN}:set`, '--global', 'deploy-timeout-seconds', '120');
    await host.run(`${PLUGIN}:set`, 'shop', 'network-mode', 'host');
    const { flags, trimPrefix, emitLegacyPrefix } = await host.bus.keyed(reportCollect, PLUGIN, { app: 'shop' });
    expect({ trimPrefix, emitLegacyPrefix }).toEqual({ trimPrefix: true, emitLegacyPrefix: false });
    expect(Object.fromEntries(KEYS.map((key) => [key, flags[`--${PLUGIN}-computed-${key}`]]))).toEqual({
      'deploy-timeout-seconds': '120',
      'image-reference': 'id',
      'init-process': 'true',
      'max-replicas-per-node': '',
      'network-mode': 'host',
      'placement-constraints': '',
      'update-monitor-seconds': '',
    });
    expect([flags[`--${PLUGIN}-global-deploy-timeout-seconds`], flags[`--${PLUGIN}-network-mode`]]).toEqual(['120', 'host']);
    expect(Object.keys(flags)).toHaveLength(KEYS.length * 3);
  });

  it('hands :report to the report renderer with its raw arguments', async () => {
    expect((await host.run(`${PLUGIN}:report`, 'shop', '--format', 'json')).exitCode).toBe(0);
    expect(rendered).toEqual([{ section: PLUGIN, args: ['shop', '--format', 'json'], global: true }]);
  });

  it('registers its help topic', async () => {
    const topics = await host.bus.collect(commandHelp, {});
    expect(topics.find((t) => t.topic === PLUGIN)).toEqual({
      topic: PLUGIN,
      description: 'Manage the docker-swarm scheduler integration for an app',
      commands: [
        { usage: `${PLUGIN}:report [<app>] [<flag>]`, description: `Displays a ${PLUGIN} report for one or more apps` },
        { usage: `${PLUGIN}:set [<app>|--global] <property> (<value>)`, description: `Set or clear a ${PLUGIN} property for an app` },
      ],
    });
  });
});
