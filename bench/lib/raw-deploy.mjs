// The baseline of the deploy benchmark: plain dockerode creating and starting the same
// containers Pier creates (same image, command, labels, init, restart policy, network), with a
// given parallelism. Usage: node raw-deploy.mjs <image> <prefix> <count> <parallel>
import Docker from 'dockerode';

const [image, prefix, countArg, parallelArg] = process.argv.slice(2);
const count = Number(countArg);
const parallel = Number(parallelArg);
const docker = new Docker();

async function startOne(i) {
  const container = await docker.createContainer({
    name: `${prefix}.${i}`,
    Image: image,
    Cmd: ['sh', '-c', 'while true; do sleep 1; done'],
    Env: [`DYNO=web.${i}`, 'PORT=5000'],
    Labels: { 'pier.bench': prefix, 'com.dokku.app-name': prefix, 'com.dokku.container-type': 'deploy' },
    HostConfig: { Init: true, NetworkMode: 'none', RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 10 }, LogConfig: { Type: 'json-file', Config: { 'max-size': '10m' } } },
  });
  await container.start();
}

let next = 1;
await Promise.all(
  Array.from({ length: parallel }, async () => {
    while (next <= count) await startOne(next++);
  }),
);
