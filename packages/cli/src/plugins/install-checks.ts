import { ErrorCodes, PierError, type PluginManifest } from '@pier/plugin-api';
import type { HostPluginApi } from './host-plugin-api.js';
import type { BuiltinPluginInfo } from './plugin-manager-context.js';
import type { InstalledPlugin } from './plugin-registry.js';

/*
 * What plugin:install refuses once it has read a package's package.json, before the prefix is
 * touched. Each check throws one line naming the package.
 */

const PLUGIN_API = '@pier/plugin-api';

/** Names that would replace what pier itself provides to plugins: the contract, its dependencies, the CLI. */
export function checkReservedName(name: string, host: HostPluginApi): void {
  if (name === PLUGIN_API || name === '@pier/cli' || host.dependencies.includes(name)) {
    throw new PierError(ErrorCodes.PLUGIN_INSTALL, `${name} cannot be installed as a plugin: pier provides it to plugins itself`);
  }
}

/** Refuses what would shadow a built-in plugin or take a scheduler name someone else has. */
export function checkConflicts(builtins: readonly BuiltinPluginInfo[], name: string, manifest: PluginManifest, installed: InstalledPlugin[]): void {
  if (builtins.some((b) => b.name === name)) {
    throw new PierError(ErrorCodes.PLUGIN_INSTALL, `${name} is built into pier; it cannot be installed as a plugin`);
  }
  if (manifest.kind !== 'scheduler') return;
  const owner =
    builtins.find((b) => b.scheduler === manifest.scheduler)?.name ??
    installed.find((p) => p.scheduler === manifest.scheduler && p.name !== name)?.name;
  if (owner) {
    throw new PierError(ErrorCodes.PLUGIN_INSTALL, `${name} cannot be installed: scheduler ${manifest.scheduler} is already provided by ${owner}`);
  }
}

/**
 * The package's peer range on @pier/plugin-api must accept this pier's version. Checked here
 * because npm would otherwise fail with an ERESOLVE dump about "undefined@undefined".
 */
export async function checkPluginApiPeer(name: string, pkg: Record<string, unknown>, host: HostPluginApi): Promise<void> {
  const range = (pkg.peerDependencies as Record<string, unknown> | undefined)?.[PLUGIN_API];
  if (range === undefined) return;
  // semver is loaded here, not at start-up: only plugin:install needs it.
  const { default: semver } = await import('semver');
  if (typeof range !== 'string' || semver.validRange(range) === null) {
    throw new PierError(ErrorCodes.PLUGIN_MANIFEST, `${name} has an invalid peer range on ${PLUGIN_API}: ${JSON.stringify(range)}`);
  }
  if (!semver.satisfies(host.version, range, { includePrerelease: true })) {
    throw new PierError(ErrorCodes.PLUGIN_API_MISMATCH, `${name} requires ${PLUGIN_API} ${range}, this pier has ${host.version}`);
  }
}
