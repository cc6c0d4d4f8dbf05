import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ErrorCodes } from '@pier/plugin-api';
import { readRegistry, registryPath, writeRegistry, type InstalledPlugin } from './plugin-registry.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'pier-registry-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const entry = (name: string): InstalledPlugin => ({
  name,
  version: '1.0.0',
  kind: 'plugin',
  apiVersion: 1,
  enabled: true,
  source: name,
  tarball: `tarballs/${name}.tgz`,
  installedAt: '2026-01-01T00:00:00.000Z',
});

describe('plugin registry', () => {
  it('is empty before anything was installed', async () => {
    expect(await readRegistry(root)).toEqual([]);
  });

  it('writes atomically, sorted by name, and reads back what it wrote', async () => {
    await writeRegistry(root, [entry('b'), entry('a')]);

    expect((await readRegistry(root)).map((p) => p.name)).toEqual(['a', 'b']);
    expect(readdirSync(join(root, 'plugins'))).toEqual(['registry.json']);
  });

  it.each([
    ['not JSON', '{'],
    ['another layout', '{"version":2,"plugins":[]}'],
    ['an entry without a name', '{"version":1,"plugins":[{"version":"1"}]}'],
  ])('reports a registry that is %s as corrupt, naming the file', async (_case, content) => {
    mkdirSync(join(root, 'plugins'));
    writeFileSync(registryPath(root), content);

    await expect(readRegistry(root)).rejects.toMatchObject({
      code: ErrorCodes.PLUGIN_INSTALL,
      message: expect.stringMatching(new RegExp(`^The plugin registry ${registryPath(root)} is corrupt \\(.+\\); fix or remove it$`)),
    });
  });
});
