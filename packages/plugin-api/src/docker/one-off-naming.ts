/**
 * One-off ("run") processes are named as Dokku names them, `<app>.run.<n>` with n Dokku's
 * `$RANDOM` (here 1–32767), in every Docker scheduler: users pass that name to run:logs and
 * run:stop whichever scheduler started it.
 */
export const RUN_TYPE = 'run';

export const runName = (app: string, number: number) => `${app}.${RUN_TYPE}.${number}`;

export const randomRunNumber = () => 1 + Math.floor(Math.random() * 32767);

/**
 * The `<n>` of `<app>.run.<n>`, the label run:logs prints (`app[12345]:`). Dokku takes the third
 * dot-separated field, which breaks for app names with dots; the app prefix is cut instead.
 */
export function runNumberOf(app: string, name: string): string {
  const prefix = `${app}.${RUN_TYPE}.`;
  return name.startsWith(prefix) ? name.slice(prefix.length) : (name.split('.')[2] ?? name);
}
