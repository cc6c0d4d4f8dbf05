/**
 * Entry point of the detached retire process (see retire-job.ts and retire-launch.ts):
 * `node retire-worker.js '<job json>'`. It sleeps until the job is due (or until none of its
 * containers is left), stops what is left of the old containers, and exits. It talks to the
 * engine through dockerode like the rest of the scheduler, with the connection options of the deploy's engine (the job's `docker`; without them
 * dockerode's defaults, DOCKER_HOST coming with the environment it was started with).
 */
import { systemClock } from '@pier/plugin-api';
import { createDockerodePort } from './dockerode-port.js';
import { parseRetireJob, runRetireJob } from './retire-job.js';

const job = parseRetireJob(process.argv[2]);
// An unreachable engine or any other failure: nothing to report to, ps:retire tries again.
if (job !== null) await runRetireJob(createDockerodePort(job.docker), job, systemClock).catch(() => []);
