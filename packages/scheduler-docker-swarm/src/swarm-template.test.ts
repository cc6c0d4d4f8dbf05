import { describe, expect, it } from '@jest/globals';
import { fromSwarmLiteral, swarmLiteral } from './swarm-template.js';

describe('Swarm template escaping', () => {
  it.each(['plain', '{{.Task.Slot}}', '{{{', '{{"{{"}}', 'a{{b}}c{{'])('%s survives the round trip', (text) => {
    expect(fromSwarmLiteral(swarmLiteral(text))).toBe(text);
  });

  it('writes {{ as a template that prints it', () => {
    expect(swarmLiteral('x={{y}}')).toBe('x={{"{{"}}y}}');
  });
});
