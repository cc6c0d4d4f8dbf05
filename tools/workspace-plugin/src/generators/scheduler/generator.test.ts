import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { FsTree, flushChanges } from 'nx/src/generators/tree.js';
import schedulerGenerator from './generator.js';

const workspaceRoot = fileURLToPath(new URL('../../../../../', import.meta.url));
const pierBin = join(workspaceRoot, 'packages', 'cli', 'bin', 'pier.js');

/**
 * A throwaway workspace next to the real one: the root configs copied, node_modules, tools and
 * the contract packages linked. The generated package lands there, never in this repository.
 */
function scratchWorkspace(): string {
  const root = mkdtempSync(join(tmpdir(), 'pier-generator-'));
  for (const file of ['package.json', 'tsconfig.base.json', 'jest.preset.js', 'jest.setup.js']) copyFileSync(join(workspaceRoot, file), join(root, file));
  symlinkSync(join(workspaceRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
  symlinkSync(join(workspaceRoot, 'tools'), join(root, 'tools'), 'dir');
  mkdirSync(join(root, 'packages'));
  for (const pkg of ['plugin-api', 'plugin-testkit']) symlinkSync(join(workspaceRoot, 'packages', pkg), join(root, 'packages', pkg), 'dir');
  // Under another folder name, so only its manifest can tell that "null" is taken.
  symlinkSync(join(workspaceRoot, 'packages', 'scheduler-null'), join(root, 'packages', 'no-op'), 'dir');
  return root;
}

function generate(root: string, name: string, description?: string) {
  const tree = new FsTree(root, false);
  const callback = schedulerGenerator(tree, { name, skipInstall: true, ...(description ? { description } : {}) });
  flushChanges(root, tree.listChanges());
  return callback;
}

describe('nx g @pier/workspace-plugin:scheduler', () => {
  let root: string;
  let dir: string;
  beforeAll(() => {
    root = scratchWorkspace();
    generate(root, 'k3s', "Runs apps on k3s (Rancher's Kubernetes)");
    dir = join(root, 'packages', 'scheduler-k3s');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const read = (file: string) => readFileSync(join(dir, file), 'utf8');
  const npmRun = (script: string) => execa('npm', ['run', script, '--loglevel=error'], { cwd: dir, reject: false, env: { NO_COLOR: '1' } });

  it('writes a scheduler package: manifest, index, properties, commands, tests', () => {
    const pkg = JSON.parse(read('package.json'));

    expect(pkg).toMatchObject({
      name: '@pier/scheduler-k3s',
      description: "Runs apps on k3s (Rancher's Kubernetes)",
      pier: { apiVersion: 1, kind: 'scheduler', scheduler: 'k3s', factory: 'schedulerK3s' },
      peerDependencies: { '@pier/plugin-api': expect.stringMatching(/^\^\d+\.\d+\.\d+$/) },
      nx: { tags: ['type:plugin'] },
      publishConfig: { access: 'public' },
    });
    expect(read('src/index.ts')).toContain("export { schedulerK3s, PACKAGE_NAME, SCHEDULER_NAME } from './plugin.js';");
    expect(read('src/plugin.test.ts')).toContain("describeSchedulerContract('k3s'");
    // plugin-api's settings commands under their own name, wrapped once for this scheduler's options.
    expect(read('src/commands.ts')).toContain("import { registerSettingsCommands, type PluginContext } from '@pier/plugin-api';");
    expect(read('src/commands.ts')).toContain('export function registerK3sCommands(context: PluginContext): void {');
    expect(read('src/plugin.ts')).toContain("import { registerK3sCommands } from './commands.js';");
    for (const file of ['README.md', 'tsconfig.json', 'tsconfig.lib.json', 'jest.config.js', 'src/properties.ts', 'src/commands.ts', 'src/app-state.ts']) {
      expect(existsSync(join(dir, file))).toBe(true);
    }
  });

  it('type-checks, passes its tests (the contract suite included) and builds, as generated', async () => {
    const typecheck = await npmRun('typecheck');
    const test = await npmRun('test');
    const build = await npmRun('build');

    expect({ typecheck: typecheck.exitCode, test: test.exitCode, build: build.exitCode }).toEqual({ typecheck: 0, test: 0, build: 0 });
    expect(String(test.stderr)).toMatch(/Tests: +14 passed, 14 total/);
    const built = await execa('node', ['--input-type=module', '-e', "import('./dist/index.js').then((m) => console.log(m.schedulerK3s().name))"], { cwd: dir });
    expect(built.stdout).toBe('@pier/scheduler-k3s');
  });

  it('installs into pier and deploys with pier deploy, as generated', async () => {
    expect((await npmRun('build')).exitCode).toBe(0);
    const pierRoot = mkdtempSync(join(tmpdir(), 'pier-generated-root-'));
    const pier = (...args: string[]) =>
      execa('node', [pierBin, ...args], { reject: false, env: { PIER_ROOT: pierRoot, NO_COLOR: '1', npm_config_offline: 'true' } });
    try {
      expect((await pier('plugin:install', dir)).stdout).toContain('installed and enabled (scheduler k3s)');
      await pier('apps:create', 'blog');
      await pier('scheduler:set', 'blog', 'selected', 'k3s');

      const deploy = await pier('deploy', 'blog', 'my-image:latest');

      expect({ exitCode: deploy.exitCode, stderr: deploy.stderr }).toEqual({ exitCode: 0, stderr: '' });
      expect(deploy.stdout).toContain('-----> Deploying blog via the k3s scheduler...');
      expect((await pier('ps:report', 'blog', '--running')).stdout).toBe('true');
    } finally {
      rmSync(pierRoot, { recursive: true, force: true });
    }
  });

  it.each([
    ['My Scheduler', 'Invalid scheduler name "My Scheduler": use lowercase letters, digits and hyphens (it is typed in scheduler:set)'],
    ['k3s', 'packages/scheduler-k3s already exists'],
    ['null', 'Scheduler null is already provided by @pier/scheduler-null'],
  ])('refuses %j', (name, message) => {
    expect(() => generate(root, name)).toThrow(message);
  });
});
