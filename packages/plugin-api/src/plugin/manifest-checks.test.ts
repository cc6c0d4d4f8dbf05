import { describe, expect, it } from '@jest/globals';
import { ErrorCodes } from '../errors/index.js';
import type { PluginManifest } from './manifest.js';
import { checkPluginName, checkRegisteredSchedulers } from './manifest-checks.js';

const scheduler = (name: string): PluginManifest => ({ apiVersion: 1, kind: 'scheduler', scheduler: name, factory: 'f' });
const plugin: PluginManifest = { apiVersion: 1, kind: 'plugin', factory: 'f' };

describe('checkRegisteredSchedulers', () => {
  it.each([
    ['a scheduler registering the one its manifest names', scheduler('k3s'), ['k3s']],
    ['a plain plugin registering none', plugin, []],
  ])('accepts %s', (_case, manifest, registered) => {
    expect(() => checkRegisteredSchedulers('pkg', manifest, registered)).not.toThrow();
  });

  it.each([
    [scheduler('mismatch'), ['other'], 'pkg registers scheduler other, but its manifest says scheduler mismatch'],
    [scheduler('k3s'), [], 'pkg registers no scheduler, but its manifest says scheduler k3s'],
    [scheduler('k3s'), ['k3s', 'k3s-gpu'], 'pkg registers schedulers k3s, k3s-gpu, but its manifest says scheduler k3s'],
    [plugin, ['sneaky'], 'pkg registers scheduler sneaky, but its manifest says it is not a scheduler (kind "plugin")'],
  ])('refuses %j registering %j with one line naming both', (manifest, registered, message) => {
    expect(() => checkRegisteredSchedulers('pkg', manifest, registered)).toThrow(expect.objectContaining({ code: ErrorCodes.PLUGIN_MANIFEST, message }));
  });
});

describe('checkPluginName', () => {
  it('accepts a plugin named after its package and refuses another name, naming the factory', () => {
    expect(() => checkPluginName('@acme/pier-x', plugin, '@acme/pier-x')).not.toThrow();
    expect(() => checkPluginName('@acme/pier-x', plugin, 'x')).toThrow(
      expect.objectContaining({ code: ErrorCodes.PLUGIN_MANIFEST, message: '@acme/pier-x: f() built a plugin named "x"; it must be named after its package' }),
    );
  });
});
