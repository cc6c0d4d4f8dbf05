import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { workspaceRoot } from './consumer-project.js';

const quiet = ['--no-audit', '--no-fund', '--loglevel=error'];

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
  const base = mkdtempSync(join(tmpdir(), 'pier-guide-'));
  const dir = join(base, 'project');
  const packs = join(base, 'tarballs');
  mkdirSync(packs, { recursive: true });
  for (const [path, body] of Object.entries(guideFiles())) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), body);
  }
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
  for (const name of Object.keys(pkg.devDependencies).filter((n) => n.startsWith('@pier/'))) {
    const { stdout } = await execa('npm', ['pack', join(workspaceRoot, 'packages', name.slice('@pier/'.length)), '--json', '--pack-destination', packs, ...quiet]);
    pkg.devDependencies[name] = `file:${join(packs, (JSON.parse(stdout) as { filename: string }[])[0]!.filename)}`;
  }
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
