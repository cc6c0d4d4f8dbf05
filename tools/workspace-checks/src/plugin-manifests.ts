import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PublishManifest } from './publish-contents.js';

/** PLUGIN_API_VERSION as declared in plugin-api's source (the contract's major version). */
export function pluginApiVersion(root: string): number {
  const source = readFileSync(join(root, 'packages/plugin-api/src/plugin/plugin-api-version.ts'), 'utf8');
  const match = /PLUGIN_API_VERSION = (\d+)/.exec(source);
  if (!match) throw new Error('PLUGIN_API_VERSION not found in plugin-api');
  return Number(match[1]);
}

/** Whether `version` satisfies the caret range `^x.y.z` (0.x ranges are minor-locked, as in npm). */
export function caretSatisfies(range: string, version: string): boolean {
  const want = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(range)?.slice(1).map(Number);
  const have = /^(\d+)\.(\d+)\.(\d+)$/.exec(version)?.slice(1).map(Number);
  if (!want || !have) return false;
  const [wMajor, wMinor, wPatch] = want as [number, number, number];
  const [hMajor, hMinor, hPatch] = have as [number, number, number];
  if (hMajor !== wMajor) return false;
  if (wMajor === 0 && hMinor !== wMinor) return false;
  return hMinor > wMinor || (hMinor === wMinor && hPatch >= wPatch);
}

/**
 * The plugin contract in package.json: a package with a "pier" manifest declares the API version
 * this plugin-api implements, and takes @pier/plugin-api as a caret peer that the current version
 * satisfies (so the host's single copy is used, and a breaking contract change, a major release,
 * makes every plugin opt in explicitly).
 */
export function pluginManifestProblems(manifest: PublishManifest & { dependencies?: Record<string, string> }, apiVersion: number, contractVersion: string): string[] {
  if (manifest.pier === undefined) return [];
  const problems: string[] = [];
  if (manifest.pier.apiVersion !== apiVersion) {
    problems.push(`${manifest.name}: "pier".apiVersion is ${String(manifest.pier.apiVersion)}, plugin-api implements ${apiVersion}`);
  }
  const peer = manifest.peerDependencies?.['@pier/plugin-api'];
  if (peer === undefined) problems.push(`${manifest.name}: @pier/plugin-api must be a peer dependency`);
  else if (!caretSatisfies(peer, contractVersion)) problems.push(`${manifest.name}: peer @pier/plugin-api "${peer}" must be a caret range that ${contractVersion} satisfies`);
  if (manifest.dependencies?.['@pier/plugin-api']) problems.push(`${manifest.name}: @pier/plugin-api belongs in peerDependencies, not dependencies`);
  return problems;
}
