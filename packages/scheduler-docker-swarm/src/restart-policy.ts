/**
 * ps's Docker restart policy (`no`, `always`, `unless-stopped`, `on-failure[:N]`) as a Swarm
 * task restart policy. Swarm has no "unless stopped": a task of a scaled-down service is gone,
 * not stopped, so `unless-stopped` means the same as `always` there.
 */
import { ErrorCodes, PierError } from '@pier/plugin-api';
import type { ServiceSpec } from './service-spec-types.js';

export type SwarmRestartPolicy = ServiceSpec['TaskTemplate']['RestartPolicy'];

export function swarmRestartPolicy(policy: string): SwarmRestartPolicy {
  const [name, count, ...rest] = policy.split(':');
  if (rest.length === 0 && count === undefined) {
    if (name === 'no' || name === '') return { Condition: 'none' };
    if (name === 'always' || name === 'unless-stopped') return { Condition: 'any' };
    // Docker's plain on-failure retries for ever; so does a MaxAttempts of 0.
    if (name === 'on-failure') return { Condition: 'on-failure', MaxAttempts: 0 };
  }
  if (name === 'on-failure' && rest.length === 0 && count !== undefined && /^[0-9]+$/.test(count)) {
    return { Condition: 'on-failure', MaxAttempts: Number(count) };
  }
  throw new PierError(ErrorCodes.DEPLOY_FAILED, `Unsupported restart policy "${policy}": use no, always, unless-stopped or on-failure[:N]`);
}
