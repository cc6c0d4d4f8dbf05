/**
 * The docker-swarm scheduler with the built `pier` binary on a real engine in swarm mode:
 * web=2 worker=1 behind app.json health checks run inside the tasks, ps:report, ps:scale, a
 * redeploy whose health check fails (Swarm rolls it back; the old tasks never stop serving),
 * logs and logs:failed, enter, one-offs (run with its status, stdin and -e values; run:detached
 * with run:list, run:logs, run:stop and run:retire), ps:stop/ps:start, and apps:destroy removing
 * every service.
 *
 * The engine (DOCKER_HOST) is made a one-node swarm for this file when it is not one already
 * (tools/docker/swarm-session.mjs: docker_gwbridge on 198.18.254.0/24 first, then swarm init on
 * 127.0.0.1 with overlays from 198.19.0.0/16), and left again afterwards, with what was created
 * for it removed, even when a test fails. Tasks get no network attached: on an engine started
 * with --bridge=none that is loopback only, and the checks run on 127.0.0.1 inside the tasks.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { asPierResult, pierOk, psReport, spawnPier, statuses, tearDownApps } from './support/apps.js';
import { buildFixtureImage, docker, startTestSwarm, waitFor, type SwarmSession } from './support/docker.js';
import { pierEnvironment, type PierEnvironment } from './support/pier.js';
import { inPipeline, startedPier } from './support/shell.js';

const app = 'e2e-swarm';
const image = 'e2e-swarm-img:1';
const brokenImage = 'e2e-swarm-img:broken-check';
let env: PierEnvironment;

let session: SwarmSession | undefined;

const allServices = async () => docker.listServices({ filters: { label: [`com.dokku.app-name=${app}`] } });
/** The app's services, one per process type: one-off services (labelled `run`) left out. */
const services = async () => (await allServices()).filter((s) => s.Spec?.Labels?.['com.dokku.container-type'] !== 'run');

/** The task template's container part, as the engine writes it back (Healthcheck spelt so). */
interface ContainerPart {
  Image?: string;
  Healthcheck?: { Test?: string[] };
}
const containerOf = async (name: string) =>
  ((await services()).find((s) => s.Spec?.Name === name)?.Spec?.TaskTemplate as { ContainerSpec?: ContainerPart } | undefined)?.ContainerSpec;

/** Task id → container id of the app's live tasks, by dyno. */
async function liveTasks(): Promise<Record<string, string>> {
  const found: Record<string, string> = {};
  for (const service of await services()) {
    const type = service.Spec?.Labels?.['com.dokku.process-type'] ?? '?';
    for (const task of await docker.listTasks({ filters: { service: [service.ID], 'desired-state': ['running'] } })) {
      found[`${type}.${task.Slot} ${task.ID}`] = task.Status?.ContainerStatus?.ContainerID ?? '';
    }
  }
  return found;
}

/** Every line is in the output, in this order (other lines may come between). */
function expectInOrder(output: string, expected: string[]): void {
  const lines = output.split('\n');
  expect(lines).toEqual(expect.arrayContaining(expected));
  const positions = expected.map((line) => lines.indexOf(line));
  expect(positions).toEqual([...positions].sort((a, b) => a - b));
}

beforeAll(async () => {
  session = await startTestSwarm();
  env = pierEnvironment();
  await buildFixtureImage(image, 'swarm-web-worker');
  await buildFixtureImage(brokenImage, 'swarm-broken-check');
  await pierOk(env, ['apps:create', app]);
  await pierOk(env, ['scheduler:set', app, 'selected', 'docker-swarm']);
  // Short rollouts: watch each new task for a second; the worker's default uptime check is a second.
  await pierOk(env, ['docker-swarm:set', '--global', 'update-monitor-seconds', '1']);
  await pierOk(env, ['checks:set', '--global', 'default-wait', '1']);
  await pierOk(env, ['ps:set', app, 'stop-timeout-seconds', '2']);
  await pierOk(env, ['ps:scale', '--skip-deploy', app, 'web=2', 'worker=1']);
}, 120_000);

afterAll(async () => {
  try {
    await tearDownApps(env, { apps: [app], images: [image, brokenImage] });
    expect(await allServices()).toEqual([]);
  } finally {
    // Whatever failed above, a service left behind must not outlive the swarm of this file.
    for (const service of await allServices().catch(() => [])) await docker.getService(service.ID).remove().catch(() => {});
    await session?.end();
  }
}, 120_000);

describe('pier with the docker-swarm scheduler', () => {
  it('deploys web=2 (health-checked inside the tasks) then worker=1, one service per type', async () => {
    const result = await env.pier(['deploy', app, image]);

    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expectInOrder(result.stdout, [
      `-----> Deploying ${app} via the docker-swarm scheduler...`,
      '-----> Deploying web (count=2)',
      "       Healthcheck name='web check' runs inside each new task",
      `       Creating service ${app}_web (start-first, 1 at a time, monitor 1s)`,
      `       Service ${app}_web converged: 2 of 2 tasks running`,
      '-----> Deploying worker (count=1)',
      `       Creating service ${app}_worker (start-first, 1 at a time, monitor 1s)`,
      `       Service ${app}_worker converged: 1 of 1 tasks running`,
      '=====> Application deployed:',
    ]);
    for (const dyno of ['web.1', 'web.2', 'worker.1']) expect(result.stdout).toMatch(new RegExp(`^ {7}${dyno.replace('.', '\\.')} running \\(task [0-9a-z]{12}\\)$`, 'm'));

    const specs = Object.fromEntries((await services()).map((s) => [s.Spec!.Name!, s.Spec!]));
    expect(Object.keys(specs).sort()).toEqual([`${app}_web`, `${app}_worker`]);
    expect(specs[`${app}_web`]!.Mode).toEqual({ Replicated: { Replicas: 2 } });
    expect(specs[`${app}_web`]!.UpdateConfig).toMatchObject({ Order: 'start-first', FailureAction: 'rollback', Parallelism: 1 });
    expect((await containerOf(`${app}_web`))?.Healthcheck?.Test?.[0]).toBe('CMD-SHELL');
    expect(specs[`${app}_worker`]!.Mode).toEqual({ Replicated: { Replicas: 1 } });
  });

  it('ps:report shows the dynos as Swarm runs them', async () => {
    const report = await psReport(env, app);
    expect({ deployed: report.deployed, processes: report.processes, running: report.running }).toEqual({ deployed: 'true', processes: '3', running: 'true' });
    const containers = Object.values(await liveTasks()).map((id) => id.slice(0, 11));
    const dynos = statuses(report);
    expect(Object.keys(dynos)).toEqual(['web.1', 'web.2', 'worker.1']);
    for (const { state, cid } of Object.values(dynos)) {
      expect(state).toBe('running');
      expect(containers).toContain(cid);
    }
    expect((await pierOk(env, ['docker-swarm:report', app, '--scheduler-docker-swarm-computed-update-monitor-seconds'])).trim()).toBe('1');
  });

  it('enter runs a command in a task; the server answers on the task’s own loopback', async () => {
    const result = await env.pier(['enter', app, 'web.2', '--', 'wget', '-q', '-O', '-', 'http://127.0.0.1:5000/']);
    expect(result).toEqual({ exitCode: 0, stdout: 'hello from swarm\n', stderr: '' });
  });

  describe('one-offs', () => {
    interface RunEntry {
      name: string;
      state: string;
      command: string;
      created_at: string;
    }
    const runList = async () => JSON.parse(await pierOk(env, ['run:list', app, '--format', 'json'])) as RunEntry[];
    const oneOffName = new RegExp(`^${app}\\.run\\.(\\d+)\\n$`);

    it('run passes the exit status through', async () => {
      expect(await env.pier(['run', app, 'sh', '-c', 'echo out; echo err >&2; exit 7'])).toEqual({ exitCode: 7, stdout: 'out\n', stderr: 'err\n' });
    });

    it('run reads piped stdin', async () => {
      expect(await env.pier(['run', app, 'sh', '-c', 'read first; read second; echo "$second $first"'], { input: 'one\ntwo\n' })).toEqual({ exitCode: 0, stdout: 'two one\n', stderr: '' });
    });

    const oneOffContainers = () => docker.listContainers({ all: true, filters: { label: [`com.dokku.app-name=${app}`, 'com.dokku.container-type=run'] } });
    const noOneOffContainer = () => waitFor(async () => (await oneOffContainers()).length === 0, { timeoutMs: 30_000, what: 'no one-off container left' });

    it('a reader that goes away (`| head -1`) ends the run with status 141 and no container left', async () => {
      const result = await inPipeline(env, `{pier} run ${app} sh -c 'seq 1 1000000' | head -1; echo "pier=\${PIPESTATUS[0]}" >&2`);
      expect(result).toEqual({ exitCode: 0, stdout: '1\n', stderr: 'pier=141\n' });
      expect(await noOneOffContainer()).toBe(true);
    });

    it('SIGHUP (a closed terminal) is passed on to the command, and its container goes', async () => {
      const { child } = await startedPier(env, ['run', app, 'sh', '-c', 'echo ready; exec sleep 300'], 'ready');
      child.kill('SIGHUP');
      expect(asPierResult(await child)).toEqual({ exitCode: 129, stdout: 'ready\n', stderr: '' });
      expect(await noOneOffContainer()).toBe(true);
    });

    it('run -e passes values literally, after the release env', async () => {
      const result = await env.pier(['run', '-e', 'LITERAL=$HOME {{.Task.Slot}} `id`', app, 'sh', '-c', 'echo "$LITERAL|$DYNO"']);
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toMatch(/^\$HOME \{\{\.Task\.Slot\}\} `id`\|run\.\d+\n$/);
    });

    it('run:detached prints the name; run:list, run:logs and run:stop find the one-off service by it', async () => {
      const started = await env.pier(['run:detached', app, 'sh', '-c', 'echo "started $DYNO"; exec sleep 300']);
      expect(started).toMatchObject({ exitCode: 0, stderr: '' });
      const [, number] = oneOffName.exec(started.stdout) ?? [];
      const name = `${app}.run.${number}`;

      expect(await runList()).toEqual([{ name, state: 'running', command: `"sh -c echo \\"started $DYNO\\"; exec sleep 300"`, created_at: expect.stringMatching(/ \+0000 UTC$/) }]);
      const table = await pierOk(env, ['run:list', app]);
      expect(table.split('\n')[0]).toBe(`=====> ${app} run containers`);
      expect(table).toMatch(new RegExp(`^${name.replace(/\./g, '\\.')} +"sh -c .*" +\\S.* ago$`, 'm'));

      const logged = await waitFor(async () => {
        const out = await pierOk(env, ['run:logs', '--container', name]);
        return out.trim() === '' ? undefined : out;
      }, { timeoutMs: 60_000, intervalMs: 250, what: 'the one-off’s output in run:logs' });
      expect(logged).toMatch(new RegExp(`^\\S+Z app\\[${number}\\]: started run\\.${number}\\n$`));

      expect(await env.pier(['run:stop', '--container', name])).toEqual({ exitCode: 0, stdout: `${name}\n`, stderr: '' });
      expect(await runList()).toEqual([]);
      expect(await env.pier(['run:stop', app])).toEqual({ exitCode: 0, stdout: 'No run containers exist\n', stderr: '' });
    }, 120_000);

    it('run:detached <type> runs the Procfile command of the type (its notice on stderr, the name alone on stdout)', async () => {
      const started = await env.pier(['run:detached', app, 'worker']);
      expect(started).toMatchObject({ exitCode: 0, stdout: expect.stringMatching(oneOffName), stderr: "-----> Found 'worker' in Procfile, running that command\n" });
      const name = started.stdout.trim();

      const tick = new RegExp(`app\\[${name.split('.').at(-1)}\\]: worker tick run\\.${name.split('.').at(-1)}$`, 'm');
      await waitFor(async () => tick.test(await pierOk(env, ['run:logs', app, '-n', '5'])), { timeoutMs: 60_000, intervalMs: 250, what: 'a tick of the one-off worker' });
      expect(await env.pier(['run:stop', app])).toEqual({ exitCode: 0, stdout: `${name}\n`, stderr: '' });
    }, 120_000);

    it('run:retire stops a one-off whose --ttl-seconds 1 has passed and leaves the others', async () => {
      const expiring = (await pierOk(env, ['run:detached', '--ttl-seconds', '1', app, 'sleep', '300'])).trim();
      const kept = (await pierOk(env, ['run:detached', app, 'sleep', '300'])).trim();

      // The deadline is counted in whole seconds from the creation: sweep until it has passed.
      const retired = await waitFor(async () => {
        const out = await pierOk(env, ['run:retire', app]);
        return (await runList()).some((entry) => entry.name === expiring) ? undefined : out;
      }, { timeoutMs: 60_000, intervalMs: 500, what: `run:retire to retire ${expiring}` });

      expect(retired.split('\n')[0]).toBe(`-----> Retiring run and cron containers for app ${app}`);
      expect(retired).toContain(`       Retiring ${expiring} (service `);
      expect((await runList()).map((entry) => entry.name)).toEqual([kept]);
      expect(await pierOk(env, ['run:stop', app])).toBe(`${kept}\n`);
      expect(await allServices()).toHaveLength(2);
    }, 120_000);
  });

  it('logs print each task under its dyno; -q prints the bare lines; -t follows until interrupted', async () => {
    const line = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z app\[worker\.1\]: worker tick worker\.1$/m;
    const prefixed = await waitFor(async () => {
      const out = await pierOk(env, ['logs', app, '-p', 'worker', '-n', '3']);
      return line.test(out) ? out : undefined;
    }, { timeoutMs: 60_000, what: 'a worker tick in the logs' });
    expect(prefixed.split('\n').filter(Boolean).every((entry) => line.test(entry))).toBe(true);
    expect((await pierOk(env, ['logs', app, '-p', 'worker', '-n', '1', '-q'])).trim()).toBe('worker tick worker.1');

    const follower = spawnPier(env, ['logs', app, '-t', '-p', 'worker', '-n', '1']);
    let output = '';
    follower.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const ticks = () => output.split('\n').filter((entry) => line.test(entry)).length;
    try {
      // The last line, then at least one that came while following.
      await waitFor(async () => ticks() >= 2, { timeoutMs: 60_000, what: 'a followed worker tick' });
    } finally {
      follower.kill('SIGINT');
    }
    expect((await follower).exitCode).toBe(0);
  });

  it('ps:scale web=3 adds a task and keeps the others running', async () => {
    const result = await env.pier(['ps:scale', app, 'web=3']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(`       Updating service ${app}_web (start-first, 1 at a time, monitor 1s)`);
    expect(result.stdout).toContain(`       Service ${app}_web converged: 3 of 3 tasks running`);
    expect(Object.keys(statuses(await psReport(env, app)))).toEqual(['web.1', 'web.2', 'web.3', 'worker.1']);
  });

  it('a redeploy failing its health check is rolled back; the old tasks run and serve throughout', async () => {
    const before = await liveTasks();
    const oldContainers = Object.values(before);
    const webImage = (await containerOf(`${app}_web`))?.Image;
    expect(webImage).toMatch(/^sha256:[0-9a-f]{64}$/);
    // Zero downtime, seen from the engine: every old task container stays running the whole time.
    let sampling = true;
    const stoppedSeen = new Set<string>();
    const sampler = (async () => {
      while (sampling) {
        for (const id of oldContainers) {
          const info = await docker.getContainer(id).inspect().catch(() => null);
          if (!info?.State.Running) stoppedSeen.add(id);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();

    const result = await env.pier(['deploy', app, brokenImage]).finally(() => (sampling = false));
    await sampler;

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^ !     Could not deploy web: web\.\d failed \(task: non-zero exit \(\d+\): dockerexec: unhealthy container\); the previous release keeps running$/m);
    expect(result.stderr).toContain(' !     Swarm rolled web back to the previous release');
    expect(stoppedSeen).toEqual(new Set());
    expect(await liveTasks()).toEqual(before);
    expect((await containerOf(`${app}_web`))?.Image).toBe(webImage);
    expect((await env.pier(['enter', app, 'web.1', '--', 'wget', '-q', '-O', '-', 'http://127.0.0.1:5000/'])).stdout).toBe('hello from swarm\n');
    // ps remembers the release that runs, not the one that failed.
    expect((await psReport(env, app)).running).toBe('true');
    // logs:failed has the failed task on record (httpd said nothing before it was stopped).
    expect(await env.pier(['logs:failed', app])).toEqual({ exitCode: 0, stdout: `=====> ${app} failed deploy logs\n`, stderr: '' });
  });

  it('ps:stop scales every service to zero; ps:start brings the release back', async () => {
    expect((await env.pier(['ps:stop', app])).exitCode).toBe(0);
    const stopped = await psReport(env, app);
    expect({ running: stopped.running, processes: stopped.processes }).toEqual({ running: 'false', processes: '4' });
    // A stopped dyno has no task left (its CID is the service's id), so statuses() cannot read it.
    const states = Object.entries(stopped).filter(([key]) => key.startsWith('status-')).map(([key, value]) => `${key} ${value.split(' ')[0]}`);
    expect(states).toEqual(['status-web.1 exited', 'status-web.2 exited', 'status-web.3 exited', 'status-worker.1 exited']);
    expect(await liveTasks()).toEqual({});

    const started = await env.pier(['ps:start', app]);
    expect(started.exitCode).toBe(0);
    expect((await psReport(env, app)).running).toBe('true');
    expect(Object.keys(await liveTasks())).toHaveLength(4);
  });

  it('apps:destroy removes every service and task container of the app', async () => {
    expect((await env.pier(['--force', 'apps:destroy', app])).exitCode).toBe(0);
    expect(await services()).toEqual([]);
    expect(await docker.listContainers({ all: true, filters: { label: [`com.dokku.app-name=${app}`] } })).toEqual([]);
  });
});
