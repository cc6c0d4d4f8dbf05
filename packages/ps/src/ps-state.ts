/**
 * What ps remembers about an app between commands, in its properties: the scale, whether it may
 * be changed by hand, and the inputs of the current release (image, Procfile, app.json). The
 * Procfile and app.json are kept verbatim so that ps:restart, ps:scale and ps:start redeploy
 * exactly what the last deploy read, without inspecting the image again.
 */
import { propertyClient, type TriggerBus } from '@pier/plugin-api';
import { parseAppJson, EMPTY_APP_JSON, type AppJson } from './app-json.js';
import { INITIAL_SCALE, parseScale, serializeScale, type Scale } from './formation.js';
import { parseProcfile, type Procfile } from './procfile-parser.js';
import { psProperties } from './ps-properties.js';

/** The inputs of a release as read from its image. */
export interface ReleaseSource {
  image: string;
  /** Raw Procfile text, or null when the image has none. */
  procfile: string | null;
  /** Raw app.json text, or null when the image has none. */
  appJson: string | null;
}

/** A source parsed: the form the release builder works with. */
export interface ParsedSource {
  image: string;
  procfile: Procfile | null;
  appJson: AppJson;
}

/** Parses a source read back from the properties (it was validated when it was deployed). */
export function parseSource(source: ReleaseSource): ParsedSource {
  return {
    image: source.image,
    procfile: source.procfile === null ? null : parseProcfile(source.procfile),
    appJson: source.appJson === null ? EMPTY_APP_JSON : parseAppJson(source.appJson).appJson,
  };
}

export type PsState = ReturnType<typeof psState>;

/** The properties a release is remembered in. */
const RELEASE_KEYS = ['image', 'procfile', 'app-json', 'scale', 'can-scale'] as const;
export type ReleaseSnapshot = Record<(typeof RELEASE_KEYS)[number], string>;

export function psState(bus: TriggerBus) {
  const props = propertyClient(bus, psProperties);

  return {
    props,

    /** The stored scale; an app nothing has scaled yet runs `web=1` (Dokku seeds it at create). */
    async scale(app: string): Promise<Scale> {
      const raw = await props.get(app, 'scale');
      return raw === '' ? INITIAL_SCALE : parseScale(raw);
    },

    async saveScale(app: string, scale: Scale): Promise<void> {
      await props.set(app, 'scale', serializeScale(scale));
    },

    async canScale(app: string): Promise<boolean> {
      return (await props.computed(app, 'can-scale')) !== 'false';
    },

    /** The source of the current release, or undefined when nothing was ever deployed. */
    async source(app: string): Promise<ReleaseSource | undefined> {
      const [image, procfile, appJson] = await Promise.all([props.get(app, 'image'), props.get(app, 'procfile'), props.get(app, 'app-json')]);
      if (image === '') return undefined;
      return { image, procfile: procfile === '' ? null : procfile, appJson: appJson === '' ? null : appJson };
    },

    /** What saveRelease writes, as stored now: restore() puts it back after a failed deploy. */
    async snapshot(app: string): Promise<ReleaseSnapshot> {
      const values = await Promise.all(RELEASE_KEYS.map((key) => props.get(app, key)));
      return Object.fromEntries(RELEASE_KEYS.map((key, i) => [key, values[i]!])) as ReleaseSnapshot;
    },

    async restore(app: string, snapshot: ReleaseSnapshot): Promise<void> {
      for (const key of RELEASE_KEYS) await props.set(app, key, snapshot[key]);
    },

    /** Remembers a release: its source, the scale it runs with and who owns that scale. */
    async saveRelease(app: string, source: ReleaseSource, scale: Scale, canScale: boolean): Promise<void> {
      await props.set(app, 'image', source.image);
      await props.set(app, 'procfile', source.procfile ?? '');
      await props.set(app, 'app-json', source.appJson ?? '');
      await props.set(app, 'scale', serializeScale(scale));
      // Unset means true: only the exception is written down.
      await props.set(app, 'can-scale', canScale ? '' : 'false');
    },
  };
}
