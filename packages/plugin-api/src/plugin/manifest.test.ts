import { describe, expect, it } from '@jest/globals';
import { ErrorCodes } from '../errors/index.js';
import { parsePluginManifest } from './manifest.js';

describe('parsePluginManifest', () => {
  it('accepts a scheduler manifest', async () => {
    const manifest = { apiVersion: 1, kind: 'scheduler', scheduler: 'k3s', factory: 'schedulerK3s' };

    expect(await parsePluginManifest('@acme/pier-scheduler-k3s', manifest)).toEqual(manifest);
  });

  it.each([
    ['no pier field', undefined, ErrorCodes.PLUGIN_MANIFEST, '@acme/x is not a Pier plugin: its package.json has no "pier" field'],
    ['a scheduler without a name', { apiVersion: 1, kind: 'scheduler', factory: 'f' }, ErrorCodes.PLUGIN_MANIFEST, '@acme/x has an invalid "pier" manifest: scheduler: a scheduler manifest must name its scheduler'],
    ['a bad factory name', { apiVersion: 1, kind: 'plugin', factory: 'not valid' }, ErrorCodes.PLUGIN_MANIFEST, '@acme/x has an invalid "pier" manifest: factory: must be the name of an export'],
    ['another API version', { apiVersion: 2, kind: 'plugin', factory: 'f' }, ErrorCodes.PLUGIN_API_MISMATCH, '@acme/x is built for plugin API 2, this pier supports 1'],
  ])('rejects %s with a clear message', async (_name, field, code, message) => {
    await expect(parsePluginManifest('@acme/x', field)).rejects.toMatchObject({ code, message });
  });
});
