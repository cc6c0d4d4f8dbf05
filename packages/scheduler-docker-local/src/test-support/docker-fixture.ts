/**
 * Real-engine fixtures for the `*.docker.test.ts` files: a busybox image built FROM scratch by
 * tools/docker/images.mjs (no registry, no network), a test host wired to the real engine in
 * `host` network mode, and a cleanup that removes every container, image and temp dir a test file created.
 * Each test file passes its own app prefix, so files can run in parallel without touching each
 * other's containers.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { propertySet, type InputOf, type OutputOf, type TriggerOfKind } from '@pier/plugin-api';
import { describe } from '@jest/globals';
import { createTestHost, type TestHost, type TestHostOptions } from '@pier/plugin-testkit';
import Docker from 'dockerode';
import { schedulerDockerLocal, type SchedulerDockerLocalOptions } from '../plugin.js';

export const docker = new Docker();

/** `describe`, or `describe.skip` when SKIP_DOCKER_TESTS=1 (machines without an engine). */
export function describeDocker(name: string, body: () => void): void {
  (process.env.SKIP_DOCKER_TESTS === '1' ? describe.skip : describe)(name, body);
}

/** Files of the app, placed in /app (the image's WORKDIR). */
export type AppFiles = Record<string, string>;

/** The image builder Pier's tests, demo and benchmarks share (busybox FROM scratch, labelled com.pier.fixture). */
interface ImagesTool {
  buildAppImage(tag: string, appDir: string, docker: Docker, options?: { fixture?: boolean }): Promise<string>;
}
const imagesTool = () => import(new URL('../../../../tools/docker/images.mjs', import.meta.url).href) as Promise<ImagesTool>;

/** What a fixture image runs unless a test gives a command: nothing that ends on its own. */
const FIXTURE_CMD = ['sleep', '3600'];

export interface DockerFixture {
  prefix: string;
  /** Builds `<prefix>-img:<tag>` with the given app files; returns the reference. */
  buildImage(tag: string, files: AppFiles): Promise<string>;
  /**
   * A test host with the real scheduler, the given apps, `network-mode` set globally. Every host
   * of a fixture shares one state root: they stand for successive `pier` commands, which only see
   * their own root's containers.
   */
  host(apps: string[], networkMode?: 'host' | 'none', options?: SchedulerDockerLocalOptions, io?: HostIO): Promise<TestHost & { call: Call }>;
  cleanup(): Promise<void>;
}

/** The caller's side: stdin (ended) and whether it is a terminal. */
export type HostIO = Pick<TestHostOptions, 'stdin' | 'isTTY' | 'quiet'>;

type Call = <T extends TriggerOfKind<'keyed'>>(trigger: T, input: InputOf<T>) => Promise<OutputOf<T>>;

export function dockerFixture(prefix: string): DockerFixture {
  const images: string[] = [];
  const dirs: string[] = [];
  const hosts: TestHost[] = [];
  let root: Promise<string> | undefined;
  const sharedRoot = () => (root ??= mkdtemp(join(tmpdir(), `${prefix}-root-`)).then((dir) => (dirs.push(dir), dir)));

  return {
    prefix,
    async buildImage(tag, files) {
      const dir = await mkdtemp(join(tmpdir(), `${prefix}-app-`));
      dirs.push(dir);
      for (const [name, content] of Object.entries(files)) {
        await mkdir(dirname(join(dir, name)), { recursive: true });
        await writeFile(join(dir, name), content);
      }
      // images.mjs reads the image's CMD from image.json (and leaves that file out of /app).
      await writeFile(join(dir, 'image.json'), JSON.stringify({ cmd: FIXTURE_CMD }));
      const ref = `${prefix}-img:${tag}`;
      images.push(ref);
      return (await imagesTool()).buildAppImage(ref, dir, docker);
    },
    async host(apps, networkMode = 'host', options = {}, io = {}) {
      const host = await createTestHost({ plugins: [schedulerDockerLocal(options)], apps, root: await sharedRoot(), ...io });
      hosts.push(host);
      await host.bus.first(propertySet, { plugin: 'scheduler-docker-local', scope: '--global', key: 'network-mode', value: networkMode });
      const call: Call = (trigger, input) => host.bus.keyed(trigger, 'docker-local', input);
      return Object.assign(host, { call });
    },
    async cleanup() {
      const all = await docker.listContainers({ all: true, filters: { label: ['com.dokku.app-name'] } });
      const ours = all.filter((c) => (c.Labels['com.dokku.app-name'] ?? '').startsWith(prefix));
      await Promise.all(ours.map((c) => docker.getContainer(c.Id).remove({ force: true }).catch(() => {})));
      for (const ref of images) await docker.getImage(ref).remove({ force: true }).catch(() => {});
      for (const dir of dirs) await rm(dir, { recursive: true, force: true });
      for (const host of hosts) host.dispose();
    },
  };
}

/** Containers of one app on the real engine, by name. */
export async function containersOf(app: string): Promise<{ id: string; name: string; state: string }[]> {
  const rows = await docker.listContainers({ all: true, filters: { label: [`com.dokku.app-name=${app}`] } });
  return rows.map((r) => ({ id: r.Id, name: (r.Names[0] ?? '').slice(1), state: r.State })).sort((a, b) => a.name.localeCompare(b.name));
}

/** PORT of a container, from its env. */
export async function portOf(id: string): Promise<number> {
  const info = await docker.getContainer(id).inspect();
  return Number((info.Config.Env ?? []).find((e) => e.startsWith('PORT='))?.slice(5));
}

export async function httpGet(port: number, path = '/'): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}${path}`);
  return response.text();
}
