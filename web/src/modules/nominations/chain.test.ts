import { describe, expect, it } from 'vitest';
import { levelOfField, moveLevel } from './chain';

describe('editing the approval chain', () => {
  it.each([
    [['director', 'specialist'], 1, -1, ['specialist', 'director']],
    [['director', 'specialist'], 0, 1, ['specialist', 'director']],
    [['director', 'specialist'], 0, -1, ['director', 'specialist']],
    [['director', 'specialist'], 1, 1, ['director', 'specialist']],
    [['a', 'b', 'c'], 1, 1, ['a', 'c', 'b']],
  ] as const)('%j: move %i by %i', (items, index, by, expected) => {
    expect(moveLevel(items, index, by)).toEqual(expected);
  });

  it('names the level of a server problem', () => {
    expect(levelOfField('roles[0]')).toBe(1);
    expect(levelOfField('roles[4]')).toBe(5);
    expect(levelOfField('levels')).toBeNull();
  });
});
