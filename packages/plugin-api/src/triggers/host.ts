import { defineTrigger } from '../bus/define-trigger.js';

/**
 * Kind: first. Provided by the host (the CLI). Invoked by: schedulerNotInstalled, when a scheduler
 * an app selects is not registered. The bus only knows the schedulers that were loaded; the host
 * knows the installed plugins that were not (disabled, or failed to load), and answers with the
 * one line that says which plugin provides the scheduler and what to do. Nothing for a scheduler
 * no installed plugin provides.
 */
export const schedulerUnavailable = defineTrigger({
  id: 'scheduler:unavailable',
  kind: 'first',
  description: 'Say why an installed scheduler is not available (its plugin is disabled or failed to load).',
  since: '0.1.0',
  schemas: (z) => ({ input: z.object({ scheduler: z.string() }), output: z.string().min(1) }),
});
