/**
 * Fixtures for the `*.swarm.test.ts` files, which run the scheduler against a real engine in
 * swarm mode (DOCKER_HOST or the local socket): app images built FROM scratch with busybox by
 * tools/docker/images.mjs, test hosts wired to the real SwarmPort, and a cleanup that removes
 * every service, container, image and directory a file created.
 *
 * jest.config.js collects them only when PIER_SWARM_TESTS asks: `init` starts a throwaway swarm
 * (tools/docker/swarm-session.mjs) unless the engine is a manager already, and leaves it again;
 * `manager` requires the engine to be one. A test run never turns someone's engine into a swarm
 * unasked, and once asked it fails rather than skips when it cannot have a swarm.
 * The e2e test always sets its swarm up.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
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

/** What PIER_SWARM_TESTS asked for; the start() of a fixture fails when it cannot be had. */
function swarmRequest(): 'init' | 'manager' {
  const asked = process.env.PIER_SWARM_TESTS;
  if (asked === 'init' || asked === 'manager') return asked;
  throw new Error(`PIER_SWARM_TESTS=${asked ?? ''}: use init (a throwaway swarm) or manager (the engine's own)`);
}

async function isSwarmManager(): Promise<boolean> {
  const { Swarm } = (await docker.info()) as { Swarm?: { LocalNodeState?: string; ControlAvailable?: boolean } };
  return Swarm?.LocalNodeState === 'active' && Swarm.ControlAvailable === true;
}

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
      if (swarmRequest() === 'manager' && !(await isSwarmManager())) {
        throw new Error('PIER_SWARM_TESTS=manager, but the Docker engine is no swarm manager (PIER_SWARM_TESTS=init starts one)');
      }
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
