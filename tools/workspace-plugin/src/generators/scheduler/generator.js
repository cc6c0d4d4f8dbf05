// @ts-check
/**
 * `nx g @pier/workspace-plugin:scheduler <name>`: scaffolds packages/scheduler-<name>, a
 * scheduler plugin that builds, type-checks and passes the scheduler contract suite as
 * generated, so every scheduler in this repository starts from the same shape (manifest,
 * index, properties and settings commands, contract tests). Plain JavaScript: Nx loads local
 * generators with require(), and TypeScript 7 offers no transpiler hook for it.
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import devkit from '@nx/devkit';

const { generateFiles, names, readJson } = devkit;

/** @typedef {{ name: string; description?: string; skipInstall?: boolean }} SchedulerGeneratorOptions */

// The name users type in `scheduler:set <app> selected <name>` (defineScheduler enforces it too).
const SCHEDULER_NAME = /^[a-z0-9][a-z0-9-]*$/;

/**
 * Scheduler names already taken by packages of this workspace, from their "pier" manifests.
 * @param {import('@nx/devkit').Tree} tree
 * @returns {Map<string, string>} scheduler name → package name
 */
function schedulersInWorkspace(tree) {
  const taken = new Map();
  for (const dir of tree.children('packages')) {
    const path = `packages/${dir}/package.json`;
    if (!tree.exists(path)) continue;
    const pkg = readJson(tree, path);
    if (pkg.pier?.scheduler) taken.set(pkg.pier.scheduler, pkg.name);
  }
  return taken;
}

/**
 * The versions the new package is built against: plugin-api's (peer range) and its contract
 * version (the manifest's apiVersion), read from the workspace so they never go stale.
 * @param {import('@nx/devkit').Tree} tree
 */
function contractVersions(tree) {
  const source = tree.read('packages/plugin-api/src/plugin/plugin-api-version.ts', 'utf-8') ?? '';
  const apiVersion = /PLUGIN_API_VERSION = (\d+)/.exec(source)?.[1];
  if (!apiVersion) throw new Error('PLUGIN_API_VERSION not found in packages/plugin-api');
  return {
    apiVersion,
    pluginApiVersion: readJson(tree, 'packages/plugin-api/package.json').version,
    testkitVersion: readJson(tree, 'packages/plugin-testkit/package.json').version,
  };
}

/**
 * @param {import('@nx/devkit').Tree} tree
 * @param {SchedulerGeneratorOptions} options
 */
export default function schedulerGenerator(tree, options) {
  const { name } = options;
  if (!SCHEDULER_NAME.test(name ?? '')) {
    throw new Error(`Invalid scheduler name "${name}": use lowercase letters, digits and hyphens (it is typed in scheduler:set)`);
  }
  const dir = `packages/scheduler-${name}`;
  if (tree.exists(dir)) throw new Error(`${dir} already exists`);
  const owner = schedulersInWorkspace(tree).get(name);
  if (owner) throw new Error(`Scheduler ${name} is already provided by ${owner}`);

  const { className, propertyName } = names(name);
  generateFiles(tree, join(dirname(fileURLToPath(import.meta.url)), 'files'), dir, {
    tmpl: '',
    name,
    className,
    description: options.description ?? `Runs Pier apps with the ${name} scheduler`,
    factory: `scheduler${className}`,
    propertiesName: `${propertyName}Properties`,
    propertyPlugin: `scheduler-${name}`,
    ...contractVersions(tree),
  });

  if (options.skipInstall) return undefined;
  // Links the new workspace package into node_modules and records it in package-lock.json
  // (npm ci refuses a lockfile that misses a workspace).
  return () => {
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: tree.root, stdio: 'inherit' });
  };
}
