import preset from '../../jest.preset.js';

export default {
  ...preset,
  displayName: 'packages-e2e',
  // npm installs from the registry (dependencies of the packages) and a real Docker engine.
  testTimeout: 300_000,
  globalSetup: '<rootDir>/../cli-e2e/src/support/global-setup.ts',
};
