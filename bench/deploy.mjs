// needs: docker
// Deploy speed against plain dockerode doing the same container work, measured in one run.
// 1. `pier deploy` of web=4 worker=4 with checks skipped vs a dockerode script that creates and
//    starts the same 8 containers one at a time (Pier's default parallelism: max_parallel 1,
//    parallel-schedule-count 1). Target (issue #3): ≤ 1.3×.
// 2. Redeploy time as the container count grows (1, 8, 32).
// 3. The effect of parallel-schedule-count (1 vs 4): it runs that many non-web process types at
//    once, so the app has four worker types of two containers each.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Docker from 'dockerode';
import { buildAppImage, removeImages } from '../tools/docker/images.mjs';
import { fmt, median, pierBin } from './lib/measure.mjs';

const docker = new Docker();
const image = `pier-bench/sleepers:${process.pid}`;
const runs = Number(process.env.BENCH_RUNS ?? 5);
const root = mkdtempSync(join(tmpdir(), 'pier-bench-'));
const env = { ...process.env, PIER_ROOT: root };

function timed(command, args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}
const pier = (...args) => timed(process.execPath, [pierBin, ...args]);

async function removeByLabel(key, value) {
  const containers = await docker.listContainers({ all: true, filters: { label: [`${key}=${value}`] } });
  await Promise.all(containers.map((c) => docker.getContainer(c.Id).remove({ force: true })));
}

async function freshApp(app, scale) {
  pier('apps:create', app);
  pier('scheduler-docker-local:set', app, 'network-mode', 'none');
  pier('checks:skip', app);
  pier('checks:set', app, 'wait-to-retire', '0');
  pier('ps:scale', '--skip-deploy', app, ...scale);
}

const results = {};
try {
  await buildAppImage(image, fileURLToPath(new URL('./fixtures/sleepers', import.meta.url)));

  // 1. First deploy of 8 containers vs raw dockerode, interleaved run by run.
  const pierTimes = [];
  const rawTimes = [];
  for (let i = 0; i < runs; i++) {
    const app = `bench-${i}`;
    await freshApp(app, ['web=4', 'worker=4']);
    pierTimes.push(pier('deploy', app, image));
    pier('--force', 'apps:destroy', app);
    const prefix = `bench-raw-${i}`;
    rawTimes.push(timed(process.execPath, [fileURLToPath(new URL('./lib/raw-deploy.mjs', import.meta.url)), image, prefix, '8', '1']));
    await removeByLabel('pier.bench', prefix);
  }
  results.deploy8 = { pier: median(pierTimes), dockerode: median(rawTimes), ratio: median(pierTimes) / median(rawTimes) };
  console.error(`deploy web=4 worker=4: pier ${fmt(results.deploy8.pier)}, dockerode ${fmt(results.deploy8.dockerode)} → ${results.deploy8.ratio.toFixed(2)}× (target ≤ 1.3×)`);

  // 2. Redeploy time by container count.
  results.redeploy = [];
  for (const count of [1, 8, 32]) {
    const app = `bench-scale-${count}`;
    await freshApp(app, [`web=${count}`]);
    pier('deploy', app, image);
    const times = Array.from({ length: Math.max(2, Math.min(runs, count >= 32 ? 2 : runs)) }, () => pier('ps:restart', app));
    pier('--force', 'apps:destroy', app);
    results.redeploy.push({ containers: count, ms: median(times), msPerContainer: median(times) / count });
    console.error(`redeploy ${count} container(s): ${fmt(median(times))} (${(median(times) / count).toFixed(0)} ms/container)`);
  }

  // 3. parallel-schedule-count: four non-web process types of two containers each.
  results.parallelScheduleCount = [];
  for (const parallel of [1, 4]) {
    const app = `bench-par-${parallel}`;
    await freshApp(app, ['web=0', 'worker=2', 'w2=2', 'w3=2', 'w4=2']);
    pier('scheduler-docker-local:set', app, 'parallel-schedule-count', String(parallel));
    pier('deploy', app, image);
    const times = Array.from({ length: runs }, () => pier('ps:restart', app));
    pier('--force', 'apps:destroy', app);
    results.parallelScheduleCount.push({ parallel, ms: median(times) });
    console.error(`restart 4 types × 2 containers, parallel-schedule-count=${parallel}: ${fmt(median(times))}`);
  }
  console.log(JSON.stringify({ bench: 'deploy', runs, ...results }));
} finally {
  for (const prefix of ['bench-raw']) {
    const left = await docker.listContainers({ all: true, filters: { label: ['pier.bench'] } });
    await Promise.all(left.filter((c) => c.Labels['pier.bench'].startsWith(prefix)).map((c) => docker.getContainer(c.Id).remove({ force: true })));
  }
  await removeImages([image]);
  rmSync(root, { recursive: true, force: true });
}
