import { createRequire } from 'node:module';
import { createOutput, type PluginIO } from '@pier/plugin-api';
import { reportError } from './error-output.js';
import { parseGlobalFlags } from './global-flags.js';
import { createHost, type HostOptions } from './host.js';
import { runCommand } from './run-command.js';
import { stateRoot } from './state-root.js';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

function processIO(): PluginIO {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    isTTY: Boolean(process.stdin.isTTY && process.stdout.isTTY),
  };
}

/** Runs one `pier` invocation and returns its exit status. Never exits the process itself. */
export async function main(
  argv: readonly string[] = process.argv.slice(2),
  env: Readonly<Record<string, string | undefined>> = process.env,
  io: PluginIO = processIO(),
  seams: Pick<HostOptions, 'npm' | 'cwd'> = {},
): Promise<number> {
  let log = createOutput(io);
  let trace = false;
  try {
    const { flags, rest } = parseGlobalFlags(argv);
    trace = flags.trace;
    const host = await createHost({ ...seams, root: stateRoot(env), env, io, quiet: flags.quiet, trace });
    log = host.log;
    return await runCommand(host, flags, rest, version);
  } catch (error) {
    return reportError(error, log, trace);
  }
}
