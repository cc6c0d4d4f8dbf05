import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ErrorCodes, PierError, messageOf, parsePluginManifest, type PluginManifest } from '@pier/plugin-api';
import type { PluginManagerContext } from './plugin-manager-context.js';
import { ensurePrefixPackage, removeStaleStaging, restorePrefix, snapshotPrefix } from './plugins-prefix.js';
import { withPluginLock } from './plugin-lock.js';
import { pluginsDir, readRegistry, writeRegistry, type InstalledPlugin } from './plugin-registry.js';
import { resolvePluginSource } from './plugin-source.js';
import { readTarballPackageJson } from './tarball-package-json.js';
import { trialLoad } from './trial-load.js';

/** Refuses what would shadow a built-in plugin or take a scheduler name someone else has. */
function checkConflicts(ctx: PluginManagerContext, name: string, manifest: PluginManifest, installed: InstalledPlugin[]): void {
  if (ctx.builtins.some((b) => b.name === name)) {
    throw new PierError(ErrorCodes.PLUGIN_INSTALL, `${name} is built into pier; it cannot be installed as a plugin`);
  }
  if (manifest.kind !== 'scheduler') return;
  const owner =
    ctx.builtins.find((b) => b.scheduler === manifest.scheduler)?.name ??
    installed.find((p) => p.scheduler === manifest.scheduler && p.name !== name)?.name;
  if (owner) {
    throw new PierError(ErrorCodes.PLUGIN_INSTALL, `${name} cannot be installed: scheduler ${manifest.scheduler} is already provided by ${owner}`);
  }
}

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
 * folder, scripts never run) and its manifest checked before anything is installed; it is then
 * installed into the plugins prefix from a copy kept under `tarballs/`, loaded once as a check,
 * and only then recorded in the registry. Any failure restores the prefix and leaves the
 * registry untouched.
 */
export async function installPlugin(ctx: PluginManagerContext, spec: string): Promise<InstalledPlugin> {
  const source = resolvePluginSource(spec, ctx.cwd);
  const dir = pluginsDir(ctx.root);
  return withPluginLock(ctx.root, async () => {
    const installed = await readRegistry(ctx.root);
    await mkdir(join(dir, 'tarballs'), { recursive: true });
    await removeStaleStaging(dir);
    const staging = await mkdtemp(join(dir, '.staging-'));
    try {
      // 1. Fetch and check, before the prefix is touched.
      const packed = await ctx.npm.pack(source.spec, staging);
      const pkg = await readTarballPackageJson(join(staging, packed.filename));
      const name = String(pkg.name);
      const manifest = await parsePluginManifest(name, pkg.pier);
      checkConflicts(ctx, name, manifest, installed);
      ctx.log.info1(`Installing ${name}@${packed.version}`);

      // 2. Install from a copy Pier keeps, so the prefix never depends on the user's file.
      const slug = name.replace(/^@/, '').replace('/', '-');
      const tarball = join('tarballs', `${slug}-${packed.version}-${packed.shasum.slice(0, 8)}.tgz`);
      await rename(join(staging, packed.filename), join(dir, tarball));
      const previous = installed.find((p) => p.name === name);
      const entry = entryFor(name, packed.version, manifest, source.spec, tarball, ctx.now?.() ?? new Date());
      await ensurePrefixPackage(dir);
      const snapshot = await snapshotPrefix(dir);
      let npmChanged = false;
      try {
        await ctx.npm.install(dir, [`./${tarball}`]);
        npmChanged = true;
        // 3. Load it once next to everything else, then commit: the registry write is the switch.
        await trialLoad(ctx, name, `${packed.version}-${packed.shasum}`);
        await writeRegistry(ctx.root, [...installed.filter((p) => p.name !== name), entry]);
      } catch (error) {
        await restorePrefix(dir, snapshot);
        if (npmChanged) await ctx.npm.install(dir, []).catch((e) => ctx.log.warn(`Could not restore ${dir}: ${messageOf(e)}`));
        if (previous?.tarball !== tarball) await rm(join(dir, tarball), { force: true });
        throw error;
      }
      if (previous && previous.tarball !== tarball) await rm(join(dir, previous.tarball), { force: true });
      return entry;
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  });
}
