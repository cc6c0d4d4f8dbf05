/**
 * Entry point of the detached retire process (see retire-job.ts and retire-launch.ts):
 * `node retire-worker.js '<job json>'`. It sleeps until the job is due, stops what is left of
 * the old containers, and exits. It talks to the engine through dockerode like the rest of the
 * scheduler (DOCKER_HOST comes with the environment it was started with).
 */
import { createDockerodePort } from './dockerode-port.js';
import { parseRetireJob, stopOldContainers } from './retire-job.js';

const job = parseRetireJob(process.argv[2]);
if (job !== null) {
  const wait = job.at * 1000 - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  // An unreachable engine or any other failure: nothing to report to, ps:retire will retry.
  await stopOldContainers(createDockerodePort(), job).catch(() => []);
}
