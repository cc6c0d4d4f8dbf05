import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHostApp, pierOk, tearDownApps } from './support/apps.js';
import { appContainers, buildFixtureImage, docker } from './support/docker.js';
import { pierEnvironment, type PierEnvironment } from './support/pier.js';

// Issue #3 / reference §4.12: ps:inspect is docker's inspect of every live container, with env
// values masked (XXXXXX) except DYNO, PORT, PATH and the other harmless prefixes.
// The fixture image sets SECRET_TOKEN and DATABASE_URL with ENV (e2e/fixtures/apps/secret-env/image.json).
const app = 'e2e-inspect';
const idle = 'e2e-inspect-idle';
const image = 'e2e-inspect-img:1';
const secrets = ['s3cr3t-e2e-value', 'hunter2'];
let env: PierEnvironment;

beforeAll(async () => {
  env = pierEnvironment();
  await buildFixtureImage(image, 'secret-env');
  await createHostApp(env, app, ['web=2']);
  await pierOk(env, ['checks:skip', app]);
  await pierOk(env, ['deploy', app, image]);
  await pierOk(env, ['apps:create', idle]);
}, 60_000);
afterAll(() => tearDownApps(env, { apps: [app, idle], images: [image] }), 60_000);

interface Doc {
  Id: string;
  Name: string;
  Config: { Env: string[]; Image: string };
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]));
  }
  return value;
}

describe('ps:inspect', () => {
  it('prints every live container as JSON with sorted keys and a four-space indent', async () => {
    const result = await env.pier(['ps:inspect', app]);

    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
    const docs = JSON.parse(result.stdout) as Doc[];
    expect(result.stdout).toBe(`${JSON.stringify(sortKeys(docs), null, 4)}\n`);
    const containers = await appContainers(app);
    expect(docs.map((d) => d.Id)).toEqual(containers.map((c) => c.id));
    expect(docs.map((d) => d.Name)).toEqual([`/${app}.web.1`, `/${app}.web.2`]);
    expect(docs.map((d) => d.Config.Image)).toEqual([image, image]);
  });

  it('masks the image’s env values as XXXXXX and keeps PORT, DYNO and PATH', async () => {
    const result = await env.pier(['ps:inspect', app]);
    const docs = JSON.parse(result.stdout) as Doc[];

    for (const secret of secrets) expect(result.stdout).not.toContain(secret);
    for (const [index, doc] of docs.entries()) {
      expect(doc.Config.Env).toContain('SECRET_TOKEN=XXXXXX');
      expect(doc.Config.Env).toContain('DATABASE_URL=XXXXXX');
      expect(doc.Config.Env).toContain(`DYNO=web.${index + 1}`);
      expect(doc.Config.Env.find((e) => e.startsWith('PORT='))).toMatch(/^PORT=\d+$/);
      expect(doc.Config.Env.find((e) => e.startsWith('PATH='))).toMatch(/^PATH=\/.*bin/);
      expect(doc.Config.Env.filter((e) => !/^(DYNO|PORT|PATH)=/.test(e)).every((e) => e.endsWith('=XXXXXX'))).toBe(true);
    }
  });

  it('only masks its output: the containers really have the values (docker’s own inspect)', async () => {
    const docs = JSON.parse(await pierOk(env, ['ps:inspect', app])) as Doc[];

    for (const doc of docs) {
      const real = await docker.getContainer(doc.Id).inspect();
      expect(real.Config.Env).toContain('SECRET_TOKEN=s3cr3t-e2e-value');
      expect(real.Config.Env).toContain('DATABASE_URL=postgres://user:hunter2@127.0.0.1/db');
      // Same variables in the same order, only the values differ.
      expect(doc.Config.Env.map((e) => e.split('=')[0])).toEqual((real.Config.Env ?? []).map((e) => e.split('=')[0]));
    }
  });

  it('an unknown app exits 20 with one line; an app never deployed has nothing to inspect', async () => {
    expect(await env.pier(['ps:inspect', 'e2e-inspect-nope'])).toEqual({
      exitCode: 20,
      stdout: '',
      stderr: ' !     App e2e-inspect-nope does not exist\n',
    });
    const idleResult = await env.pier(['ps:inspect', idle]);
    expect(idleResult.exitCode).toBe(0);
    expect(JSON.parse(idleResult.stdout)).toEqual([]);
  });
});
