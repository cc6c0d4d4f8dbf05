/**
 * The parts of Dokku's app.json that shape a release: `formation.<type>.quantity|max_parallel`
 * and `healthchecks.<type>[]`. Everything else in the file (scripts, cron, env, Heroku keys) is
 * left to other plugins and ignored here. A value of the wrong type is refused with the path of
 * the offending key, so the user can find it; unknown healthcheck keys are dropped with a
 * warning because silently ignoring e.g. `httpHeaders` would change what gets checked.
 */
import { ErrorCodes, PierError, type Healthcheck } from '@pier/plugin-api';

export interface FormationEntry {
  /** `quantity`: when any type has one, the app.json owns the scale (ps:scale is refused). */
  quantity?: number;
  /** `max_parallel`: how many instances of the type start at once. */
  maxParallel?: number;
}

export interface AppJson {
  formation: ReadonlyMap<string, FormationEntry>;
  healthchecks: ReadonlyMap<string, readonly Healthcheck[]>;
}

export interface ParsedAppJson {
  appJson: AppJson;
  warnings: string[];
}

export const EMPTY_APP_JSON: AppJson = { formation: new Map(), healthchecks: new Map() };

export class AppJsonError extends PierError {
  constructor(detail: string) {
    super(ErrorCodes.DEPLOY_FAILED, `Invalid app.json: ${detail}`);
  }
}

type Json = unknown;
type FieldCheck = (value: Json) => boolean;

const isObject = (value: Json): value is Record<string, Json> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isInteger = (min: number) => (value: Json) => Number.isInteger(value) && (value as number) >= min;
const isNumber = (min: number, exclusive = false) => (value: Json) =>
  typeof value === 'number' && Number.isFinite(value) && (exclusive ? value > min : value >= min);
const isString: FieldCheck = (value) => typeof value === 'string';
const isBoolean: FieldCheck = (value) => typeof value === 'boolean';
const oneOf = (choices: readonly string[]) => (value: Json) => typeof value === 'string' && choices.includes(value);

/** The healthcheck keys a Release carries, with what each must hold (for the error message). */
const HEALTHCHECK_FIELDS: Record<keyof Healthcheck, [FieldCheck, string]> = {
  type: [oneOf(['startup', 'liveness', 'readiness']), 'one of startup, liveness, readiness'],
  name: [isString, 'a string'],
  description: [isString, 'a string'],
  path: [isString, 'a string'],
  content: [isString, 'a string'],
  command: [(v) => Array.isArray(v) && v.every(isString), 'an array of strings'],
  listening: [isBoolean, 'true or false'],
  uptime: [isInteger(0), 'a non-negative integer'],
  port: [isInteger(1), 'a positive integer'],
  scheme: [oneOf(['http', 'https']), 'http or https'],
  initialDelay: [isNumber(0), 'a non-negative number'],
  timeout: [isNumber(0, true), 'a positive number'],
  wait: [isNumber(0), 'a non-negative number'],
  attempts: [isInteger(1), 'a positive integer'],
  warn: [isBoolean, 'true or false'],
};

function parseFormation(value: Json): Map<string, FormationEntry> {
  const formation = new Map<string, FormationEntry>();
  if (value === undefined || value === null) return formation;
  if (!isObject(value)) throw new AppJsonError('formation must be an object');
  for (const [type, raw] of Object.entries(value)) {
    if (!isObject(raw)) throw new AppJsonError(`formation.${type} must be an object`);
    const entry: FormationEntry = {};
    if (raw.quantity !== undefined) {
      if (!isInteger(0)(raw.quantity)) throw new AppJsonError(`formation.${type}.quantity must be a non-negative integer`);
      entry.quantity = raw.quantity as number;
    }
    if (raw.max_parallel !== undefined) {
      if (!isInteger(1)(raw.max_parallel)) throw new AppJsonError(`formation.${type}.max_parallel must be a positive integer`);
      entry.maxParallel = raw.max_parallel as number;
    }
    formation.set(type, entry);
  }
  return formation;
}

function parseHealthcheck(raw: Json, where: string, warnings: string[]): Healthcheck {
  if (!isObject(raw)) throw new AppJsonError(`${where} must be an object`);
  const check: Record<string, Json> = {};
  for (const [key, value] of Object.entries(raw)) {
    const field = HEALTHCHECK_FIELDS[key as keyof Healthcheck] as [FieldCheck, string] | undefined;
    if (!field) {
      warnings.push(`app.json ${where}.${key} is not supported and is ignored`);
      continue;
    }
    const [valid, expected] = field;
    if (!valid(value)) throw new AppJsonError(`${where}.${key} must be ${expected}`);
    check[key] = value;
  }
  return check as Healthcheck;
}

function parseHealthchecks(value: Json, warnings: string[]): Map<string, Healthcheck[]> {
  const healthchecks = new Map<string, Healthcheck[]>();
  if (value === undefined || value === null) return healthchecks;
  if (!isObject(value)) throw new AppJsonError('healthchecks must be an object');
  for (const [type, list] of Object.entries(value)) {
    if (!Array.isArray(list)) throw new AppJsonError(`healthchecks.${type} must be an array`);
    healthchecks.set(
      type,
      list.map((raw, index) => parseHealthcheck(raw, `healthchecks.${type}[${index}]`, warnings)),
    );
  }
  return healthchecks;
}

export function parseAppJson(text: string): ParsedAppJson {
  let document: Json;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new AppJsonError(`not valid JSON (${(error as Error).message})`);
  }
  if (!isObject(document)) throw new AppJsonError('the top level must be an object');
  const warnings: string[] = [];
  const appJson = { formation: parseFormation(document.formation), healthchecks: parseHealthchecks(document.healthchecks, warnings) };
  return { appJson, warnings };
}

/**
 * The quantities of `formation`, or undefined when no type has one: only then does the app.json
 * own the scale (Dokku: a formation with just `max_parallel` leaves ps:scale in charge).
 */
export function formationQuantities(appJson: AppJson): Map<string, number> | undefined {
  const quantities = new Map<string, number>();
  for (const [type, entry] of appJson.formation) {
    if (entry.quantity !== undefined) quantities.set(type, entry.quantity);
  }
  return quantities.size > 0 ? quantities : undefined;
}
