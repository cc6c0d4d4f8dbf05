// A throwaway one-node swarm for Pier's swarm tests, via dockerode, loopback only:
//   1. docker_gwbridge is created first, with its own Linux bridge name and a 198.18.x subnet.
//      Otherwise swarm init creates a bridge called docker_gwbridge in 172.18/16, a name another
//      engine on the same host may already hold.
//   2. swarm init listens, advertises and carries data on 127.0.0.1; overlay networks come from
//      198.19.0.0/16 (RFC 2544 space, never RFC 1918).
// An engine that is already a swarm manager is used as it is, and left as it was. end() undoes
// exactly what start() did: it leaves the swarm and removes the gateway bridge only if it made
// them. Also a command line: `node tools/docker/swarm-session.mjs up|down` (DOCKER_HOST honoured);
// `down` only ever leaves a swarm that `up` (or start()) made.
import { pathToFileURL } from 'node:url';
import Docker from 'dockerode';

const GATEWAY = 'docker_gwbridge';
/** In the spec of a swarm start() made, so that sweep-test-leftovers.mjs knows it for a test swarm. */
export const TEST_SWARM_LABEL = 'com.pier.test-swarm';

export const defaults = {
  address: process.env.PIER_SWARM_ADDR || '127.0.0.1',
  bridgeName: process.env.PIER_SWARM_GWBRIDGE || 'pier_gwbridge',
  bridgeSubnet: '198.18.254.0/24',
  addressPool: '198.19.0.0/16',
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function swarmState(docker) {
  const { Swarm } = await docker.info();
  return { state: Swarm?.LocalNodeState ?? 'inactive', manager: Swarm?.ControlAvailable === true };
}

async function gatewayExists(docker) {
  return (await docker.listNetworks({ filters: { name: [GATEWAY] } })).some((network) => network.Name === GATEWAY);
}

/**
 * Makes sure the engine is a swarm manager. Returns { created, end }: created says whether this
 * call initialised the swarm; end() leaves it again (and removes what start made), else does nothing.
 */
export async function startSwarm(docker = new Docker(), options = {}) {
  const { address, bridgeName, bridgeSubnet, addressPool } = { ...defaults, ...options };
  const before = await swarmState(docker);
  if (before.state === 'active') {
    if (!before.manager) throw new Error('the Docker engine is a swarm worker: point DOCKER_HOST at a manager');
    return { created: false, end: async () => {} };
  }
  let madeGateway = false;
  if (!(await gatewayExists(docker))) {
    await docker.createNetwork({
      Name: GATEWAY,
      Driver: 'bridge',
      IPAM: { Config: [{ Subnet: bridgeSubnet }] },
      Options: {
        'com.docker.network.bridge.name': bridgeName,
        'com.docker.network.bridge.enable_icc': 'false',
        'com.docker.network.bridge.enable_ip_masquerade': 'false',
      },
    });
    madeGateway = true;
  }
  const removeGateway = async () => {
    if (!madeGateway) return;
    // The gateway's last endpoint (the ingress sandbox) can take a moment to go after a leave.
    for (let attempt = 0; attempt < 50; attempt++) {
      try {
        await docker.getNetwork(GATEWAY).remove();
        return;
      } catch (error) {
        if (error.statusCode === 404) return;
        await sleep(200);
      }
    }
  };
  try {
    await docker.swarmInit({ ListenAddr: `${address}:2377`, AdvertiseAddr: address, DataPathAddr: address, DefaultAddrPool: [addressPool], SubnetSize: 24, Spec: { Labels: { [TEST_SWARM_LABEL]: 'true' } } });
  } catch (error) {
    await removeGateway();
    throw error;
  }
  return {
    created: true,
    async end() {
      await docker.swarmLeave({ force: true }).catch((error) => {
        if (error.statusCode !== 503) throw error;
      });
      await removeGateway();
    },
  };
}

/**
 * Leaves the swarm, if start() made it (its spec carries TEST_SWARM_LABEL: a swarm of the user's
 * is never left), and removes docker_gwbridge when it uses Pier's bridge name. Returns
 * 'left', 'none' (no swarm) or 'not-ours'.
 */
export async function stopSwarm(docker = new Docker(), options = {}) {
  const { bridgeName } = { ...defaults, ...options };
  const { state, manager } = await swarmState(docker);
  if (state === 'inactive') return 'none';
  const labels = manager ? (await docker.swarmInspect()).Spec?.Labels ?? {} : {};
  if (labels[TEST_SWARM_LABEL] === undefined) return 'not-ours';
  await docker.swarmLeave({ force: true });
  const gateway = (await docker.listNetworks({ filters: { name: [GATEWAY] } })).find((network) => network.Name === GATEWAY);
  if (gateway && gateway.Options?.['com.docker.network.bridge.name'] === bridgeName) {
    await docker.getNetwork(gateway.Id).remove().catch(() => {});
  }
  return 'left';
}

const command = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href ? process.argv[2] : undefined;
if (command === 'up') {
  const session = await startSwarm();
  console.log(session.created ? '-----> Swarm initialised' : '-----> The engine is already a swarm manager');
} else if (command === 'down') {
  const outcome = await stopSwarm();
  if (outcome === 'not-ours') {
    console.error(' !     The engine is in a swarm that swarm-session.mjs did not make: left as it is');
    process.exit(1);
  }
  console.log(outcome === 'left' ? '-----> Left the swarm' : '-----> The engine is in no swarm');
} else if (command !== undefined) {
  console.error(' !     usage: node tools/docker/swarm-session.mjs up|down');
  process.exit(1);
}
