import { reportRender, type CommandSpec, type TriggerBus } from '@pier/plugin-api';

/** ps:report is rendered by @pier/report from the `ps` section (see ps-report.ts). */
export function reportCommand(bus: TriggerBus): CommandSpec {
  return {
    usage: 'ps:report [<app>] [<flag>]',
    description: 'Displays a process report for one or more apps',
    run: async ({ args }) => void (await bus.first(reportRender, { section: 'ps', args, global: true })),
  };
}
