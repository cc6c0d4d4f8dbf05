/**
 * A free TCP port on loopback, for host-mode containers (a web dyno's PORT, a one-off's): the
 * kernel's pick for a listener on port 0. Shared by the Docker schedulers; `taken` lets one deploy
 * hand out several ports, since the kernel may offer a just-closed port again before the container
 * it went to binds it.
 */
import { createServer } from 'node:net';

export const LOOPBACK = '127.0.0.1';

function ephemeralPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, LOOPBACK, () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** A loopback port nothing listens on right now and not in `taken` (to which it is added). */
export async function freeLoopbackPort(taken: Set<number> = new Set()): Promise<number> {
  for (let tries = 0; tries < 100; tries++) {
    const port = await ephemeralPort();
    if (!taken.has(port)) {
      taken.add(port);
      return port;
    }
  }
  throw new Error('could not find a free port on 127.0.0.1');
}
