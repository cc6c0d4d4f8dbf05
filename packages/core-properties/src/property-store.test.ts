import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ErrorCodes } from '@pier/plugin-api';
import { createPropertyStore, type PropertyStore } from './property-store.js';

let root: string;
let store: PropertyStore;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'pier-props-'));
  store = createPropertyStore(root);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('property store: Dokku layout', () => {
  it('writes <root>/config/<plugin>/<app>/<key> with mode 0600 and no trailing newline', async () => {
    await store.set('scheduler', 'blog', 'selected', 'null');

    const file = join(root, 'config', 'scheduler', 'blog', 'selected');
    expect(readFileSync(file, 'utf8')).toBe('null');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(root, 'config', 'scheduler', 'blog')).mode & 0o777).toBe(0o755);
  });

  it('stores global values under the literal --global directory', async () => {
    await store.set('scheduler', '--global', 'selected', 'docker-local');

    expect(readFileSync(join(root, 'config', 'scheduler', '--global', 'selected'), 'utf8')).toBe('docker-local');
  });

  it('returns the raw value untrimmed, and undefined when unset', async () => {
    await store.set('scheduler', 'blog', 'shell', ' /bin/sh \n');

    expect(await store.get('scheduler', 'blog', 'shell')).toBe(' /bin/sh \n');
    expect(await store.get('scheduler', 'blog', 'selected')).toBeUndefined();
  });

  it('deletes the file when the value is empty, and deleting twice is fine', async () => {
    await store.set('scheduler', 'blog', 'selected', 'null');

    await store.set('scheduler', 'blog', 'selected', '');
    await store.set('scheduler', 'blog', 'selected', '');

    expect(existsSync(join(root, 'config', 'scheduler', 'blog', 'selected'))).toBe(false);
  });

  it('leaves no temporary files behind after many writes', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.set('ps', 'blog', 'scale', `web=${i}\n`)));

    expect(readdirSync(join(root, 'config', 'ps', 'blog'))).toEqual(['scale']);
    expect(readFileSync(join(root, 'config', 'ps', 'blog', 'scale'), 'utf8')).toMatch(/^web=\d+\n$/);
  });

  it('lists the set properties of a scope', async () => {
    await store.set('scheduler', 'blog', 'selected', 'null');
    await store.set('scheduler', 'blog', 'shell', '/bin/sh');
    await store.set('scheduler', 'shop', 'selected', 'docker-local');

    expect(await store.getAll('scheduler', 'blog')).toEqual({ selected: 'null', shell: '/bin/sh' });
    expect(await store.getAll('scheduler', 'nothing')).toEqual({});
  });
});

describe('property store: path safety', () => {
  it.each([
    ['a parent directory as app', 'scheduler', '..', 'selected'],
    ['a path in the app name', 'scheduler', 'blog/../../etc', 'selected'],
    ['a path in the key', 'scheduler', 'blog', '../../passwd'],
    ['a dotted traversal key', 'scheduler', 'blog', 'a..b'],
    ['a path in the plugin', '../x', 'blog', 'selected'],
    ['an absolute key', 'scheduler', 'blog', '/etc/passwd'],
  ])('rejects %s', async (_name, plugin, scope, key) => {
    await expect(store.set(plugin, scope, key, 'x')).rejects.toMatchObject({ code: ErrorCodes.PROPERTY_INVALID });
    await expect(store.get(plugin, scope, key)).rejects.toMatchObject({ code: ErrorCodes.PROPERTY_INVALID });
    expect(readdirSync(root)).toEqual([]);
  });
});

describe('property store: app lifecycle', () => {
  beforeEach(async () => {
    await store.set('scheduler', 'blog', 'selected', 'null');
    await store.set('ps', 'blog', 'restart-policy', 'always');
    await store.set('scheduler', 'shop', 'selected', 'docker-local');
  });

  it('clones every plugin’s properties of an app', async () => {
    await store.cloneScope('blog', 'blog-2');

    expect(await store.get('scheduler', 'blog-2', 'selected')).toBe('null');
    expect(await store.get('ps', 'blog-2', 'restart-policy')).toBe('always');
    expect(await store.get('scheduler', 'blog', 'selected')).toBe('null');
  });

  it('destroys every plugin’s properties of one app only', async () => {
    await store.destroyScope('blog');

    expect(await store.getAll('scheduler', 'blog')).toEqual({});
    expect(await store.getAll('ps', 'blog')).toEqual({});
    expect(await store.get('scheduler', 'shop', 'selected')).toBe('docker-local');
  });
});
