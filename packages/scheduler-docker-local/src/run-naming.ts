/**
 * One-off ("run") containers: `<app>.run.<n>` with n Dokku's `$RANDOM` (here 1–32767), and the
 * labels that find them again (run:list, run:stop, run:retire, ps:stop).
 */
export const RUN_TYPE = 'run';
/** Seconds after creation when run:retire may stop the container (`--ttl-seconds`). */
export const LABEL_DEADLINE = 'com.dokku.active-deadline-seconds';

export const runContainerName = (app: string, number: number) => `${app}.${RUN_TYPE}.${number}`;

export const randomRunNumber = () => 1 + Math.floor(Math.random() * 32767);

/**
 * The `<n>` of `<app>.run.<n>`, the label run:logs prints (`app[12345]:`). Dokku takes the third
 * dot-separated field, which breaks for app names with dots; the app prefix is cut instead.
 */
export function runContainerNumber(app: string, name: string): string {
  const prefix = `${app}.${RUN_TYPE}.`;
  return name.startsWith(prefix) ? name.slice(prefix.length) : (name.split('.')[2] ?? name);
}
