import type { Zod } from '../bus/define-trigger.js';
import { loadZod } from '../bus/schema-validation.js';
import { ErrorCodes, PierError } from '../errors/index.js';
import { PLUGIN_API_VERSION } from './plugin-api-version.js';

/**
 * The `"pier"` field of a plugin's package.json. The host reads it before importing any code:
 * `apiVersion` must match, `factory` names the export that builds the plugin, and a scheduler
 * names the key it registers (`scheduler:set <app> selected <key>`).
 */
export interface PluginManifest {
  apiVersion: number;
  kind: 'scheduler' | 'plugin';
  /** The export of the package entry that returns a PierPlugin when called. */
  factory: string;
  /** For schedulers: the scheduler name, e.g. `docker-local`. */
  scheduler?: string;
  /** One line for `pier plugin:list` and `pier help`. */
  description?: string;
}

export const pluginManifestSchema = (z: Zod) =>
  z
    .object({
      apiVersion: z.number().int().positive(),
      kind: z.enum(['scheduler', 'plugin']),
      factory: z.string().regex(/^[A-Za-z_$][\w$]*$/, 'must be the name of an export'),
      scheduler: z
        .string()
        .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lowercase alphanumerics and hyphens')
        .optional(),
      description: z.string().max(200).optional(),
    })
    .refine((m) => m.kind !== 'scheduler' || m.scheduler !== undefined, {
      message: 'a scheduler manifest must name its scheduler',
      path: ['scheduler'],
    });

/**
 * Validates the manifest of package `name` (the `pier` field of its package.json) and checks its
 * API version. Throws PIER_ERR_PLUGIN_MANIFEST / PIER_ERR_PLUGIN_API_MISMATCH with a message
 * that names the package.
 */
export async function parsePluginManifest(name: string, field: unknown): Promise<PluginManifest> {
  if (field === undefined) {
    throw new PierError(ErrorCodes.PLUGIN_MANIFEST, `${name} is not a Pier plugin: its package.json has no "pier" field`);
  }
  const result = pluginManifestSchema(await loadZod()).safeParse(field);
  if (!result.success) {
    const detail = result.error.issues.map((i) => `${i.path.join('.') || 'pier'}: ${i.message}`).join('; ');
    throw new PierError(ErrorCodes.PLUGIN_MANIFEST, `${name} has an invalid "pier" manifest: ${detail}`);
  }
  const manifest = result.data as PluginManifest;
  if (manifest.apiVersion !== PLUGIN_API_VERSION) {
    throw new PierError(
      ErrorCodes.PLUGIN_API_MISMATCH,
      `${name} is built for plugin API ${manifest.apiVersion}, this pier supports ${PLUGIN_API_VERSION}`,
    );
  }
  return manifest;
}
