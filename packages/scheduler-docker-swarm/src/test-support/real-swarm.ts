/**
 * Fixtures for the `*.swarm.test.ts` files, which run the scheduler against a real engine in
 * swarm mode (DOCKER_HOST or the local socket): app images built FROM scratch with busybox by
 * tools/docker/images.mjs, test hosts wired to the real SwarmPort, and a cleanup that removes
 * every service, container, image and directory a file created.
 *
 * They run when the engine is already a swarm manager, or when PIER_SWARM_TESTS=init asks them
 * to start a throwaway swarm (tools/docker/swarm-session.mjs), which they then leave. Otherwise
 * (and with SKIP_DOCKER_TESTS=1) they are skipped: a test run must never turn someone's engine
 * into a swarm unasked. The e2e test always sets its swarm up.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe } from '@jest/globals';
import { propertySet, type InputOf, type OutputOf, type TriggerOfKind } from '@pier/plugin-api';
import { createTestHost, type TestHost } from '@pier/plugin-testkit';
import Docker from 'dockerode';
import { schedulerDockerSwarm } from '../plugin.js';

export const docker = new Docker();

const tool = <T>(name: string) => import(new URL(`../../../../tools/docker/${name}`, import.meta.url).href) as Promise<T>;
interface SwarmSession {
  created: boolean;
  end(): Promise<void>;
}
const swarmTool = () => tool<{ startSwarm(docker: Docker): Promise<SwarmSession> }>('swarm-session.mjs');
const imageTool = () => tool<{ buildAppImage(tag: string, dir: string, docker: Docker): Promise<string> }>('images.mjs');

async function swarmMode(): Promise<'manager' | 'init' | 'skip'> {
  if (process.env.SKIP_DOCKER_TESTS === '1') return 'skip';
  try {
    const { Swarm } = (await docker.info()) as { Swarm?: { LocalNodeState?: string; ControlAvailable?: boolean } };
    if (Swarm?.LocalNodeState === 'active' && Swarm.ControlAvailable) return 'manager';
  } catch {
    return 'skip';
  }
  return process.env.PIER_SWARM_TESTS === 'init' ? 'init' : 'skip';
}

const mode = await swarmMode();
if (mode === 'skip' && process.env.SKIP_DOCKER_TESTS !== '1') {
  console.info('docker-swarm integration tests skipped: the engine is no swarm manager (PIER_SWARM_TESTS=init starts a throwaway swarm)');
}

/** `describe` when a swarm manager is (or may be made) available, else `describe.skip`. */
export const describeSwarm = (name: string, body: () => void) => (mode === 'skip' ? describe.skip : describe)(name, body);

type Call = <T extends TriggerOfKind<'keyed'>>(trigger: T, input: InputOf<T>) => Promise<OutputOf<T>>;

export interface SwarmFixture {
  /** Starts the swarm when asked to; call first (beforeAll). */
  start(): Promise<void>;
  /** Builds `<prefix>-img:<tag>` with the given files in /app; returns its reference. */
  buildImage(tag: string, files: Record<string, string>): Promise<string>;
  /** A test host on the real engine; every host of a fixture shares one state root. */
  host(apps: string[], properties?: Record<string, string>, io?: { stdin?: string }): Promise<TestHost & { call: Call }>;
  cleanup(): Promise<void>;
}

export function swarmFixture(prefix: string): SwarmFixture {
  const images: string[] = [];
  const dirs: string[] = [];
  const hosts: TestHost[] = [];
  let session: SwarmSession | undefined;
  let root: string | undefined;

  return {
    async start() {
      session = await (await swarmTool()).startSwarm(docker);
      root = await mkdtemp(join(tmpdir(), `${prefix}-root-`));
      dirs.push(root);
    },
    async buildImage(tag, files) {
      const dir = await mkdtemp(join(tmpdir(), `${prefix}-app-`));
      dirs.push(dir);
      for (const [name, content] of Object.entries(files)) {
        await mkdir(dirname(join(dir, name)), { recursive: true });
        await writeFile(join(dir, name), content);
      }
      const ref = `${prefix}-img:${tag}`;
      images.push(ref);
      return (await imageTool()).buildAppImage(ref, dir, docker);
    },
    async host(apps, properties = {}, io = {}) {
      const host = await createTestHost({ plugins: [schedulerDockerSwarm({ pollMs: 250 })], apps, root: root!, ...io });
      hosts.push(host);
      for (const [key, value] of Object.entries(properties)) {
        await host.bus.first(propertySet, { plugin: 'scheduler-docker-swarm', scope: '--global', key, value });
      }
      const call: Call = (trigger, input) => host.bus.keyed(trigger, 'docker-swarm', input);
      return Object.assign(host, { call });
    },
    async cleanup() {
      const services = await docker.listServices({ filters: { label: ['com.dokku.app-name'] } }).catch(() => []);
      const ours = services.filter((s) => (s.Spec?.Labels?.['com.dokku.app-name'] ?? '').startsWith(prefix));
      await Promise.all(ours.map((s) => docker.getService(s.ID).remove().catch(() => {})));
      for (let wait = 0; wait < 100; wait++) {
        const left = await docker.listContainers({ all: true, filters: { label: ['com.dokku.app-name'] } });
        const mine = left.filter((c) => (c.Labels['com.dokku.app-name'] ?? '').startsWith(prefix));
        if (mine.length === 0) break;
        if (wait === 99) await Promise.all(mine.map((c) => docker.getContainer(c.Id).remove({ force: true }).catch(() => {})));
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      for (const ref of images) await docker.getImage(ref).remove({ force: true }).catch(() => {});
      for (const host of hosts) host.dispose();
      for (const dir of dirs) await rm(dir, { recursive: true, force: true });
      await session?.end();
    },
  };
}
