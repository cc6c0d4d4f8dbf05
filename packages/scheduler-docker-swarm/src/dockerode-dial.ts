/**
 * What the dockerode adapter's two halves (swarm services, plain containers) share: the engine
 * call with Pier's errors, and docker-modem's streaming mode for answers read as they come.
 */
import type { Readable } from 'node:stream';
import type Dockerode from 'dockerode';

type DialOptions = Parameters<Dockerode['modem']['dial']>[0];

/** One engine call; an HTTP status listed in `tolerated` yields its fallback instead of an error. */
export type EngineCall = <T>(work: (d: Dockerode) => Promise<T>, tolerated?: Record<number, () => T>) => Promise<T>;

/** The answer as a stream once its headers are in (dockerode would buffer it whole first). */
export function dialStream(d: Dockerode, options: Omit<DialOptions, 'isStream'>): Promise<Readable> {
  return new Promise((resolve, reject) =>
    d.modem.dial({ ...options, isStream: true }, (error, answer) => (error ? reject(error) : resolve(answer as Readable))),
  );
}
