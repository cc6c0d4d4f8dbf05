// Builds tiny app images FROM scratch with Debian's busybox-static: there is no registry to pull
// from here, so every image Pier's tests, demo and benchmarks use is made locally, via dockerode.
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';

const BUSYBOX = '/bin/busybox';

/** Marks images built for tests and benchmarks, so that sweep-test-leftovers.mjs can find them. */
export const FIXTURE_LABEL = 'com.pier.fixture';

/**
 * Builds `tag` from a fixture app directory: its files go to /app (the working directory, where
 * Pier reads Procfile and app.json). An optional `image.json` in the fixture sets `cmd` and `env`.
 * The image carries FIXTURE_LABEL unless `fixture` is false (the demo's image is the user's).
 */
export async function buildAppImage(tag, appDir, docker = new Docker(), { fixture = true } = {}) {
  if (!existsSync(BUSYBOX)) throw new Error(`${BUSYBOX} is missing: apt-get install busybox-static`);
  const context = mkdtempSync(join(tmpdir(), 'pier-image-'));
  try {
    copyFileSync(BUSYBOX, join(context, 'busybox'));
    const options = appDir && existsSync(join(appDir, 'image.json')) ? JSON.parse(readFileSync(join(appDir, 'image.json'), 'utf8')) : {};
    const lines = ['FROM scratch', 'COPY busybox /bin/busybox', 'RUN ["/bin/busybox","--install","-s","/bin"]'];
    if (appDir) {
      cpSync(appDir, join(context, 'app'), { recursive: true, filter: (src) => !src.endsWith('image.json') });
      lines.push('COPY app/ /app/', 'WORKDIR /app');
    }
    for (const [key, value] of Object.entries(options.env ?? {})) lines.push(`ENV ${key}=${JSON.stringify(value)}`);
    if (fixture) lines.push(`LABEL ${FIXTURE_LABEL}=true`);
    lines.push(`CMD ${JSON.stringify(options.cmd ?? ['/bin/sh'])}`);
    writeFileSync(join(context, 'Dockerfile'), `${lines.join('\n')}\n`);
    const stream = await docker.buildImage({ context, src: ['.'] }, { t: tag, networkmode: 'none', rm: true, forcerm: true });
    const events = await new Promise((resolve, reject) =>
      docker.modem.followProgress(stream, (error, output) => (error ? reject(error) : resolve(output))),
    );
    const failure = events.find((event) => event.error);
    if (failure) throw new Error(`building ${tag} failed: ${failure.error}`);
    return tag;
  } finally {
    rmSync(context, { recursive: true, force: true });
  }
}

/** Removes images by tag, ignoring ones that are already gone. */
export async function removeImages(tags, docker = new Docker()) {
  for (const tag of tags) {
    await docker.getImage(tag).remove({ force: true }).catch((error) => {
      if (error.statusCode !== 404) throw error;
    });
  }
}
