import { describe, expect, it } from '@jest/globals';
import { swarmRestartPolicy } from './restart-policy.js';

describe('swarmRestartPolicy', () => {
  it.each<[string, ReturnType<typeof swarmRestartPolicy>]>([
    ['no', { Condition: 'none' }],
    ['always', { Condition: 'any' }],
    ['unless-stopped', { Condition: 'any' }],
    ['on-failure', { Condition: 'on-failure', MaxAttempts: 0 }],
    ['on-failure:10', { Condition: 'on-failure', MaxAttempts: 10 }],
  ])('%s', (policy, expected) => {
    expect(swarmRestartPolicy(policy)).toEqual(expected);
  });

  it.each(['sometimes', 'on-failure:x', 'always:3', 'on-failure:1:2'])('refuses %s', (policy) => {
    expect(() => swarmRestartPolicy(policy)).toThrow(`Unsupported restart policy "${policy}"`);
  });
});
