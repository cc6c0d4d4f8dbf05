export { ps } from './plugin.js';
export { psProperties } from './ps-properties.js';
export { parseProcfile, ProcfileError, type Procfile } from './procfile-parser.js';
export { parseAppJson, AppJsonError, type AppJson, type FormationEntry } from './app-json.js';
