import { describe, expect, it } from '@jest/globals';
import { sectionsForFlag } from './section-order.js';

const sections = ['app', 'checks', 'ps', 'scheduler', 'scheduler-docker-local'];

describe('sectionsForFlag', () => {
  it.each([
    ['--app-dir', ['app', 'checks', 'ps', 'scheduler', 'scheduler-docker-local']],
    ['--scheduler-selected', ['scheduler', 'app', 'checks', 'ps', 'scheduler-docker-local']],
    ['--scheduler-docker-local-init-process', ['scheduler-docker-local', 'app', 'checks', 'ps', 'scheduler']],
    ['--deployed', sections],
    ['--schedulerx', sections],
  ])('%s → %j', (flag, order) => {
    expect(sectionsForFlag(sections, flag)).toEqual(order);
  });
});
