import type { z } from 'zod';
import { TriggerContractError } from '../errors/index.js';
import type { AnyTrigger, TriggerSchemas, Zod } from './define-trigger.js';

let zodModule: Promise<Zod> | undefined;
const built = new WeakMap<AnyTrigger, TriggerSchemas<z.ZodType, z.ZodType>>();

/** Loads zod on first use only (see Trigger.schemas for why). */
export function loadZod(): Promise<Zod> {
  zodModule ??= import('zod').then((module) => module.z);
  return zodModule;
}

async function schemasOf(trigger: AnyTrigger): Promise<TriggerSchemas<z.ZodType, z.ZodType>> {
  let schemas = built.get(trigger);
  if (!schemas) {
    schemas = trigger.schemas(await loadZod());
    built.set(trigger, schemas);
  }
  return schemas;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/** Parses one side of a trigger; a mismatch becomes a TriggerContractError naming the plugin. */
export async function validateTriggerValue(
  trigger: AnyTrigger,
  direction: 'input' | 'output',
  value: unknown,
  plugin: string,
): Promise<unknown> {
  const schema = (await schemasOf(trigger))[direction];
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new TriggerContractError(plugin, trigger.id, direction, describeIssues(result.error));
  }
  return result.data;
}
