import { defineProperties } from '@pier/plugin-api';

/** Bookkeeping the apps plugin keeps per app; none of it is user-settable. */
export const appProperties = defineProperties('apps', {
  'created-at': { public: false },
  'deploy-source': { public: false },
  'deploy-source-metadata': { public: false },
});
