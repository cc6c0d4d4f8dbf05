/**
 * Report fixtures and their exact Dokku output, copied from the reference
 * (`dokku-scheduler.md` §1.3 and §4.1). Trailing spaces are part of the expected bytes.
 */

/** `scheduler:report node-js-app` with nothing set. */
export const schedulerAppFlags = {
  '--scheduler-computed-selected': 'docker-local',
  '--scheduler-global-selected': '',
  '--scheduler-selected': '',
  '--scheduler-computed-shell': '',
  '--scheduler-global-shell': '',
  '--scheduler-shell': '',
};

/** `scheduler:report --global` with nothing set. */
export const schedulerGlobalFlags = {
  '--scheduler-computed-selected': 'docker-local',
  '--scheduler-global-selected': '',
  '--scheduler-computed-shell': '',
  '--scheduler-global-shell': '',
};

export const schedulerAppText = [
  '=====> node-js-app scheduler information',
  '       Scheduler computed selected:   docker-local',
  '       Scheduler computed shell:      ',
  '       Scheduler global selected:     ',
  '       Scheduler global shell:        ',
  '       Scheduler selected:            ',
  '       Scheduler shell:               ',
].join('\n');

export const schedulerGlobalText = [
  '=====> --global scheduler information',
  '       Scheduler computed selected:   docker-local',
  '       Scheduler computed shell:      ',
  '       Scheduler global selected:     ',
  '       Scheduler global shell:        ',
].join('\n');

export const schedulerAppJson =
  '{"computed-selected":"docker-local","computed-shell":"","global-selected":"","global-shell":"","scheduler-computed-selected":"docker-local","scheduler-computed-shell":"","scheduler-global-selected":"","scheduler-global-shell":"","scheduler-selected":"","scheduler-shell":"","selected":"","shell":""}';

/** `scheduler-docker-local:report node-js-app` with nothing set: the longest flag makes the padding 57. */
export const dockerLocalAppFlags = {
  '--scheduler-docker-local-computed-init-process': 'true',
  '--scheduler-docker-local-computed-parallel-schedule-count': '1',
  '--scheduler-docker-local-global-init-process': '',
  '--scheduler-docker-local-global-parallel-schedule-count': '',
  '--scheduler-docker-local-init-process': '',
  '--scheduler-docker-local-parallel-schedule-count': '',
};

export const dockerLocalAppText = [
  '=====> node-js-app scheduler-docker-local information',
  '       Scheduler docker local computed init process:            true',
  '       Scheduler docker local computed parallel schedule count: 1',
  '       Scheduler docker local global init process:              ',
  '       Scheduler docker local global parallel schedule count:   ',
  '       Scheduler docker local init process:                     ',
  '       Scheduler docker local parallel schedule count:          ',
].join('\n');

export const dockerLocalAppJson =
  '{"computed-init-process":"true","computed-parallel-schedule-count":"1","global-init-process":"","global-parallel-schedule-count":"","init-process":"","parallel-schedule-count":""}';
