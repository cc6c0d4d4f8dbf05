// Removes what an interrupted earlier test run left on the engine and in the temp directory.
// Every test file cleans up after itself, but a run that is killed (a stopped session, Ctrl-C,
// a CI timeout) cannot: its containers keep running (restart policies bring them back with the
// engine) and the next run meets them, e.g. as "Container … belongs to another Pier state root".
// So the full suite (tools/scripts/test-all.sh) starts by sweeping, before any test runs.
//
// What counts as a test leftover, and nothing else:
//   - containers and swarm services whose com.pier.root label is, or lies inside, a `pier-*`
//     mkdtemp directory directly in the temp dir (every test and bench state root is made in one;
//     a user's root is not);
//   - images labelled com.pier.fixture (built by images.mjs and the scheduler test fixtures; the
//     demo's image is not labelled) that no container uses;
//   - a swarm that swarm-session.mjs initialised (its spec carries com.pier.test-swarm), and the
//     gateway bridge it made;
//   - `pier-*-XXXXXX` directories directly in the temp dir (mkdtemp's six-character suffix).
// Only run it when no other test run shares the engine and the temp dir (test-all.sh holds a
// machine-wide lock around the whole suite for that).
// Usage: node tools/docker/sweep-test-leftovers.mjs [--tmp <dir>]  (DOCKER_HOST honoured)
import { readdirSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import Docker from 'dockerode';
import { FIXTURE_LABEL } from './images.mjs';
import { stopSwarm } from './swarm-session.mjs';

const ROOT_LABEL = 'com.pier.root';
const TEMP_DIR_PATTERN = /^pier-[A-Za-z0-9-]*-[A-Za-z0-9]{6}$/;

/** Whether a com.pier.root value is a test root: a `pier-*` mkdtemp directory in `tmp`, or inside one. */
export function isTestRoot(root, tmp) {
  if (typeof root !== 'string' || !root.startsWith(tmp + sep)) return false;
  return TEMP_DIR_PATTERN.test(root.slice(tmp.length + 1).split(sep)[0]);
}

const gone = (error) => error?.statusCode === 404;

async function sweepServices(docker, tmp) {
  const { Swarm } = await docker.info();
  if (Swarm?.LocalNodeState !== 'active' || !Swarm.ControlAvailable) return [];
  const services = await docker.listServices({ filters: { label: [ROOT_LABEL] } });
  const stale = services.filter((service) => isTestRoot(service.Spec?.Labels?.[ROOT_LABEL], tmp));
  for (const service of stale) await docker.getService(service.ID).remove().catch((error) => { if (!gone(error)) throw error; });
  return stale.map((service) => `service ${service.Spec?.Name}`);
}

async function sweepContainers(docker, tmp) {
  const rows = await docker.listContainers({ all: true, filters: { label: [ROOT_LABEL] } });
  const stale = rows.filter((row) => isTestRoot(row.Labels?.[ROOT_LABEL], tmp));
  for (const row of stale) {
    await docker.getContainer(row.Id).remove({ force: true, v: true }).catch((error) => { if (!gone(error)) throw error; });
  }
  return stale.map((row) => `container ${(row.Names?.[0] ?? row.Id).replace(/^\//, '')}`);
}

async function sweepSwarm(docker) {
  return (await stopSwarm(docker)) === 'left' ? ['the test swarm'] : [];
}

async function sweepImages(docker) {
  const images = await docker.listImages({ filters: { label: [FIXTURE_LABEL] } });
  const removed = [];
  for (const image of images) {
    // By tag: one build cached under two tags is one image id, which a plain remove refuses.
    // Not forced: an image a container still uses (someone else's) stays.
    const tags = (image.RepoTags ?? []).filter((tag) => tag !== '<none>:<none>');
    for (const ref of tags.length > 0 ? tags : [image.Id]) {
      const ok = await docker.getImage(ref).remove().then(() => true, () => false);
      if (ok) removed.push(`image ${ref === image.Id ? image.Id.slice(7, 19) : ref}`);
    }
  }
  return removed;
}

function sweepTempDirs(tmp) {
  const stale = readdirSync(tmp, { withFileTypes: true }).filter((entry) => entry.isDirectory() && TEMP_DIR_PATTERN.test(entry.name));
  for (const entry of stale) rmSync(join(tmp, entry.name), { recursive: true, force: true });
  return stale.map((entry) => `dir ${join(tmp, entry.name)}`);
}

/** Sweeps everything above; returns one line per thing removed. */
export async function sweepTestLeftovers({ docker = new Docker(), tmp = tmpdir() } = {}) {
  const base = realpathSync(tmp);
  return [
    ...(await sweepServices(docker, base)),
    ...(await sweepContainers(docker, base)),
    ...(await sweepSwarm(docker)),
    ...(await sweepImages(docker)),
    ...sweepTempDirs(base),
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--tmp');
  const removed = await sweepTestLeftovers(at >= 0 ? { tmp: args[at + 1] } : {});
  if (removed.length > 0) {
    console.log(`-----> Removed ${removed.length} ${removed.length === 1 ? 'leftover' : 'leftovers'} of an interrupted test run`);
    for (const line of removed) console.log(`       ${line}`);
  }
}
