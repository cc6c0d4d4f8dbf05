import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { propertySet } from '@pier/plugin-api';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { busReader, configuredStopTimeout, fileReader } from './stop-timeout.js';
import { unitHost, type UnitHost } from './test-support/unit-host.js';

const filesRoot = mkdtempSync(join(tmpdir(), 'pier-stop-timeout-'));
afterAll(() => rmSync(filesRoot, { recursive: true, force: true }));

/** ps's properties, set the same way through the bus and in the property files. */
async function set(t: UnitHost, scope: string, value: string): Promise<void> {
  await t.host.bus.first(propertySet, { plugin: 'ps', scope, key: 'stop-timeout-seconds', value });
  mkdirSync(join(filesRoot, 'config', 'ps', scope), { recursive: true });
  writeFileSync(join(filesRoot, 'config', 'ps', scope, 'stop-timeout-seconds'), value);
}

describe('the stop-timeout rule, read through the bus or the property files alike', () => {
  let t: UnitHost;
  beforeEach(async () => {
    rmSync(join(filesRoot, 'config'), { recursive: true, force: true });
    t = await unitHost();
  });
  afterEach(() => t.dispose());

  const both = async () => [await configuredStopTimeout(busReader(t.host.bus), 'shop'), await configuredStopTimeout(fileReader(filesRoot), 'shop')];

  it.each([
    ['unset', [], undefined],
    ['the global value', [['--global', '4']], 4],
    ['the app’s before the global one', [['--global', '4'], ['shop', '2']], 2],
    ['the app’s, even 0', [['--global', '4'], ['shop', '0']], 0],
    ['an app value that is not whole seconds: none, as ps computes it', [['--global', '4'], ['shop', '1.5']], undefined],
  ] as const)('%s', async (_name, settings, expected) => {
    for (const [scope, value] of settings) await set(t, scope, value);
    expect(await both()).toEqual([expected, expected]);
  });

  it('files that cannot be read count as unset (an embedded host keeps its properties in memory)', async () => {
    expect(await configuredStopTimeout(fileReader('/nonexistent/pier'), 'shop')).toBeUndefined();
  });
});
