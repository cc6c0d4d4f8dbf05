import preset from '../../jest.preset.js';

export default {
  ...preset,
  displayName: 'cli-e2e',
  // Real processes and a real Docker engine: generous, but a hung test still fails.
  testTimeout: 180_000,
  globalSetup: '<rootDir>/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/src/support/global-teardown.ts',
};
