import { describe, expect, it } from '@jest/globals';
import { knownManifest } from './known-manifest.js';
import type { InstalledPlugin } from './plugin-registry.js';

const entry: InstalledPlugin = {
  name: 'pier-scheduler-k3s',
  version: '1.0.0',
  kind: 'scheduler',
  scheduler: 'k3s',
  apiVersion: 1,
  factory: 'schedulerK3s',
  enabled: true,
  source: 'x',
  tarball: 'tarballs/x.tgz',
  installedAt: '2026-01-01T00:00:00.000Z',
};
const recorded = { apiVersion: 1, kind: 'scheduler', scheduler: 'k3s', factory: 'schedulerK3s' };

describe('knownManifest', () => {
  it('returns the recorded manifest when the package still declares exactly it', () => {
    expect(knownManifest({ factory: 'schedulerK3s', kind: 'scheduler', apiVersion: 1, scheduler: 'k3s' }, entry)).toEqual(recorded);
  });

  it.each([
    ['another factory', { ...recorded, factory: 'other' }, entry],
    ['another API version', { ...recorded, apiVersion: 2 }, entry],
    ['an extra field', { ...recorded, extra: true }, entry],
    ['a missing field', { apiVersion: 1, kind: 'scheduler', factory: 'schedulerK3s' }, entry],
    ['no manifest', undefined, entry],
    ['an entry from before factories were recorded', recorded, { ...entry, factory: undefined }],
    ['an entry recorded for another API version', { ...recorded, apiVersion: 2 }, { ...entry, apiVersion: 2 }],
  ])('asks for a full check after %s', (_case, field, registryEntry) => {
    expect(knownManifest(field, registryEntry as InstalledPlugin)).toBeUndefined();
  });
});
