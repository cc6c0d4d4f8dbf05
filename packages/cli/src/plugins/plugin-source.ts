import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { ErrorCodes, PierError, UsageError, messageOf } from '@pier/plugin-api';

/** What `plugin:install` was given: a path (tarball or package folder) made absolute, or an npm spec. */
export interface PluginSource {
  kind: 'tarball' | 'folder' | 'npm';
  /** What npm is handed: the absolute path, or the spec as typed. */
  spec: string;
}

// npm's own rule: only path-like arguments are files or folders; anything else is a registry spec.
const PATH_LIKE = /^(\.{1,2}|~)?[\\/]|^\.{1,2}$|\.(tgz|tar\.gz|tar)$/;

export function resolvePluginSource(spec: string, cwd: string): PluginSource {
  const bare = spec.startsWith('file:') ? spec.slice('file:'.length) : spec;
  if (!PATH_LIKE.test(bare) && bare === spec) {
    if (spec.startsWith('-')) throw new UsageError(`unknown flag: ${spec}`);
    return { kind: 'npm', spec };
  }
  const path = bare.startsWith('~/') ? join(homedir(), bare.slice(2)) : resolve(cwd, bare);
  if (!existsSync(path)) throw new UsageError(`No such file or directory: ${spec}`);
  if (statSync(path).isDirectory()) {
    if (!existsSync(join(path, 'package.json'))) throw new UsageError(`${spec} is not a package folder: it has no package.json`);
    checkPackageJson(spec, join(path, 'package.json'));
    return { kind: 'folder', spec: path };
  }
  return { kind: 'tarball', spec: path };
}

/** npm would report a broken package.json in a folder as a failed fetch with its parser's internals. */
function checkPackageJson(spec: string, file: string): void {
  try {
    JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new PierError(ErrorCodes.PLUGIN_MANIFEST, `${spec} has an invalid package.json: ${messageOf(error)}`);
  }
}
