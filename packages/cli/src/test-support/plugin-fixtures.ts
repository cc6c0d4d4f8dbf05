// Fixtures for the plugin-management tests: plugin package folders written on the fly, a plugins
// prefix whose @pier/plugin-api is this workspace's, and an npm stand-in built on the system tar.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { ErrorCodes, PierError } from '@pier/plugin-api';
import type { NpmRunner } from '../plugins/npm-runner.js';
import { writeRegistry, type InstalledPlugin } from '../plugins/plugin-registry.js';

const require = createRequire(import.meta.url);
const pluginApiDir = realpathSync(dirname(require.resolve('@pier/plugin-api/package.json')));
const pluginApiVersion = (JSON.parse(readFileSync(join(pluginApiDir, 'package.json'), 'utf8')) as { version: string }).version;

/** Pass as `pier` for a package.json without a "pier" field. */
export const NO_MANIFEST = Symbol('no manifest');

export interface FixturePlugin {
  name: string;
  version?: string;
  /** The `pier` manifest; defaults to a scheduler manifest named after `scheduler`. */
  pier?: unknown;
  /** The module source (ESM); defaults to a scheduler that reports every app as deployed. */
  code?: string;
  scheduler?: string;
  /** The peer range on @pier/plugin-api; defaults to a caret on the workspace's version. */
  peer?: string;
}

/** A scheduler whose register can be made to throw after it tapped (to test the roll-back). */
export function schedulerSource(scheduler: string, name: string, options: { throwInRegister?: boolean; throwInStop?: boolean } = {}): string {
  return `import { defineScheduler, definePlugin } from '@pier/plugin-api';
const inner = defineScheduler({ name: ${JSON.stringify(name)}, scheduler: ${JSON.stringify(scheduler)}, description: 'fixture' }, () => ({
  deploy: () => undefined,
  stop: () => { ${options.throwInStop ? "throw new Error('stop exploded');" : ''} },
  appStatus: () => ({ processes: 1, running: 'true', containers: [] }),
  isDeployed: () => true,
  imageInfo: ({ image }) => ({ id: image, procfile: null, appJson: null }),
}));
export const factory = () => definePlugin({ name: inner.name, async register(context) {
  await inner.register(context);
  ${options.throwInRegister ? "throw new Error('register exploded');" : ''}
} });
`;
}

export function writePluginFolder(parent: string, plugin: FixturePlugin): string {
  const dir = join(parent, plugin.name.replace('/', '__'));
  mkdirSync(dir, { recursive: true });
  const scheduler = plugin.scheduler ?? 'fixture';
  const pier = plugin.pier === undefined ? { apiVersion: 1, kind: 'scheduler', scheduler, factory: 'factory' } : plugin.pier;
  const pkg = {
    name: plugin.name,
    version: plugin.version ?? '1.0.0',
    type: 'module',
    exports: { '.': './index.js' },
    peerDependencies: { '@pier/plugin-api': plugin.peer ?? `^${pluginApiVersion}` },
    ...(pier === NO_MANIFEST ? {} : { pier }),
  };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
  writeFileSync(join(dir, 'index.js'), plugin.code ?? schedulerSource(scheduler, plugin.name));
  return dir;
}

/** `<root>/plugins` with this workspace's plugin-api in place, as npm would have installed the peer. */
export function seedPluginsPrefix(root: string): string {
  const prefix = join(root, 'plugins');
  mkdirSync(join(prefix, 'node_modules', '@pier'), { recursive: true });
  if (!existsSync(join(prefix, 'node_modules', '@pier', 'plugin-api'))) {
    symlinkSync(pluginApiDir, join(prefix, 'node_modules', '@pier', 'plugin-api'), 'dir');
  }
  return prefix;
}

/** Puts a plugin folder into the prefix and the registry, the way a finished install leaves them. */
export async function installByHand(root: string, folder: string, entry: Partial<InstalledPlugin> = {}): Promise<void> {
  const prefix = seedPluginsPrefix(root);
  const pkg = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { name: string; version: string; pier?: { scheduler?: string; factory?: string } };
  cpSync(folder, join(prefix, 'node_modules', ...pkg.name.split('/')), { recursive: true });
  const existing = existsSync(join(prefix, 'registry.json'))
    ? (JSON.parse(readFileSync(join(prefix, 'registry.json'), 'utf8')) as { plugins: InstalledPlugin[] }).plugins
    : [];
  await writeRegistry(root, [
    ...existing,
    {
      name: pkg.name,
      version: pkg.version,
      kind: 'scheduler',
      ...(pkg.pier?.scheduler ? { scheduler: pkg.pier.scheduler } : {}),
      apiVersion: 1,
      ...(typeof pkg.pier?.factory === 'string' ? { factory: pkg.pier.factory } : {}),
      enabled: true,
      source: folder,
      tarball: `tarballs/${basename(folder)}.tgz`,
      installedAt: '2026-01-01T00:00:00.000Z',
      ...entry,
    },
  ]);
}

interface PrefixPackage {
  dependencies?: Record<string, string>;
}

/**
 * npm, played with tar: `pack` tars a folder under `package/`, `install` unpacks tarballs into
 * node_modules and records them in package.json, an empty `install` makes node_modules match
 * package.json again. `failInstall` makes the next install fail like npm would.
 */
export function fakeNpm(): NpmRunner & { calls: string[]; failInstall?: string } {
  const readPkg = (prefix: string) => JSON.parse(readFileSync(join(prefix, 'package.json'), 'utf8')) as PrefixPackage;
  const runner: NpmRunner & { calls: string[]; failInstall?: string } = {
    calls: [],
    async pack(spec, destination) {
      runner.calls.push(`pack ${basename(spec)}`);
      const pkg = JSON.parse(readFileSync(join(spec, 'package.json'), 'utf8')) as { name: string; version: string };
      const filename = `${pkg.name.replace(/^@/, '').replace('/', '-')}-${pkg.version}.tgz`;
      execFileSync('tar', ['czf', join(destination, filename), '-C', spec, '--transform', 's,^\\.,package,', '.']);
      const shasum = execFileSync('sha1sum', [join(destination, filename)]).toString().slice(0, 40);
      return { name: pkg.name, version: pkg.version, filename, shasum };
    },
    async install(prefix, specs) {
      runner.calls.push(`install ${specs.join(' ')}`.trim());
      if (runner.failInstall) {
        const message = runner.failInstall;
        runner.failInstall = undefined;
        throw new PierError(ErrorCodes.PLUGIN_INSTALL, message);
      }
      const pkg = readPkg(prefix);
      const deps = { ...pkg.dependencies };
      for (const spec of specs) deps[isAbsolute(spec) ? link(prefix, spec) : unpack(prefix, spec)] = `file:${spec.replace(/^\.\//, '')}`;
      if (specs.length === 0) {
        // Like `npm install` after package.json was restored: exactly what it lists.
        for (const name of installedNames(prefix)) rmSync(join(prefix, 'node_modules', ...name.split('/')), { recursive: true });
        for (const spec of Object.values(deps)) if (spec.startsWith('file:tarballs/')) unpack(prefix, spec.slice('file:'.length));
      }
      writeFileSync(join(prefix, 'package.json'), JSON.stringify({ ...pkg, dependencies: deps }));
    },
    async uninstall(prefix, name) {
      runner.calls.push(`uninstall ${name}`);
      const pkg = readPkg(prefix);
      delete pkg.dependencies?.[name];
      rmSync(join(prefix, 'node_modules', ...name.split('/')), { recursive: true, force: true });
      writeFileSync(join(prefix, 'package.json'), JSON.stringify(pkg));
    },
  };
  return runner;
}

/** Links a package folder (an absolute path) into node_modules, as npm does for a folder outside the prefix. */
function link(prefix: string, folder: string): string {
  const { name } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { name: string };
  const target = join(prefix, 'node_modules', ...name.split('/'));
  mkdirSync(dirname(target), { recursive: true });
  rmSync(target, { recursive: true, force: true });
  symlinkSync(folder, target, 'dir');
  return name;
}

/** Unpacks a tarball (relative to the prefix) into node_modules; returns the package name. */
function unpack(prefix: string, spec: string): string {
  const tarball = join(prefix, spec);
  const manifest = JSON.parse(execFileSync('tar', ['xzOf', tarball, 'package/package.json']).toString()) as { name: string };
  const target = join(prefix, 'node_modules', ...manifest.name.split('/'));
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['xzf', tarball, '-C', target, '--strip-components=1']);
  return manifest.name;
}

/** Packages in the prefix's node_modules, except @pier/* (the linked plugin-api peer). */
function installedNames(prefix: string): string[] {
  const modules = join(prefix, 'node_modules');
  if (!existsSync(modules)) return [];
  return readdirSync(modules).flatMap((entry) => {
    if (entry === '@pier' || entry.startsWith('.')) return [];
    return entry.startsWith('@') ? readdirSync(join(modules, entry)).map((sub) => `${entry}/${sub}`) : [entry];
  });
}
