import { defineProperties } from '@pier/plugin-api';

/** Settings live under `<PIER_ROOT>/config/scheduler-docker-swarm/<app|--global>/<property>`. */
export const PROPERTY_PLUGIN = 'scheduler-docker-swarm';

export const dockerSwarmProperties = defineProperties(PROPERTY_PLUGIN, {
  // An example setting, per app and --global: where apps run. Replace it with what the
  // scheduler needs; reports and `:set` validation follow from this declaration.
  endpoint: { default: 'local', global: true },
});
