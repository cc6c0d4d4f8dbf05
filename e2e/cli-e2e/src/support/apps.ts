/**
 * Helpers for test files that deploy real apps with the built `pier`: reports parsed from
 * `--format json`, web ports from `ps:inspect`, a long-running `pier` process, and the
 * teardown every such file runs (destroy the apps, remove the images and temp dirs, then
 * assert nothing labelled with the apps is left on the engine).
 */
import { rmSync } from 'node:fs';
import { expect } from '@jest/globals';
import { execa } from 'execa';
import { appContainers, docker, removeImages, waitForNoContainers, type AppContainer } from './docker.js';
import { pierBin, shellQuote, type PierEnvironment, type PierResult } from './pier.js';

/** `ps:report <app> --format json`, parsed. */
export async function psReport(env: PierEnvironment, app: string): Promise<Record<string, string>> {
  const result = await env.pier(['ps:report', app, '--format', 'json']);
  if (result.exitCode !== 0) throw new Error(`ps:report ${app} failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as Record<string, string>;
}

export interface DynoStatus {
  state: string;
  /** The first 11 characters of the container id, as ps:report prints them. */
  cid: string;
}

/** The `status-<dyno>` keys of a ps:report, e.g. `{ 'web.1': { state: 'running', cid: '3c8d8daab27' } }`. */
export function statuses(report: Record<string, string>): Record<string, DynoStatus> {
  const found: Record<string, DynoStatus> = {};
  for (const [key, value] of Object.entries(report)) {
    if (!key.startsWith('status-')) continue;
    const match = /^(\S+) \(CID: ([0-9a-f]+)\)$/.exec(value);
    if (!match) throw new Error(`unexpected ${key}: ${value}`);
    found[key.slice('status-'.length)] = { state: match[1]!, cid: match[2]! };
  }
  return found;
}

interface InspectDoc {
  Id: string;
  Name: string;
  Config: { Env: string[] | null; Labels: Record<string, string> };
}

/** `ps:inspect <app>`, parsed. */
export async function psInspect(env: PierEnvironment, app: string): Promise<InspectDoc[]> {
  const result = await env.pier(['ps:inspect', app]);
  if (result.exitCode !== 0) throw new Error(`ps:inspect ${app} failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as InspectDoc[];
}

const envValue = (doc: InspectDoc, key: string) => doc.Config.Env?.find((entry) => entry.startsWith(`${key}=`))?.slice(key.length + 1);

/** dyno → PORT of every web container, read from `ps:inspect` (Config.Env PORT=… and DYNO=…). */
export async function webPorts(env: PierEnvironment, app: string): Promise<Record<string, number>> {
  const ports: Record<string, number> = {};
  for (const doc of await psInspect(env, app)) {
    const dyno = envValue(doc, 'DYNO');
    const port = envValue(doc, 'PORT');
    if (dyno?.startsWith('web.') && port) ports[dyno] = Number(port);
  }
  return ports;
}

/** A `pier` process left running (follow, concurrency): same binary and PIER_ROOT as env.pier. */
export function spawnPier(env: PierEnvironment, args: string[], options: { input?: string; env?: Record<string, string>; timeout?: number } = {}) {
  return execa('node', [pierBin, ...args], {
    reject: false,
    stripFinalNewline: false,
    input: options.input ?? '',
    timeout: options.timeout ?? 170_000,
    env: { PIER_ROOT: env.root, NO_COLOR: '1', ...options.env },
    extendEnv: true,
  });
}

/** A finished execa process as a PierResult. */
export function asPierResult(result: { exitCode?: number; stdout?: unknown; stderr?: unknown }): PierResult {
  return { exitCode: result.exitCode ?? -1, stdout: String(result.stdout ?? ''), stderr: String(result.stderr ?? '') };
}

/** Expects exit 0 and returns stdout (the message names the command and stderr otherwise). */
export async function pierOk(env: PierEnvironment, args: string[], options?: Parameters<PierEnvironment['pier']>[1]): Promise<string> {
  const result = await env.pier(args, options);
  if (result.exitCode !== 0) throw new Error(`pier ${args.join(' ')} exited ${result.exitCode}\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/**
 * Creates an app in host network mode (an engine from ensure-engine.sh has no bridge network),
 * with `wait-to-retire` 0 unless told otherwise, and the given scale saved without deploying.
 */
export async function createHostApp(env: PierEnvironment, app: string, scale: string[] = [], waitToRetire = '0'): Promise<void> {
  await pierOk(env, ['apps:create', app]);
  await pierOk(env, ['scheduler-docker-local:set', app, 'network-mode', 'host']);
  await pierOk(env, ['checks:set', app, 'wait-to-retire', waitToRetire]);
  if (scale.length > 0) await pierOk(env, ['ps:scale', '--skip-deploy', app, ...scale]);
}

/** createHostApp, then `deploy <image>` with checks skipped: an app running `scale`, ready to use. */
export async function deployHostApp(env: PierEnvironment, app: string, image: string, scale: string[]): Promise<void> {
  await createHostApp(env, app, scale);
  await pierOk(env, ['checks:skip', app]);
  await pierOk(env, ['deploy', app, image]);
}

/**
 * The afterAll of every file that touches the engine: destroys the apps with `pier --force
 * apps:destroy`, removes the images and temp dirs and the PIER_ROOT, then asserts that nothing
 * labelled with the apps was left behind (anything that was is removed first, so that a failure
 * does not leak into other files).
 */
export async function tearDownApps(env: PierEnvironment, { apps, images = [], dirs = [] }: { apps: string[]; images?: string[]; dirs?: string[] }): Promise<void> {
  for (const app of apps) await env.pier(['--force', 'apps:destroy', app]);
  const leftovers: Record<string, AppContainer[]> = {};
  for (const app of apps) leftovers[app] = await waitForNoContainers(app);
  for (const container of Object.values(leftovers).flat()) {
    await docker.getContainer(container.id).remove({ force: true }).catch(() => {});
  }
  await removeImages(images);
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  env.dispose();
  expect(Object.fromEntries(Object.entries(leftovers).map(([app, left]) => [app, left.map((c) => `${c.name}:${c.state}`)]))).toEqual(
    Object.fromEntries(apps.map((app) => [app, []])),
  );
  for (const app of apps) expect(await appContainers(app)).toEqual([]);
}

/**
 * Runs `pier` on a pseudo-terminal: util-linux `script -qec "<node> <pier.js> …" /dev/null`.
 * `extraEnv` is applied last (undefined removes a variable). stdin is empty (script sees end of input at once); output comes back with \r\n (or \r\r\n through two terminals) turned into \n.
 */
export async function pierInTerminal(
  env: PierEnvironment,
  args: string[],
  extraEnv: Record<string, string | undefined> = {},
  timeout = 60_000,
): Promise<PierResult> {
  const command = [process.execPath, pierBin, ...args].map(shellQuote).join(' ');
  const result = await execa('script', ['-qec', command, '/dev/null'], {
    reject: false,
    stripFinalNewline: false,
    timeout,
    // An undefined value removes the variable (e.g. NO_COLOR, which the jest setup sets).
    env: { ...process.env, PIER_ROOT: env.root, NO_COLOR: '1', TERM: 'dumb', ...extraEnv },
    extendEnv: false,
  });
  return asPierResult({ exitCode: result.exitCode, stdout: String(result.stdout).replace(/\r+\n/g, '\n'), stderr: result.stderr });
}
