import { afterEach, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  appPostCloneSetup,
  appPostDelete,
  appPostRenameSetup,
  propertyGet,
  propertyGetAll,
  propertySet,
} from '@pier/plugin-api';
import { createTestHost, type TestHost } from '@pier/plugin-testkit';
import { coreProperties } from './plugin.js';

let host: TestHost;
afterEach(() => host.dispose());

const address = { plugin: 'scheduler', key: 'selected' } as const;

describe('coreProperties plugin', () => {
  it('answers property triggers from files under the root', async () => {
    host = await createTestHost({ plugins: [coreProperties()], fakeServices: false });

    await host.bus.first(propertySet, { ...address, scope: 'blog', value: 'null' });

    expect(readFileSync(join(host.root, 'config/scheduler/blog/selected'), 'utf8')).toBe('null');
    expect(await host.bus.first(propertyGet, { ...address, scope: 'blog' })).toBe('null');
    expect(await host.bus.first(propertyGetAll, { plugin: 'scheduler', scope: 'blog' })).toEqual({ selected: 'null' });
  });

  it('carries properties through clone, rename and destroy', async () => {
    host = await createTestHost({ plugins: [coreProperties()], fakeServices: false });
    await host.bus.first(propertySet, { ...address, scope: 'blog', value: 'null' });

    await host.bus.notify(appPostCloneSetup, { oldApp: 'blog', newApp: 'copy' });
    await host.bus.notify(appPostRenameSetup, { oldApp: 'blog', newApp: 'renamed' });
    await host.bus.notify(appPostDelete, { app: 'blog' });

    expect(await host.bus.first(propertyGet, { ...address, scope: 'copy' })).toBe('null');
    expect(await host.bus.first(propertyGet, { ...address, scope: 'renamed' })).toBe('null');
    expect(await host.bus.first(propertyGet, { ...address, scope: 'blog' })).toBeUndefined();
  });
});
