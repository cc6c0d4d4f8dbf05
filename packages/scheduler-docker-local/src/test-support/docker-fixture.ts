/**
 * Real-engine fixtures for the `*.docker.test.ts` files: a busybox image built FROM scratch with
 * dockerode (no registry, no network), a test host wired to the real engine in `host` network
 * mode, and a cleanup that removes every container, image and temp dir a test file created.
 * Each test file passes its own app prefix, so files can run in parallel without touching each
 * other's containers.
 */
import { copyFile, mkdtemp, readdir, readFile, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { propertySet, type InputOf, type OutputOf, type TriggerOfKind } from '@pier/plugin-api';
import { describe } from '@jest/globals';
import { createTestHost, type TestHost, type TestHostOptions } from '@pier/plugin-testkit';
import Docker from 'dockerode';
import * as tar from 'tar-stream';
import { schedulerDockerLocal, type SchedulerDockerLocalOptions } from '../plugin.js';

export const docker = new Docker();

/** `describe`, or `describe.skip` when SKIP_DOCKER_TESTS=1 (machines without an engine). */
export function describeDocker(name: string, body: () => void): void {
  (process.env.SKIP_DOCKER_TESTS === '1' ? describe.skip : describe)(name, body);
}

/** Files of the app, placed in /app (the image's WORKDIR). */
export type AppFiles = Record<string, string>;

const DOCKERFILE = [
  'FROM scratch',
  'COPY busybox /bin/busybox',
  'RUN ["/bin/busybox","--install","-s","/bin"]',
  'COPY app /app',
  'WORKDIR /app',
  // Found and removed by tools/docker/sweep-test-leftovers.mjs should a run be interrupted.
  'LABEL com.pier.fixture=true',
  'CMD ["sleep","3600"]',
  '',
].join('\n');

async function listFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await listFiles(path)));
    else found.push(path);
  }
  return found;
}

async function packContext(dir: string): Promise<Readable> {
  const pack = tar.pack();
  for (const path of await listFiles(dir)) {
    const info = await stat(path);
    pack.entry({ name: relative(dir, path), mode: info.mode & 0o777, size: info.size }, await readFile(path));
  }
  pack.finalize();
  // tar-stream 3 packs are streamx streams; dockerode wants a Node stream.
  return Readable.from(pack);
}

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
      const context = await mkdtemp(join(tmpdir(), `${prefix}-ctx-`));
      dirs.push(context);
      await writeFile(join(context, 'Dockerfile'), DOCKERFILE);
      await copyFile('/bin/busybox', join(context, 'busybox'));
      await mkdir(join(context, 'app'));
      for (const [name, content] of Object.entries({ '.keep': '', ...files })) {
        await mkdir(dirname(join(context, 'app', name)), { recursive: true });
        await writeFile(join(context, 'app', name), content);
      }
      const ref = `${prefix}-img:${tag}`;
      images.push(ref);
      // The legacy builder with no network: the engine may have no bridge at all.
      const stream = await docker.buildImage(await packContext(context), { t: ref, networkmode: 'none', rm: true, forcerm: true });
      await new Promise<void>((resolve, reject) =>
        docker.modem.followProgress(stream, (error: Error | null, output: { error?: string }[]) => {
          const failure = error?.message ?? output.find((o) => o.error)?.error;
          if (failure) reject(new Error(`building ${ref}: ${failure}`));
          else resolve();
        }),
      );
      return ref;
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
