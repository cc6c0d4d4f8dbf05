import preset from '../../jest.preset.js';

export default { ...preset, displayName: 'scheduler-docker-swarm' };
