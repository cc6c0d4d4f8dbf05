import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** What `npm pack --dry-run` would put in a package's tarball. */
export interface PackedPackage {
  name: string;
  /** The package's directory (relative to the workspace root). */
  dir: string;
  files: string[];
  manifest: PublishManifest;
}

export interface PublishManifest {
  name: string;
  private?: boolean;
  exports?: unknown;
  main?: string;
  types?: string;
  bin?: string | Record<string, string>;
  files?: string[];
  publishConfig?: { access?: string };
  peerDependencies?: Record<string, string>;
  pier?: { apiVersion?: number };
  nx?: { tags?: string[] };
}

/** Packs every package under packages/ in one npm call, without scripts and without writing tarballs. */
export function packWorkspacePackages(root: string): PackedPackage[] {
  const dirs = new Map(
    readdirSync(join(root, 'packages'))
      .filter((dir) => existsSync(join(root, 'packages', dir, 'package.json')))
      .map((dir) => [readManifest(join(root, 'packages', dir)).name, join('packages', dir)] as const),
  );
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts', '--workspaces', '--loglevel=error'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return (JSON.parse(out) as { name: string; files: { path: string }[] }[])
    .filter((p) => dirs.has(p.name))
    .map((p) => {
      const dir = dirs.get(p.name)!;
      return { name: p.name, dir, files: p.files.map((f) => f.path).sort(), manifest: readManifest(join(root, dir)) };
    });
}

function readManifest(dir: string): PublishManifest {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PublishManifest;
}

/** Every file an export condition, `main`, `types` or `bin` points at. */
export function entryFiles(manifest: PublishManifest): string[] {
  const found: string[] = [];
  const walk = (target: unknown) => {
    if (typeof target === 'string') found.push(target);
    else if (target && typeof target === 'object') Object.values(target).forEach(walk);
  };
  walk(manifest.exports);
  walk(manifest.main);
  walk(manifest.types);
  walk(manifest.bin);
  return [...new Set(found.map((f) => f.replace(/^\.\//, '')))].filter((f) => !f.includes('*'));
}

const ALLOWED = [/^package\.json$/, /^README\.md$/i, /^LICENSE(\.md)?$/i, /^CHANGELOG\.md$/, /^dist\//];

/**
 * Human-readable problems with what a package would publish: files outside dist (and the
 * package.json/README/LICENSE/CHANGELOG npm adds), test or build-info files, entry points that
 * are not in the tarball, a missing README or LICENSE, and the publishing fields every package
 * needs.
 */
export function publishProblems(pkg: PackedPackage): string[] {
  const { manifest, files } = pkg;
  const problems: string[] = [];
  const extraAllowed = manifest.bin ? [/^bin\//] : [];
  for (const file of files) {
    if (![...ALLOWED, ...extraAllowed].some((pattern) => pattern.test(file))) problems.push(`${pkg.name} would publish ${file}`);
    if (/\.test\.|\.tsbuildinfo$|(^|\/)test-support\//.test(file)) problems.push(`${pkg.name} would publish test or build file ${file}`);
  }
  for (const entry of entryFiles(manifest)) {
    if (!files.includes(entry)) problems.push(`${pkg.name}: entry ${entry} is not in the tarball (built? listed in "files"?)`);
  }
  // Every published package explains itself and carries its licence (npm adds both when present).
  if (!files.some((f) => /^README\.md$/i.test(f))) problems.push(`${pkg.name} would publish no README.md`);
  if (!files.some((f) => /^LICENSE(\.md)?$/i.test(f))) problems.push(`${pkg.name} would publish no LICENSE`);
  if (!manifest.files) problems.push(`${pkg.name} has no "files" list`);
  if (!manifest.private && manifest.publishConfig?.access !== 'public') problems.push(`${pkg.name} lacks publishConfig.access "public"`);
  if (manifest.exports === undefined) problems.push(`${pkg.name} has no "exports" map`);
  return problems;
}
