import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { packPackages, quiet, scratchProject, workspaceRoot } from './consumer-project.js';

/** The files docs/writing-a-scheduler.md spells out: every fenced block tagged `file=<path>`. */
export function guideFiles(guide = join(workspaceRoot, 'docs', 'writing-a-scheduler.md')): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [, path, body] of readFileSync(guide, 'utf8').matchAll(/^```\w+ file=(\S+)\n([\s\S]*?)^```$/gm)) files[path!] = body!;
  return files;
}

export interface GuideProject {
  dir: string;
  npm(args: string[]): Promise<{ exitCode: number; stdout: string; stderr: string }>;
  dispose(): void;
}

/**
 * The guide's standalone scheduler package, written to an empty folder outside the workspace and
 * installed as the guide says. The only change: the @pier/* devDependencies come from this
 * workspace's `npm pack` tarballs, as they are not on the registry here; the rest (jest,
 * typescript, @types/node) comes from the registry at the versions the guide names.
 */
export async function guideProject(): Promise<GuideProject> {
  const { base, dir, packs } = scratchProject('pier-guide-');
  for (const [path, body] of Object.entries(guideFiles())) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), body);
  }
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
  const pier = Object.keys(pkg.devDependencies).filter((name) => name.startsWith('@pier/'));
  const tarballs = await packPackages(pier.map((name) => name.slice('@pier/'.length)), packs);
  for (const name of pier) pkg.devDependencies[name] = `file:${tarballs[name.slice('@pier/'.length)]}`;
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
  await execa('npm', ['install', '--ignore-scripts', ...quiet], { cwd: dir });
  return {
    dir,
    async npm(args) {
      const result = await execa('npm', [...args, ...quiet], { cwd: dir, reject: false, env: { NO_COLOR: '1' } });
      return { exitCode: result.exitCode ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) };
    },
    dispose: () => rmSync(base, { recursive: true, force: true }),
  };
}
