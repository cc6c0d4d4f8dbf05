import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The dependency rule, by the `nx.tags` type of each package:
 *   type:contract (plugin-api)  → nothing internal
 *   type:plugin                 → the contract only (and the test kit, in tests)
 *   type:testkit                → the contract only
 *   type:app (cli), type:e2e, type:tooling → anything
 * Plugins talk to each other only through the trigger bus, so a plugin importing another plugin
 * is a violation even when it would compile.
 */
export const allowedInternal: Record<string, readonly string[] | 'any'> = {
  'type:contract': [],
  'type:plugin': ['@pier/plugin-api', '@pier/plugin-testkit'],
  'type:testkit': ['@pier/plugin-api'],
  'type:app': 'any',
  'type:e2e': 'any',
  'type:tooling': 'any',
};

export interface WorkspacePackage {
  name: string;
  dir: string;
  type: string;
  /** Every @pier/* name in dependencies, peerDependencies and devDependencies. */
  declared: string[];
  /** Every @pier/* module imported by a source file, with the file. */
  imports: { module: string; file: string }[];
}

const IMPORT = /(?:from\s+|import\s*\(\s*|require\(\s*)['"](@pier\/[a-z0-9-]+)/g;

function sourceFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry);
    if (entry === 'node_modules' || entry === 'dist') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|js|mjs)$/.test(entry) ? [path] : [];
  });
}

export function readPackage(dir: string): WorkspacePackage {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    name: string;
    nx?: { tags?: string[] };
    dependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  const declared = [pkg.dependencies, pkg.peerDependencies, pkg.devDependencies]
    .flatMap((deps) => Object.keys(deps ?? {}))
    .filter((name) => name.startsWith('@pier/'));
  const imports = sourceFiles(join(dir, 'src')).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((m) => ({ module: m[1]!, file: relative(dir, file) })),
  );
  const type = pkg.nx?.tags?.find((t) => t.startsWith('type:')) ?? 'untagged';
  return { name: pkg.name, dir, type, declared: [...new Set(declared)], imports };
}

/** Human-readable violations; empty when the package follows the rule. */
export function boundaryViolations(pkg: WorkspacePackage): string[] {
  const allowed = allowedInternal[pkg.type];
  if (allowed === undefined) return [`${pkg.name}: unknown or missing nx tag "${pkg.type}"`];
  if (allowed === 'any') return [];
  const own = (module: string) => module === pkg.name;
  const violations = pkg.declared
    .filter((name) => !own(name) && !allowed.includes(name))
    .map((name) => `${pkg.name} (${pkg.type}) declares a dependency on ${name}`);
  for (const { module, file } of pkg.imports) {
    if (!own(module) && !allowed.includes(module)) violations.push(`${pkg.name} (${pkg.type}) imports ${module} in ${file}`);
    else if (!own(module) && !pkg.declared.includes(module)) violations.push(`${pkg.name} imports undeclared ${module} in ${file}`);
  }
  return violations;
}

export function workspacePackages(root: string): WorkspacePackage[] {
  return ['packages', 'tools', 'e2e'].flatMap((group) => {
    const base = join(root, group);
    let dirs: string[] = [];
    try {
      dirs = readdirSync(base).filter((d) => statSync(join(base, d, 'package.json'), { throwIfNoEntry: false }));
    } catch {
      return [];
    }
    return dirs.map((d) => readPackage(join(base, d)));
  });
}
