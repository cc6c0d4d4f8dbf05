/**
 * `pier` the way a shell user runs it: in a pipeline (`pier logs app | head -1`, by bash so that
 * a test can read `${PIPESTATUS[0]}`, pier's own exit status), on a terminal, or left running.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { asPierResult, spawnPier } from './apps.js';
import { waitFor } from './docker.js';
import { pierBin, shellQuote as quote, type PierEnvironment, type PierResult } from './pier.js';

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

/**
 * `pier args` left running, its stdout collected: `printed(text)` waits until it has shown `text`,
 * `output()` is all it printed so far. `track` collects the child, for an afterEach to kill it
 * should a test fail half-way (a failed test must not leave a pier behind).
 */
export function watchedPier(env: PierEnvironment, args: string[], track?: { push(child: ReturnType<typeof spawnPier>): unknown }) {
  const child = spawnPier(env, args);
  track?.push(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const printed = (text: string, what = `pier ${args[0]} to print ${JSON.stringify(text)}`, timeoutMs = 60_000) =>
    waitFor(async () => output.includes(text), { timeoutMs, what });
  return { child, output: () => output, printed };
}

/** `pier args` left running, once its stdout has shown `marker` (killed if it never does). */
export async function startedPier(env: PierEnvironment, args: string[], marker: string) {
  const watched = watchedPier(env, args);
  try {
    await watched.printed(marker, undefined, 30_000);
  } catch (error) {
    watched.child.kill('SIGKILL');
    throw error;
  }
  return watched;
}

/**
 * The session of a terminal that then hangs up (its window or SSH session closed): an `sh` leads
 * it and, as an interactive shell does with its jobs, passes the SIGHUP it gets on to the command,
 * then records the command's exit status. `$1` is the directory for the status and for the
 * session's process group (what dispose() kills if the test failed halfway).
 */
const HANGUP_SESSION = `dir=$1; shift
echo $$ > "$dir/pgid"
exec 3<&0
"$@" <&3 & child=$!
trap 'kill -HUP $child' HUP
wait $child; first=$?
wait $child; second=$?
# The first wait is cut short by the trap; the second one then has the command's own status (127:
# there was no trap, the first one had it).
if [ $second -eq 127 ]; then echo $first; else echo $second; fi > "$dir/status"
`;

/**
 * `pier args` on a terminal (onTerminal) whose session hangs up at `hangUp()`; `status()` is the
 * exit status the session's shell saw. pier runs under `timeout --foreground -s KILL`, so a pier
 * that does not end fails the test (status 137) instead of hanging it.
 */
export function onHangingTerminal(env: PierEnvironment, args: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'pier-hangup-'));
  writeFileSync(join(dir, 'session.sh'), HANGUP_SESSION);
  const command = ['timeout', '--foreground', '-s', 'KILL', '120', '{pier}', ...args.map(quote)].join(' ');
  const terminal = onTerminal(env, `sh ${quote(join(dir, 'session.sh'))} ${quote(dir)} ${command}`, 170_000);
  const read = (name: string) => {
    try {
      return readFileSync(join(dir, name), 'utf8').trim();
    } catch {
      return undefined;
    }
  };
  return {
    terminal,
    /** Closes the terminal: `script`, which holds its master side, is killed. */
    async hangUp() {
      terminal.kill('SIGKILL');
      await terminal;
    },
    status: () => waitFor(async () => (read('status') === undefined ? undefined : Number(read('status'))), { timeoutMs: 150_000, what: 'the session to record pier’s status' }),
    dispose() {
      const pgid = Number(read('pgid'));
      if (pgid > 1) {
        try {
          process.kill(-pgid, 'SIGKILL');
        } catch {
          // Ended already.
        }
      }
      terminal.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
