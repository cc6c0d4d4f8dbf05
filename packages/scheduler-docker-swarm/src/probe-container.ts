/**
 * A container created from an image and never started, to look at the image's files on the
 * manager's engine (the Procfile and app.json for a deploy, /bin/bash for a detached one-off's
 * shell) without running anything from it. Removed again whatever happens.
 *
 * An interrupt (Ctrl-C, SIGTERM, …) while it exists is held, as a deploy holds them: the work is
 * cut short, the container removed all the same, and ProbeInterrupted thrown for the caller to
 * end with the signal's status. One left behind all the same (a kill -9 at the wrong moment) is
 * labelled `com.dokku.container-type=image-info`, as docker-local's, with the app and the state
 * root: ps:retire removes this root's that are older than a few minutes, apps:destroy the app's.
 */
import { randomBytes } from 'node:crypto';
import { LABEL_APP, LABEL_ROOT, rootLabelValue, LABEL_CONTAINER_TYPE } from '@pier/plugin-api';
import { shortId } from './naming.js';
import type { Runtime } from './runtime.js';

export const IMAGE_INFO_TYPE = 'image-info';

/** Far longer than reading two small files takes: one older than this was left behind. */
export const STALE_PROBE_SECONDS = 600;

/** What a probe throws once it was interrupted (the container is removed by then). */
export class ProbeInterrupted extends Error {
  override name = 'ProbeInterrupted';
  constructor(readonly signal: NodeJS.Signals) {
    super(`interrupted by ${signal}`);
  }
}

/** A step of the work: its result, unless an interrupt comes first (then ProbeInterrupted). */
export type ProbeStep = <T>(work: Promise<T>) => Promise<T>;

/** The label filter of this root's probe containers (of one app, or of every app). */
function probeLabels(root: string, app?: string): string[] {
  return [`${LABEL_CONTAINER_TYPE}=${IMAGE_INFO_TYPE}`, `${LABEL_ROOT}=${rootLabelValue(root)}`, ...(app === undefined ? [] : [`${LABEL_APP}=${app}`])];
}

export async function withProbeContainer<T>(rt: Runtime, app: string, image: string, work: (containerId: string, step: ProbeStep) => Promise<T>): Promise<T> {
  let signal: NodeJS.Signals | null = null;
  let abort: (error: ProbeInterrupted) => void = () => {};
  const aborted = new Promise<never>((_, reject) => (abort = reject));
  // Nobody may be waiting when it comes; the steps that are see it through step().
  aborted.catch(() => {});
  const release = rt.interrupts((received) => {
    if (signal !== null) return;
    signal = received;
    abort(new ProbeInterrupted(received));
  });
  try {
    // Not cut short: once asked for, the container exists, and its id is what removes it.
    const containerId = await rt.engine.createContainer({
      name: `pier-swarm-image-info.${app}.${randomBytes(4).toString('hex')}`,
      Image: image,
      // Never started; the engine refuses to create a container from an image without a command.
      Cmd: ['/pier-image-info'],
      Labels: { [LABEL_APP]: app, [LABEL_CONTAINER_TYPE]: IMAGE_INFO_TYPE, [LABEL_ROOT]: rootLabelValue(rt.root) },
      HostConfig: { NetworkMode: 'none' },
    });
    try {
      if (signal !== null) throw new ProbeInterrupted(signal);
      return await work(containerId, (step) => Promise.race([step, aborted]));
    } finally {
      await rt.engine.removeContainer(containerId).catch(() => {});
    }
  } finally {
    release();
  }
}

/**
 * Removes this root's probe containers of one app (or of every app) created before `staleBefore`
 * (unix seconds, the engine's clock), or all of them when it is null. A younger one may be
 * another command's, still reading.
 */
export async function sweepProbeContainers(rt: Runtime, app: string | undefined, staleBefore: number | null): Promise<void> {
  for (const container of await rt.engine.listContainers(probeLabels(rt.root, app))) {
    if (staleBefore !== null && container.created >= staleBefore) continue;
    rt.log.verboseQuiet(`Removing stale container ${container.name} (${shortId(container.id)})`);
    await rt.engine.removeContainer(container.id).catch(() => {});
  }
}
