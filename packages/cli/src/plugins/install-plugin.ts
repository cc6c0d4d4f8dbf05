import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { messageOf, parsePluginManifest, type PluginManifest } from '@pier/plugin-api';
import { hostPluginApi } from './host-plugin-api.js';
import { checkConflicts, checkPluginApiPeer, checkReservedName } from './install-checks.js';
import type { PluginManagerContext } from './plugin-manager-context.js';
import { discardFreshPrefix, ensurePrefixPackage, isFreshPrefix, removeIfEmpty, removeStaleStaging, restorePrefix, snapshotPrefix } from './plugins-prefix.js';
import { withPluginLock } from './plugin-lock.js';
import { pluginsDir, readRegistry, writeRegistry, type InstalledPlugin } from './plugin-registry.js';
import { resolvePluginSource } from './plugin-source.js';
import { readTarballPackageJson } from './tarball-package-json.js';
import { trialLoad } from './trial-load.js';

function entryFor(name: string, version: string, manifest: PluginManifest, source: string, tarball: string, now: Date): InstalledPlugin {
  return {
    name,
    version,
    kind: manifest.kind,
    ...(manifest.scheduler === undefined ? {} : { scheduler: manifest.scheduler }),
    apiVersion: manifest.apiVersion,
    factory: manifest.factory,
    ...(manifest.description === undefined ? {} : { description: manifest.description }),
    enabled: true,
    source,
    tarball,
    installedAt: now.toISOString(),
  };
}

/**
 * `plugin:install <spec>`. The package is packed first (from the registry, a tarball or a
 * folder, scripts never run) and checked (manifest, name, peer range) before anything is
 * installed; it is then installed into the plugins prefix from a copy kept under `tarballs/`,
 * next to this pier's own @pier/plugin-api (linked, so no registry is needed and plugins share
 * the host's copy), loaded once as a check, and only then recorded in the registry. Any failure
 * restores the prefix and leaves the registry untouched; a failed first install leaves no
 * `<root>/plugins` at all.
 */
export async function installPlugin(ctx: PluginManagerContext, spec: string): Promise<InstalledPlugin> {
  const source = resolvePluginSource(spec, ctx.cwd);
  const dir = pluginsDir(ctx.root);
  const existed = existsSync(dir);
  try {
    return await withPluginLock(ctx.root, () => installLocked(ctx, dir, source.spec));
  } catch (error) {
    if (!existed) await removeIfEmpty(dir);
    throw error;
  }
}

async function installLocked(ctx: PluginManagerContext, dir: string, spec: string): Promise<InstalledPlugin> {
  const installed = await readRegistry(ctx.root);
  const host = ctx.pluginApi ?? hostPluginApi();
  await removeStaleStaging(dir);
  const staging = await mkdtemp(join(dir, '.staging-'));
  try {
    // 1. Fetch and check, before the prefix is touched.
    const packed = await ctx.npm.pack(spec, staging);
    const pkg = await readTarballPackageJson(join(staging, packed.filename));
    const name = String(pkg.name);
    checkReservedName(name, host);
    const manifest = await parsePluginManifest(name, pkg.pier);
    checkConflicts(ctx.builtins, name, manifest, installed);
    await checkPluginApiPeer(name, pkg, host);
    ctx.log.info1(`Installing ${name}@${packed.version}`);

    // 2. Install from a copy Pier keeps, so the prefix never depends on the user's file.
    const fresh = await isFreshPrefix(dir);
    const slug = name.replace(/^@/, '').replace('/', '-');
    const tarball = join('tarballs', `${slug}-${packed.version}-${packed.shasum.slice(0, 8)}.tgz`);
    await mkdir(join(dir, 'tarballs'), { recursive: true });
    await rename(join(staging, packed.filename), join(dir, tarball));
    const previous = installed.find((p) => p.name === name);
    const entry = entryFor(name, packed.version, manifest, spec, tarball, ctx.now?.() ?? new Date());
    await ensurePrefixPackage(dir);
    const snapshot = await snapshotPrefix(dir);
    let npmChanged = false;
    try {
      // The host's plugin-api goes in with the plugin: re-linked every time, so it follows the CLI.
      await ctx.npm.install(dir, [host.dir, `./${tarball}`]);
      npmChanged = true;
      // 3. Load it once next to everything else, then commit: the registry write is the switch.
      await trialLoad(ctx, name, `${packed.version}-${packed.shasum}`);
      await writeRegistry(ctx.root, [...installed.filter((p) => p.name !== name), entry]);
    } catch (error) {
      if (fresh) await discardFreshPrefix(dir);
      else await restore(ctx, dir, snapshot, npmChanged, previous?.tarball === tarball ? undefined : tarball);
      throw error;
    }
    if (previous && previous.tarball !== tarball) await rm(join(dir, previous.tarball), { force: true });
    return entry;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Puts an already set-up prefix back as it was before a failed install. */
async function restore(ctx: PluginManagerContext, dir: string, snapshot: Awaited<ReturnType<typeof snapshotPrefix>>, npmChanged: boolean, newTarball: string | undefined) {
  await restorePrefix(dir, snapshot);
  if (npmChanged) await ctx.npm.install(dir, []).catch((e) => ctx.log.warn(`Could not restore ${dir}: ${messageOf(e)}`));
  if (newTarball !== undefined) await rm(join(dir, newTarball), { force: true });
}
