import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';

export const workspaceRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/** npm without its advice: only errors on the test's output. */
export const quiet = ['--no-audit', '--no-fund', '--loglevel=error'];

/**
 * `npm pack`s each package into `destination`: workspace packages by folder name under
 * packages/, or absolute paths of other package folders. Returns name → tarball path.
 */
export async function packPackages(packages: string[], destination: string): Promise<Record<string, string>> {
  const tarballs: Record<string, string> = {};
  for (const name of packages) {
    const folder = isAbsolute(name) ? name : join(workspaceRoot, 'packages', name);
    const { stdout } = await execa('npm', ['pack', folder, '--json', '--pack-destination', destination, ...quiet]);
    tarballs[name] = join(destination, (JSON.parse(stdout) as { filename: string }[])[0]!.filename);
  }
  return tarballs;
}

/** A scratch folder (removed by dispose) holding `project/` and the packed `tarballs/`. */
export function scratchProject(prefix: string): { base: string; dir: string; packs: string } {
  const base = mkdtempSync(join(tmpdir(), prefix));
  const dir = join(base, 'project');
  const packs = join(base, 'tarballs');
  mkdirSync(dir, { recursive: true });
  mkdirSync(packs, { recursive: true });
  return { base, dir, packs };
}

/**
 * An empty npm project outside the workspace, with the given workspace packages installed from
 * their `npm pack` tarballs: what a user gets from `npm install @pier/scheduler-null
 * @pier/plugin-api`, minus the registry for the @pier packages themselves.
 */
export interface ConsumerProject {
  dir: string;
  tarballs: Record<string, string>;
  /** Runs an ESM script in the project (`node --input-type=module`), returning stdout. */
  run(script: string, args?: string[]): Promise<{ exitCode: number; stdout: string; stderr: string }>;
  dispose(): void;
}

/**
 * @param packages packed and installed: workspace packages (folder names under packages/) or
 *   absolute paths of other package folders
 * @param extra more install specs, taken as they are (e.g. registry packages)
 */
export async function consumerProject(packages: string[], extra: string[] = []): Promise<ConsumerProject> {
  const { base, dir, packs } = scratchProject('pier-consumer-');
  const tarballs = await packPackages(packages, packs);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  await execa('npm', ['install', '--ignore-scripts', ...quiet, ...Object.values(tarballs), ...extra], { cwd: dir });
  return {
    dir,
    tarballs,
    async run(script, args = []) {
      const scriptFile = join(dir, `script-${Math.random().toString(36).slice(2)}.mjs`);
      writeFileSync(scriptFile, script);
      const result = await execa('node', [scriptFile, ...args], { cwd: dir, reject: false, env: { NO_COLOR: '1' } });
      return { exitCode: result.exitCode ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) };
    },
    dispose: () => rmSync(base, { recursive: true, force: true }),
  };
}
