/**
 * A test host for ps commands: the ps plugin, a fixed scheduler selection and a recording
 * docker-local scheduler whose state (deployed apps, running state, failures, images) the test
 * controls. Every Release a command produces is validated against the contract by the host's bus.
 */
import {
  ErrorCodes,
  PierError,
  appPostDeploy,
  definePlugin,
  schedulerDetect,
  type InputOf,
  type PierPlugin,
  type Release,
  type SchedulerImplementation,
  type schedulerDeploy,
} from '@pier/plugin-api';
import {
  createTestHost,
  fixedSchedulerSelection,
  recordingScheduler,
  type RecordingScheduler,
  type TestHost,
} from '@pier/plugin-testkit';
import { ps } from '../plugin.js';

export interface TestImage {
  procfile?: string;
  appJson?: string;
}

export interface PsHostOptions {
  /** Images the fake scheduler knows besides `blog:1` (web + worker) and `plain:1` (no Procfile). */
  images?: Record<string, TestImage>;
  apps?: string[];
  /** Methods added to (or replacing those of) the fake scheduler. */
  scheduler?: Partial<SchedulerImplementation>;
  /** Leave these capabilities out of the fake scheduler. */
  without?: (keyof SchedulerImplementation)[];
  plugins?: PierPlugin[];
  /** Per-app scheduler selection (app or --global → name); default: docker-local for everything. */
  select?: (app: string) => string;
  quiet?: boolean;
  /** The invocation's environment (PIER_CHECKS_URL, ...). */
  env?: Record<string, string>;
}

export interface PsHost {
  readonly host: TestHost;
  readonly scheduler: RecordingScheduler;
  /** Apps the fake scheduler runs a release of. */
  readonly deployed: Set<string>;
  /** The running state appStatus reports for deployed apps (default `true`). */
  readonly running: Map<string, 'true' | 'false' | 'mixed'>;
  /** When set, scheduler deploys fail with DEPLOY_FAILED and this message. */
  failDeploys(message: string | undefined): void;
  /** Runs first in every scheduler deploy from now on (it may throw, e.g. an interrupt). */
  onDeploy(hook: (input: InputOf<typeof schedulerDeploy>) => void): void;
  /** The deploy requests the scheduler received, in order. */
  deploys(): InputOf<typeof schedulerDeploy>[];
  lastRelease(): Release;
  /** Every appPostDeploy notification. */
  readonly postDeploys: InputOf<typeof appPostDeploy>[];
  /** The ps properties of an app (or --global), as stored. */
  props(scope: string): Record<string, string>;
  run: TestHost['run'];
}

export const WEB_WORKER: TestImage = { procfile: 'web: httpd -p $PORT\nworker: tick\n' };

export async function psHost(options: PsHostOptions = {}): Promise<PsHost> {
  // Looked up at call time, so a test can change or remove an image between commands.
  const defaults: Record<string, TestImage> = { 'blog:1': WEB_WORKER, 'plain:1': {} };
  const images = options.images ?? {};
  const deployed = new Set<string>();
  const running = new Map<string, 'true' | 'false' | 'mixed'>();
  let failure: string | undefined;
  let deployHook: (input: InputOf<typeof schedulerDeploy>) => void = () => undefined;
  const postDeploys: InputOf<typeof appPostDeploy>[] = [];

  const methods: Partial<SchedulerImplementation> = {
    imageInfo: ({ image }) => {
      const found = image in images ? images[image] : defaults[image];
      if (!found) throw new PierError(ErrorCodes.IMAGE_NOT_FOUND, `Image ${image} not found`);
      return { id: `sha256:${image}`, procfile: found.procfile ?? null, appJson: found.appJson ?? null };
    },
    deploy: (input) => {
      const { app } = input;
      deployHook(input);
      if (failure !== undefined) throw new PierError(ErrorCodes.DEPLOY_FAILED, failure);
      deployed.add(app);
    },
    isDeployed: ({ app }) => deployed.has(app),
    appStatus: ({ app }) =>
      deployed.has(app)
        ? {
            processes: 2,
            running: running.get(app) ?? 'true',
            containers: [
              { dyno: 'web.1', state: 'running', id: '0123456789abcdef0123' },
              { dyno: 'worker.1', state: 'exited', id: 'fedcba9876543210fedc' },
            ],
          }
        : { processes: 0, running: 'false', containers: [] },
    stop: () => undefined,
    inspect: ({ app }) => [{ Name: `/${app}.web.1`, Config: { Env: ['PORT=5000', 'SECRET=XXXXXX'], Image: 'blog:1' }, Id: 'abc' }],
    retire: () => undefined,
    runRetire: () => undefined,
    preRestore: () => undefined,
    ...options.scheduler,
  };
  for (const method of options.without ?? []) delete methods[method];
  const scheduler = recordingScheduler('docker-local', methods);

  const observer = definePlugin({
    name: 'test-observer',
    register: ({ bus }) => void bus.tap(appPostDeploy, (input) => void postDeploys.push(input)),
  });
  const { select } = options;
  const selection =
    select === undefined
      ? fixedSchedulerSelection('docker-local')
      : definePlugin({ name: 'test-selection', register: ({ bus }) => void bus.tap(schedulerDetect, ({ app }) => select(app)) });
  const host = await createTestHost({
    plugins: [ps(), selection, scheduler.plugin, observer, ...(options.plugins ?? [])],
    apps: options.apps ?? ['blog', 'shop'],
    quiet: options.quiet ?? false,
    env: options.env ?? {},
  });

  const deploys = () => scheduler.calls.filter((c) => c.method === 'deploy').map((c) => c.input as InputOf<typeof schedulerDeploy>);
  return {
    host,
    scheduler,
    deployed,
    running,
    failDeploys: (message) => void (failure = message),
    onDeploy: (hook) => void (deployHook = hook),
    deploys,
    lastRelease: () => {
      const all = deploys();
      if (all.length === 0) throw new Error('no deploy was dispatched');
      return all[all.length - 1]!.release;
    },
    postDeploys,
    props(scope) {
      const prefix = `ps/${scope}/`;
      return Object.fromEntries(
        [...(host.properties?.values ?? [])].filter(([key]) => key.startsWith(prefix)).map(([key, value]) => [key.slice(prefix.length), value]),
      );
    },
    run: (command, ...args) => host.run(command, ...args),
  };
}

/** The release step's lines, up to the scheduler's (an image without web healthchecks). */
export const releasingOutput = (app: string, scheduler = 'docker-local') =>
  [
    `-----> Releasing ${app}...`,
    '=====> Processing deployment checks',
    '       No web healthchecks found in app.json. Simple container checks will be performed.',
    '       For more efficient zero downtime deployments, add healthchecks to your app.json. See https://dokku.com/docs/deployment/zero-downtime-deploys/ for examples',
    `-----> Deploying ${app} via the ${scheduler} scheduler...`,
    '',
  ].join('\n');

/** The Dokku lines around a successful release-and-deploy. */
export const deployedOutput = (app: string, scheduler = 'docker-local') => `${releasingOutput(app, scheduler)}=====> Application deployed:\n\n`;
