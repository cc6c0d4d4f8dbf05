/**
 * The real Docker engine, seen from the tests (dockerode, never the docker CLI): fixture images
 * built FROM scratch by tools/docker/images.mjs, the containers of an app, loopback HTTP, polling.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Docker from 'dockerode';
import { workspaceRoot } from './npm-pack.js';

export const docker = new Docker();

export interface SwarmSession {
  /** Whether this session initialised the swarm (else the engine was a manager already). */
  created: boolean;
  /** Undoes exactly what starting did. */
  end(): Promise<void>;
}

/** Makes the engine a swarm manager (tools/docker/swarm-session.mjs: loopback, 198.18/19 space). */
export async function startTestSwarm(): Promise<SwarmSession> {
  const tool = (await import(pathToFileURL(join(workspaceRoot, 'tools', 'docker', 'swarm-session.mjs')).href)) as {
    startSwarm(d: Docker): Promise<SwarmSession>;
  };
  return tool.startSwarm(docker);
}

interface ImagesModule {
  buildAppImage(tag: string, appDir?: string, docker?: Docker, options?: { fixture?: boolean }): Promise<string>;
  removeImages(tags: string[], docker?: Docker): Promise<void>;
}

// A plain .mjs tool without type declarations: loaded at run time, typed here.
const images = (): Promise<ImagesModule> =>
  import(pathToFileURL(join(workspaceRoot, 'tools', 'docker', 'images.mjs')).href) as Promise<ImagesModule>;

/** A fixture app directory under e2e/fixtures/apps. */
export const fixtureApp = (name: string): string => join(workspaceRoot, 'e2e', 'fixtures', 'apps', name);

/**
 * Builds `tag` from the fixture app `fixture` (its files in /app, the working directory),
 * labelled as a test fixture unless `labelled` is false (as the demo's image is built).
 */
export async function buildFixtureImage(tag: string, fixture: string, { labelled = true }: { labelled?: boolean } = {}): Promise<string> {
  return (await images()).buildAppImage(tag, fixtureApp(fixture), docker, { fixture: labelled });
}

/** Removes images by tag (already gone is fine). */
export async function removeImages(tags: string[]): Promise<void> {
  await (await images()).removeImages(tags, docker);
}

export interface AppContainer {
  id: string;
  name: string;
  state: string;
  labels: Record<string, string>;
}

/** Every container labelled `com.dokku.app-name=<app>` (stopped ones too), sorted by name. */
export async function appContainers(app: string, options: { all?: boolean; extraLabels?: string[] } = {}): Promise<AppContainer[]> {
  const rows = await docker.listContainers({
    all: options.all ?? true,
    filters: { label: [`com.dokku.app-name=${app}`, ...(options.extraLabels ?? [])] },
  });
  return rows
    .map((row) => ({ id: row.Id, name: (row.Names[0] ?? '').replace(/^\//, ''), state: row.State, labels: row.Labels }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** `name:state` of every container of the app, e.g. `blog.web.1:running`. */
export async function containerSummary(app: string): Promise<string[]> {
  return (await appContainers(app)).map((c) => `${c.name}:${c.state}`);
}

/** The PORT of a container, from its environment. */
export async function portOfContainer(id: string): Promise<number> {
  const info = await docker.getContainer(id).inspect();
  const port = (info.Config.Env ?? []).find((entry) => entry.startsWith('PORT='))?.slice('PORT='.length);
  if (!port) throw new Error(`container ${id} has no PORT`);
  return Number(port);
}

export interface HttpAnswer {
  status: number;
  body: string;
}

/** GET http://127.0.0.1:<port><path>. Only loopback, ever (PRODUCT.md's networking rule). */
export async function httpGet(port: number, path = '/', timeoutMs = 2_000): Promise<HttpAnswer> {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(timeoutMs) });
  return { status: response.status, body: await response.text() };
}

/** Polls `probe` until it returns a value other than undefined/false, or fails after the deadline. */
export async function waitFor<T>(
  probe: () => Promise<T | undefined | false>,
  { timeoutMs = 30_000, intervalMs = 100, what = 'condition' }: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Waits until no container of the app is left (a removal can still be in progress) and returns what is left. */
export async function waitForNoContainers(app: string, timeoutMs = 20_000): Promise<AppContainer[]> {
  try {
    return await waitFor(async () => ((await appContainers(app)).length === 0 ? [] : undefined), { timeoutMs, what: `no containers of ${app}` });
  } catch {
    return appContainers(app);
  }
}

/** GETs 127.0.0.1:<port> until it answers 200 (a container whose checks were skipped may still be starting). */
export async function waitForHttp(port: number, path = '/', timeoutMs = 10_000): Promise<HttpAnswer> {
  return waitFor(async () => {
    const answer = await httpGet(port, path, 1_000);
    return answer.status === 200 ? answer : undefined;
  }, { timeoutMs, what: `HTTP 200 from 127.0.0.1:${port}${path}` });
}
