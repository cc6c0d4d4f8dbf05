import preset from '../../jest.preset.js';

export default {
  ...preset,
  displayName: 'workspace-plugin',
  // The generator test builds and tests a generated package (tsc, jest, esbuild in children).
  testTimeout: 180_000,
};
