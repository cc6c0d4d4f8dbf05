import { describeSchedulerContract } from '@pier/plugin-testkit/contract';
// The e2e fixture passes the same contract as every scheduler in this repository.
import { schedulerExample } from '../../fixtures/plugins/pier-scheduler-example/index.js';

describeSchedulerContract('example', () => ({ plugin: schedulerExample() }), {
  tracksDeployments: true,
  packageJson: new URL('../../fixtures/plugins/pier-scheduler-example/package.json', import.meta.url),
});
