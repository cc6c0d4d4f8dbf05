/**
 * The deploy steps shared by every command that starts processes. Two shapes, as in Dokku:
 *
 * - release-and-deploy (`pier deploy`, ps:rebuild, ps:start, apps:rename/clone): the release
 *   step's lines, the scheduler, every type deployed, "Application deployed:" and the app's URLs
 *   (release-output.ts); honours `skip-deploy`;
 * - the scheduler step alone (ps:restart, ps:scale): deploy the current release, optionally one
 *   process type, with only the scheduler's own output.
 *
 * A new release is remembered before the scheduler swaps it in, and the previous one is put back
 * if the deploy fails: a failed deploy leaves the previous image, Procfile, app.json and scale in
 * place. Remembered only afterwards, a `kill -9` between the scheduler's swap and the save would
 * leave ps naming the old image while the new one runs, and the next ps:restart or ps:start would
 * roll the app back. Remembered first, a kill before the swap leaves ps naming the image the user
 * deployed last, which the next ps:restart rolls out (as in Dokku, which tags the image it is
 * about to deploy). Callers hold the app lock.
 */
import {
  appPostDeploy,
  dispatchToScheduler,
  inspectImage,
  schedulerDeploy,
  schedulerIsDeployed,
  selectedScheduler,
  type PluginContext,
} from '@pier/plugin-api';
import { EMPTY_APP_JSON, formationQuantities, parseAppJson } from './app-json.js';
import { appUrls } from './app-urls.js';
import { buildRelease, removalSpec, runnableTypes, type ReleaseSettings } from './build-release.js';
import { checkSettings } from './check-settings.js';
import { formationForDeploy, type Scale } from './formation.js';
import { parseProcfile } from './procfile-parser.js';
import { parseSource, psState, type ParsedSource, type ReleaseSource } from './ps-state.js';
import { announceDeployed, announceRelease } from './release-output.js';
import { parseSeconds } from './seconds.js';

export type Deployer = ReturnType<typeof createDeployer>;

/** Dokku reads the Procfile from this path; other `procfile-path` values need the scheduler to read them. */
const DEFAULT_PROCFILE_PATH = 'Procfile';

export function createDeployer(context: PluginContext) {
  const { bus, log } = context;
  const state = psState(bus);

  async function releaseSettings(app: string, processTypes: string[]): Promise<ReleaseSettings> {
    const [restartPolicy, stopTimeout, dockerfileStartCmd, checks] = await Promise.all([
      state.props.computed(app, 'restart-policy'),
      state.props.computed(app, 'stop-timeout-seconds'),
      state.props.computed(app, 'dockerfile-start-cmd'),
      checkSettings(bus, app, processTypes),
    ]);
    return { restartPolicy, stopTimeoutSeconds: parseSeconds('stop-timeout-seconds', stopTimeout), dockerfileStartCmd, checks };
  }

  function warnSkipped(source: ParsedSource, type: string): void {
    if (source.procfile === null) log.warn(`Skipping ${type} as the image has no Procfile (only web runs)`);
    else log.warn(`Skipping ${type} as it is missing from the current Procfile`);
  }

  /**
   * Builds the release and hands it to the app's scheduler (one type, or all). One type the image
   * does not define is skipped with Dokku's warning (nothing is dispatched: false), or, with
   * `removeMissing` (ps:scale to 0), deployed at quantity 0 so that what still runs of it goes.
   */
  async function dispatchRelease(app: string, source: ParsedSource, scale: Scale, command: string, processType?: string, removeMissing = false): Promise<boolean> {
    const types = runnableTypes(source).filter((type) => scale.has(type));
    const { release, skipped } = buildRelease(source, scale, await releaseSettings(app, types));
    for (const type of skipped) if (processType === undefined || processType === type) warnSkipped(source, type);
    if (processType !== undefined && !release.processes.some((p) => p.type === processType)) {
      const quantity = scale.get(processType) ?? 0;
      if (!removeMissing || quantity > 0) {
        if (!skipped.includes(processType)) warnSkipped(source, processType);
        return false;
      }
      release.processes.push(removalSpec(processType));
    }
    await dispatchToScheduler(bus, schedulerDeploy, { app, release, ...(processType === undefined ? {} : { processType }) }, command);
    return true;
  }

  /** What every successful deploy records: the app runs again after a reboot, and the image is announced. */
  async function afterDeploy(app: string, image: string): Promise<void> {
    await state.props.set(app, 'restore', '');
    await bus.notify(appPostDeploy, { app, image, source: 'docker-image' });
  }

  /** The app's URLs as its scheduler knows them; none when it cannot say (the deploy is done all the same). */
  const deployedUrls = (app: string, command: string): Promise<string[]> => appUrls(bus, app, command).catch(() => []);

  /** Dokku's release_and_deploy around an already prepared release. Returns false when skip-deploy is set. */
  async function announceAndDeploy(app: string, source: ParsedSource, command: string, deploy: () => Promise<void>): Promise<boolean> {
    if ((await state.props.computed(app, 'skip-deploy')) === 'true') {
      log.info1('Skipping deployment');
      return false;
    }
    announceRelease(log, app, source, context.env);
    log.info1(`Deploying ${app} via the ${await selectedScheduler(bus, app)} scheduler...`);
    await deploy();
    announceDeployed(log, await deployedUrls(app, command));
    return true;
  }

  /** Runs `deploy` with `next` remembered as the release, the previous one back if it fails (see the file comment). */
  async function remembering(app: string, next: { source: ReleaseSource; scale: Scale; canScale: boolean }, deploy: () => Promise<void>): Promise<void> {
    const previous = await state.snapshot(app);
    await state.saveRelease(app, next.source, next.scale, next.canScale);
    try {
      await deploy();
    } catch (error) {
      await state.restore(app, previous);
      throw error;
    }
  }

  /**
   * The Procfile and app.json of an image, validated before anything changes. A scheduler that
   * cannot read images gets the fallback: no Procfile, no app.json (see inspectImage).
   */
  async function readImage(app: string, image: string, command: string): Promise<{ raw: ReleaseSource; parsed: ParsedSource }> {
    const { info, inspected } = await inspectImage(bus, app, image, command);
    if (!inspected) {
      log.verbose(`The ${await selectedScheduler(bus, app)} scheduler does not read images: no Procfile or app.json, web runs the image's own command`);
    }
    const procfile = info.procfile === null ? null : parseProcfile(info.procfile);
    const appJson = info.appJson === null ? { appJson: EMPTY_APP_JSON, warnings: [] } : parseAppJson(info.appJson);
    for (const warning of appJson.warnings) log.warn(warning);
    return { raw: { image, procfile: info.procfile, appJson: info.appJson }, parsed: { image, procfile, appJson: appJson.appJson } };
  }

  return {
    state,
    afterDeploy,

    /** The release ps can redeploy: the scheduler runs the app and ps knows its source. */
    async deployedSource(app: string, command: string): Promise<ReleaseSource | undefined> {
      if (!(await dispatchToScheduler(bus, schedulerIsDeployed, { app }, command))) return undefined;
      return state.source(app);
    },

    /** `pier deploy <app> <image>` and ps:rebuild: read the image, merge the scale, deploy, remember. */
    async deployImage(app: string, image: string, command: string): Promise<void> {
      const { raw, parsed } = await readImage(app, image, command);
      const procfilePath = await state.props.computed(app, 'procfile-path');
      if (procfilePath !== DEFAULT_PROCFILE_PATH) {
        log.warn(`procfile-path ${procfilePath} is not supported yet; reading ${DEFAULT_PROCFILE_PATH} from the image`);
      }
      const procfileTypes = parsed.procfile === null ? null : [...parsed.procfile.keys()];
      const { scale, canScale } = formationForDeploy(await state.scale(app), procfileTypes, formationQuantities(parsed.appJson));

      const next = { source: raw, scale, canScale };
      const deployed = await announceAndDeploy(app, parsed, command, () => remembering(app, next, async () => void (await dispatchRelease(app, parsed, scale, command))));
      if (deployed) await afterDeploy(app, image);
      // With skip-deploy the release is still prepared, as Dokku's build is: ps:restart rolls it out.
      else await state.saveRelease(app, raw, scale, canScale);
    },

    /** ps:start: release-and-deploy of the remembered release. */
    async startRelease(app: string, source: ReleaseSource): Promise<void> {
      const scale = await state.scale(app);
      const parsed = parseSource(source);
      const deployed = await announceAndDeploy(app, parsed, 'ps:start', async () => void (await dispatchRelease(app, parsed, scale, 'ps:start')));
      if (deployed) await afterDeploy(app, source.image);
    },

    /**
     * The scheduler step alone (Dokku's `deploy` trigger) for the remembered release; false when
     * the one type asked for was skipped (the image does not define it). `removeMissing`: see
     * dispatchRelease.
     */
    redeploy(app: string, source: ReleaseSource, scale: Scale, command: string, processType?: string, removeMissing = false): Promise<boolean> {
      return dispatchRelease(app, parseSource(source), scale, command, processType, removeMissing);
    },

    /**
     * `=====> Application deployed:` and the URLs after ps:restart and ps:scale too (Dokku prints
     * them after a release-and-deploy only): in host mode every new web container has a new port,
     * and this is where the user learns it.
     */
    async announceUrls(app: string, command: string): Promise<void> {
      announceDeployed(log, await deployedUrls(app, command));
    },
  };
}
