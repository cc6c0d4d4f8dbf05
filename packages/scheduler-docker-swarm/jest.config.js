import preset from '../../jest.preset.js';

// The *.swarm.test.ts files need a real swarm: they are collected only when PIER_SWARM_TESTS asks
// for them (`init` starts a throwaway swarm, `manager` uses the engine's), never skipped.
const swarmTests = process.env.PIER_SWARM_TESTS ? [] : ['\\.swarm\\.test\\.ts$'];

export default { ...preset, displayName: 'scheduler-docker-swarm', testPathIgnorePatterns: ['/node_modules/', ...swarmTests] };
