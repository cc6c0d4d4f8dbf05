import { join } from 'node:path';

/** The fields of a package.json that say where its code is. */
export interface PackageEntryFields {
  main?: unknown;
  exports?: unknown;
}

// Conditions a Node ESM `import` matches, in the order a plugin author would expect.
const CONDITIONS = ['import', 'node', 'default'];

function pick(target: unknown): string | undefined {
  if (typeof target === 'string') return target;
  if (Array.isArray(target)) return target.map(pick).find((t) => t !== undefined);
  if (typeof target !== 'object' || target === null) return undefined;
  const record = target as Record<string, unknown>;
  for (const condition of CONDITIONS) {
    if (condition in record) {
      const found = pick(record[condition]);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/**
 * The file `import('<package>')` loads, from the package's own package.json: the `.` export
 * (string, condition object or `{ ".": … }` map) or else `main`, else `index.js`. Resolved by
 * hand because plugins live outside the CLI's module paths.
 */
export function packageEntry(packageDir: string, pkg: PackageEntryFields): string | undefined {
  if (pkg.exports !== undefined) {
    const exportsField = pkg.exports as Record<string, unknown>;
    const isSubpathMap = typeof exportsField === 'object' && exportsField !== null && Object.keys(exportsField).some((k) => k.startsWith('.'));
    const target = pick(isSubpathMap ? exportsField['.'] : exportsField);
    return target === undefined ? undefined : join(packageDir, target);
  }
  return join(packageDir, typeof pkg.main === 'string' ? pkg.main : 'index.js');
}
