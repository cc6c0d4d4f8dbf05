import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { messageOf, parsePluginManifest, schedulerInfo } from '@pier/plugin-api';
import type { ContractRun } from './scheduler-contract.js';

/**
 * What `pier plugin:install` will say about a scheduler package's package.json, as a list of
 * problems (empty when it would accept it): a valid `"pier"` manifest of kind scheduler that names
 * the scheduler the code registers, and a package name equal to the plugin's name.
 */
export async function manifestProblems(pkg: Record<string, unknown>, pluginName: string, registered: readonly string[]): Promise<string[]> {
  const name = String(pkg.name);
  const problems: string[] = [];
  if (name !== pluginName) problems.push(`package.json names ${name}, the plugin is named ${pluginName}`);
  try {
    const manifest = await parsePluginManifest(name, pkg.pier);
    if (manifest.kind !== 'scheduler') problems.push(`the manifest's kind is "${manifest.kind}", a scheduler needs "scheduler"`);
    else if (registered.length !== 1 || registered[0] !== manifest.scheduler) {
      problems.push(`the code registers ${registered.join(', ') || 'no scheduler'}, the manifest names ${manifest.scheduler}`);
    }
  } catch (error) {
    problems.push(messageOf(error));
  }
  return problems;
}

/** With `packageJson`, the package's manifest agrees with what its code registers. */
export function describeManifestContract(run: ContractRun): void {
  const { packageJson } = run.options;
  if (packageJson === undefined) return;

  describe('manifest', () => {
    it('has the "pier" manifest plugin:install accepts, naming the scheduler the code registers', async () => {
      const { host, plugin } = await run.start();
      const pkg = JSON.parse(readFileSync(packageJson, 'utf8')) as Record<string, unknown>;
      const registered = host.bus
        .taps(schedulerInfo)
        .filter((tap) => tap.plugin === plugin.name && tap.key !== undefined)
        .map((tap) => tap.key!);

      expect(await manifestProblems(pkg, plugin.name, registered)).toEqual([]);
    });
  });
}
