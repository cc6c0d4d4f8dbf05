/**
 * Swarm evaluates Go templates in a task's env (`{{.Task.Slot}}` is how DYNO gets one value per
 * task), so a value Pier means literally has every `{{` written as the template `{{"{{"}}`.
 * One-off containers on the manager's own engine are not templated: they get the values back.
 */
const OPEN = '{{';
const ESCAPED_OPEN = '{{"{{"}}';

export const swarmLiteral = (text: string) => text.replaceAll(OPEN, ESCAPED_OPEN);

/** The inverse of swarmLiteral: every `{{` of its output starts an escaped one. */
export const fromSwarmLiteral = (text: string) => text.replaceAll(ESCAPED_OPEN, OPEN);
