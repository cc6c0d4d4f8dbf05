import { GLOBAL_SCOPE, definePlugin, registerCommands, reportCollect, reportRender, type PierPlugin } from '@pier/plugin-api';
import type { ReportFlags } from '../report-types.js';

export interface FakeSectionOptions {
  section: string;
  /** The flags reported for an app. */
  appFlags: (app: string) => ReportFlags;
  /** The flags of `--global`; when left out, `<section>:report` does not accept `--global`. */
  globalFlags?: ReportFlags;
  trimPrefix?: boolean;
  emitLegacyPrefix?: boolean;
  /** Leave out the `report:collect` tap, to see what happens when no plugin reports the section. */
  withoutCollector?: boolean;
}

export interface FakeSection {
  readonly plugin: PierPlugin;
  /** The app names `report:collect` was asked for, in order. */
  readonly collected: string[];
}

/**
 * A minimal plugin as a real one would be written against the contract: it taps `report:collect`
 * for its section and registers `<section>:report`, which hands its raw arguments to `report:render`.
 */
export function fakeSection(options: FakeSectionOptions): FakeSection {
  const { section } = options;
  const collected: string[] = [];
  const plugin = definePlugin({
    name: `test-section-${section}`,
    register(context) {
      if (!options.withoutCollector) {
        context.bus.tapKeyed(reportCollect, section, ({ app }) => {
          collected.push(app);
          return {
            flags: app === GLOBAL_SCOPE ? (options.globalFlags ?? {}) : options.appFlags(app),
            trimPrefix: options.trimPrefix ?? true,
            emitLegacyPrefix: options.emitLegacyPrefix ?? false,
          };
        });
      }
      registerCommands(context, {
        topic: section,
        description: `Test section ${section}`,
        commands: {
          [`${section}:report`]: {
            usage: `${section}:report [<app>] [<flag>]`,
            description: `Displays a ${section} report for one or more apps`,
            run: async ({ args }) => {
              await context.bus.first(reportRender, { section, args, global: options.globalFlags !== undefined });
            },
          },
        },
      });
    },
  });
  return { plugin, collected };
}
