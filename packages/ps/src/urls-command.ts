/**
 * `urls <app>` and `url <app>` (Dokku's commands of the same names): where the app answers, one
 * URL per line, or the first one. Dokku builds them from the app's domains and proxy ports; Pier
 * has no proxy, so they are the URLs the app's scheduler reports (docker-local: its host-mode web
 * containers), the same ones a deploy prints after `=====> Application deployed:`. An app with
 * none (bridge or none mode, not deployed) prints nothing.
 */
import { parseCommandArgs, verifyApp, type CommandSpec, type CommandTopic } from '@pier/plugin-api';
import { appUrls } from './app-urls.js';
import type { Ps } from './ps-context.js';

/** The URLs of the app the arguments name. */
async function urlsOf(ps: Ps, args: readonly string[], command: string): Promise<string[]> {
  return appUrls(ps.bus, await verifyApp(ps.bus, parseCommandArgs(args, {}).positionals[0]), command);
}

function urlsCommand(ps: Ps): CommandSpec {
  return {
    usage: 'urls <app>',
    description: 'Show all URLs for an application',
    async run({ args }) {
      for (const url of await urlsOf(ps, args, 'urls')) ps.log.line(url);
    },
  };
}

function urlCommand(ps: Ps): CommandSpec {
  return {
    usage: 'url <app>',
    description: 'Show the first URL for an application',
    async run({ args }) {
      const [first] = await urlsOf(ps, args, 'url');
      if (first !== undefined) ps.log.line(first);
    },
  };
}

export function urlsCommands(ps: Ps): CommandTopic {
  return {
    topic: 'urls',
    description: 'Show the URLs of an app',
    commands: { url: urlCommand(ps), urls: urlsCommand(ps) },
  };
}
