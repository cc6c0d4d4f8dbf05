import { isAbsolute } from 'node:path';
import { ErrorCodes, PierError } from '@pier/plugin-api';

/** What plugin installation needs from npm; a port so the flow can be tested without npm. */
export interface NpmRunner {
  /** Packs `spec` (npm spec, tarball or folder) into `destination` without running its scripts. */
  pack(spec: string, destination: string): Promise<PackedTarball>;
  /** `npm install` in the prefix: the given specs, or (none) what package.json and the lock say. */
  install(prefix: string, specs: string[]): Promise<void>;
  uninstall(prefix: string, name: string): Promise<void>;
}

export interface PackedTarball {
  name: string;
  version: string;
  filename: string;
  shasum: string;
}

// Plugins are code from elsewhere: never run their install scripts, and keep npm quiet.
const COMMON = ['--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'];

/** npm's own explanation of a failure, without the codes, hints and log-file lines around it. */
export function npmFailure(stderr: string): string {
  const lines = stderr
    .split('\n')
    .filter((line) => line.startsWith('npm error '))
    .map((line) => line.slice('npm error '.length).replace(/^\d{3}(\s+|$)/, '').trim())
    .filter((line) => line && !/^(code |errno |syscall |path |A complete log|Note that|tarball, folder|In most cases|You should)/.test(line));
  return lines.slice(0, 2).join('; ') || stderr.trim().split('\n').pop() || 'npm failed';
}

/** The real npm, through execa, loaded only when a plugin command needs it (not at start-up). */
export function execaNpm(env: Readonly<Record<string, string | undefined>>): NpmRunner {
  async function npm(args: string[], cwd: string, what: string): Promise<string> {
    const { execa } = await import('execa');
    const result = await execa('npm', [...args, ...COMMON], {
      cwd,
      env: { ...env, npm_config_update_notifier: 'false' },
      extendEnv: true,
      reject: false,
      stdin: 'ignore',
    });
    if (result.failed) {
      const reason = result.exitCode === undefined ? result.shortMessage : npmFailure(String(result.stderr));
      throw new PierError(ErrorCodes.PLUGIN_INSTALL, `${what}: ${reason}`);
    }
    return String(result.stdout);
  }

  return {
    async pack(spec, destination) {
      // A path is packed here; anything else is fetched from the registry first.
      const what = `Could not ${isAbsolute(spec) ? 'pack' : 'fetch'} ${spec}`;
      const out = await npm(['pack', spec, '--json', '--pack-destination', destination], destination, what);
      const [packed] = JSON.parse(out) as PackedTarball[];
      if (!packed) throw new PierError(ErrorCodes.PLUGIN_INSTALL, `${what}: npm pack printed nothing`);
      return packed;
    },
    async install(prefix, specs) {
      await npm(['install', '--prefix', prefix, ...specs], prefix, `npm install in ${prefix} failed`);
    },
    async uninstall(prefix, name) {
      await npm(['uninstall', '--prefix', prefix, name], prefix, `npm uninstall ${name} failed`);
    },
  };
}
