import { execa } from 'execa';
import { fileURLToPath } from 'node:url';

/** E2e tests always run against a real engine: start one (as root) when none answers. */
export default async function globalSetup(): Promise<void> {
  const script = fileURLToPath(new URL('../../../../tools/docker/ensure-engine.sh', import.meta.url));
  await execa('bash', [script], { stdio: 'inherit' });
}
