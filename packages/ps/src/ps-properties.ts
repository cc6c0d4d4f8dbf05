import { defineProperties } from '@pier/plugin-api';

/**
 * Dokku's ps properties (§4.6), plus the state ps keeps per app. The state keys are not public
 * (not settable with ps:set, not in reports) and live in the property store so that apps:clone,
 * apps:rename and apps:destroy copy, move and remove them with everything else.
 */
export const psProperties = defineProperties('ps', {
  'dockerfile-start-cmd': {},
  'procfile-path': { default: 'Procfile', global: true },
  'restart-policy': { default: 'on-failure:10', global: true },
  restore: { default: 'true' },
  'skip-deploy': { default: 'false', global: true },
  'start-cmd': {},
  'stop-timeout-seconds': { default: '30', global: true },

  /** `false` while an app.json formation sets quantities (ps:scale is refused then). */
  'can-scale': { default: 'true', public: false },
  /** The formation, Dokku's list layout: `web=1\nworker=0\n`. */
  scale: { public: false },
  /** The image of the current release, as given to `pier deploy`. */
  image: { public: false },
  /** The Procfile and app.json of that image, verbatim; unset when the image has none. */
  procfile: { public: false },
  'app-json': { public: false },
});

