/**
 * `pier` the way a shell user runs it: in a pipeline (`pier logs app | head -1`, by bash so that
 * a test can read `${PIPESTATUS[0]}`, pier's own exit status), on a terminal, or left running.
 */
import { execa } from 'execa';
import { asPierResult, spawnPier } from './apps.js';
import { waitFor } from './docker.js';
import { pierBin, type PierEnvironment, type PierResult } from './pier.js';

const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

/** Runs `script` with every `{pier}` replaced by the built binary; the result is the pipeline's. */
export async function inPipeline(env: PierEnvironment, script: string, timeout = 120_000): Promise<PierResult> {
  const pier = `${quote(process.execPath)} ${quote(pierBin)}`;
  const result = await execa('bash', ['-c', script.replaceAll('{pier}', pier)], {
    reject: false,
    stripFinalNewline: false,
    timeout,
    env: { PIER_ROOT: env.root, NO_COLOR: '1' },
  });
  return asPierResult(result);
}

/**
 * Runs `script` on a pseudo-terminal (util-linux `script -qec … /dev/null`), every `{pier}`
 * replaced by the built binary. The output comes back as the terminal gave it, CRs included;
 * `stdin` stays open (and the terminal with it) until the caller ends it or kills the process.
 */
export function onTerminal(env: PierEnvironment, script: string, timeout = 60_000) {
  const pier = `${quote(process.execPath)} ${quote(pierBin)}`;
  return execa('script', ['-qec', script.replaceAll('{pier}', pier), '/dev/null'], {
    reject: false,
    stripFinalNewline: false,
    stdin: 'pipe',
    timeout,
    env: { ...process.env, PIER_ROOT: env.root, NO_COLOR: '1', TERM: 'dumb' },
    extendEnv: false,
  });
}

/** `pier args` left running, once its stdout has shown `marker`; `output()` is all it printed so far. */
export async function startedPier(env: PierEnvironment, args: string[], marker: string) {
  const child = spawnPier(env, args);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    await waitFor(async () => output.includes(marker), { what: `pier ${args[0]} to print ${JSON.stringify(marker)}` });
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return { child, output: () => output };
}
