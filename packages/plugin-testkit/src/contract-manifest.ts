import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { checkPluginName, checkRegisteredSchedulers, messageOf, parsePluginManifest, schedulerInfo, type PluginManifest } from '@pier/plugin-api';
import type { ContractRun } from './scheduler-contract.js';

/**
 * What `pier plugin:install` will say about a scheduler package's package.json, as a list of
 * problems (empty when it would accept it), in its own words (plugin-api's parsePluginManifest,
 * checkPluginName and checkRegisteredSchedulers): a valid `"pier"` manifest, a plugin named after
 * the package, and the manifest naming the scheduler the code registers (kind scheduler).
 */
export async function manifestProblems(pkg: Record<string, unknown>, pluginName: string, registered: readonly string[]): Promise<string[]> {
  const name = String(pkg.name);
  let manifest: PluginManifest;
  try {
    manifest = await parsePluginManifest(name, pkg.pier);
  } catch (error) {
    return [messageOf(error)];
  }
  const checks = [() => checkPluginName(name, manifest, pluginName), () => checkRegisteredSchedulers(name, manifest, registered)];
  return checks.flatMap((check) => {
    try {
      check();
      return [];
    } catch (error) {
      return [messageOf(error)];
    }
  });
}

/** With `packageJson`, the package's manifest agrees with what its code registers. */
export function describeManifestContract(run: ContractRun): void {
  const { packageJson } = run.options;
  if (packageJson === undefined) return;

  describe('manifest', () => {
    it('has the "pier" manifest plugin:install accepts, naming the scheduler the code registers', async () => {
      const { host, plugin } = await run.start();
      const pkg = JSON.parse(readFileSync(packageJson, 'utf8')) as Record<string, unknown>;
      // The keys its code tapped scheduler:info under: what plugin:install records while registering it.
      const registered = host.bus
        .taps(schedulerInfo)
        .filter((tap) => tap.plugin === plugin.name && tap.key !== undefined)
        .map((tap) => tap.key!);

      expect(await manifestProblems(pkg, plugin.name, registered)).toEqual([]);
    });
  });
}
