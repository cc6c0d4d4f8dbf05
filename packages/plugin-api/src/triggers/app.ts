import { defineTrigger } from '../bus/define-trigger.js';
import { LEGACY_APP_NAME_PATTERN } from '../apps/app-name.js';
import type { Zod } from '../bus/define-trigger.js';

const appName = (z: Zod) => z.string().regex(LEGACY_APP_NAME_PATTERN);
const appPair = (z: Zod) => z.object({ oldApp: appName(z), newApp: appName(z) });

/** Kind: first. Invoked by: every command that takes an app. Provided by: `@pier/apps`. */
export const appExists = defineTrigger({
  id: 'app:exists',
  kind: 'first',
  description: 'Whether an app exists.',
  since: '0.1.0',
  schemas: (z) => ({ input: z.object({ app: z.string() }), output: z.boolean() }),
});

/** Kind: first. Invoked by: reports over every app, `apps:list`. Provided by: `@pier/apps`. */
export const appList = defineTrigger({
  id: 'app:list',
  kind: 'first',
  description: 'The names of all apps, sorted.',
  since: '0.1.0',
  schemas: (z) => ({ input: z.object({}), output: z.array(z.string()) }),
});

/** Kind: notify. Invoked by: `apps:create` (and clone/rename for the new app), after the app exists. */
export const appPostCreate = defineTrigger({
  id: 'app:post-create',
  kind: 'notify',
  description: 'An app was created.',
  since: '0.1.0',
  schemas: (z) => ({ input: z.object({ app: appName(z) }), output: z.void() }),
});

/** Kind: notify. Invoked by: `apps:destroy`, before anything is removed. */
export const appPreDelete = defineTrigger({
  id: 'app:pre-delete',
  kind: 'notify',
  description: 'An app is about to be destroyed.',
  since: '0.1.0',
  schemas: (z) => ({ input: z.object({ app: appName(z) }), output: z.void() }),
});

/** Kind: notify. Invoked by: `apps:destroy`, after the scheduler stopped the app. Plugins drop their data. */
export const appPostDelete = defineTrigger({
  id: 'app:post-delete',
  kind: 'notify',
  description: 'An app was destroyed; plugins remove what they keep for it.',
  since: '0.1.0',
  schemas: (z) => ({ input: z.object({ app: appName(z) }), output: z.void() }),
});

/** Kind: notify. Invoked by: `apps:clone`, after the new app is created. Plugins copy their settings. */
export const appPostCloneSetup = defineTrigger({
  id: 'app:post-clone-setup',
  kind: 'notify',
  description: 'An app was cloned; plugins copy settings from oldApp to newApp.',
  since: '0.1.0',
  schemas: (z) => ({ input: appPair(z), output: z.void() }),
});

/** Kind: notify. Invoked by: `apps:clone`, last. The deploy plugin redeploys newApp unless skipDeploy. */
export const appPostClone = defineTrigger({
  id: 'app:post-clone',
  kind: 'notify',
  description: 'A clone finished.',
  since: '0.1.0',
  schemas: (z) => ({ input: appPair(z).extend({ skipDeploy: z.boolean() }), output: z.void() }),
});

/** Kind: notify. Invoked by: `apps:rename`, after newApp exists and before oldApp is destroyed. */
export const appPostRenameSetup = defineTrigger({
  id: 'app:post-rename-setup',
  kind: 'notify',
  description: 'An app is being renamed; plugins move settings from oldApp to newApp.',
  since: '0.1.0',
  schemas: (z) => ({ input: appPair(z), output: z.void() }),
});

/** Kind: notify. Invoked by: `apps:rename`, last. The deploy plugin redeploys newApp unless skipDeploy. */
export const appPostRename = defineTrigger({
  id: 'app:post-rename',
  kind: 'notify',
  description: 'A rename finished.',
  since: '0.1.0',
  schemas: (z) => ({ input: appPair(z).extend({ skipDeploy: z.boolean() }), output: z.void() }),
});

/**
 * Kind: first. Provided by: `@pier/apps`. Takes the app's lock for a command that changes it
 * (deploy, ps:*, apps:destroy...). Fails with PIER_ERR_APP_LOCKED naming the holder when another
 * live process holds it; a lock left by a dead process is taken over. Use `withAppLock`.
 */
export const appLockAcquire = defineTrigger({
  id: 'app:lock-acquire',
  kind: 'first',
  description: "Take an app's lock for a command that changes it.",
  since: '0.1.0',
  schemas: (z) => ({
    input: z.object({ app: appName(z), holder: z.string().min(1) }),
    output: z.object({ token: z.string() }),
  }),
});

/** Kind: first. Provided by: `@pier/apps`. Releases a lock taken with app:lock-acquire. */
export const appLockRelease = defineTrigger({
  id: 'app:lock-release',
  kind: 'first',
  description: "Release an app's lock.",
  since: '0.1.0',
  schemas: (z) => ({ input: z.object({ app: appName(z), token: z.string() }), output: z.literal(true) }),
});

/** Kind: notify. Invoked by: the deploy plugin after a successful deploy (any scheduler). */
export const appPostDeploy = defineTrigger({
  id: 'app:post-deploy',
  kind: 'notify',
  description: 'An app was deployed from an image.',
  since: '0.1.0',
  schemas: (z) => ({
    input: z.object({ app: appName(z), image: z.string().min(1), source: z.enum(['docker-image']) }),
    output: z.void(),
  }),
});
