import { dispatchToScheduler, schedulerAppStatus, type TriggerBus } from '@pier/plugin-api';

/**
 * Where an app answers: the URLs its scheduler reports (appStatus `urls`; docker-local: its
 * host-mode web containers), none when it reports none. What `urls <app>` prints and what a
 * deploy lists under `=====> Application deployed:`. `command` names the user's command in the
 * error when the scheduler is missing or lacks appStatus.
 */
export async function appUrls(bus: TriggerBus, app: string, command: string): Promise<string[]> {
  return (await dispatchToScheduler(bus, schedulerAppStatus, { app }, command)).urls ?? [];
}
