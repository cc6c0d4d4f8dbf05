import { execa } from 'execa';
import { fileURLToPath } from 'node:url';

/** The repository root, for fixtures and workspace packages. */
export const workspaceRoot = fileURLToPath(new URL('../../../../', import.meta.url));

const quiet = ['--no-audit', '--no-fund', '--loglevel=error'];

/** `npm pack <dir>` into `destination` (the package's prepack guard checks it was built); returns the tarball path. */
export async function npmPack(dir: string, destination: string): Promise<string> {
  const { stdout } = await execa('npm', ['pack', dir, '--json', '--pack-destination', destination, ...quiet]);
  const [packed] = JSON.parse(stdout) as { filename: string }[];
  return `${destination}/${packed!.filename}`;
}
