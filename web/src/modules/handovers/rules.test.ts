import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import type { Role } from '../../api/types';
import { canOwnAccounts, handoverRefusal, leavingUnavailable, successorUnavailable } from './rules';

describe('who may be handed over, and to whom', () => {
  it.each([
    ['admin', 'kam', 2, null],
    ['admin', 'director', 2, null],
    ['admin', 'admin', 1, 'self'],
    ['director', 'kam', 2, null],
    ['director', 'service', 2, null],
    ['director', 'specialist', 2, 'directorRole'],
    ['director', 'director', 2, 'directorRole'],
  ] as [Role, Role, number, string | null][])(
    'a %s handing over a %s (#%i): %s',
    (myRole, role, id, why) => {
      expect(leavingUnavailable({ id, role }, { id: 1, role: myRole })).toBe(why);
    },
  );

  it.each([
    [{ id: 3, role: 'kam', active: true }, null],
    [{ id: 3, role: 'service', active: true }, null],
    [{ id: 9, role: 'kam', active: true }, 'leaving'],
    [{ id: 4, role: 'kam', active: true }, 'chosen'],
    [{ id: 3, role: 'kam', active: false }, 'inactive'],
    [{ id: 3, role: 'executive', active: true }, 'role'],
    [{ id: 3, role: 'admin', active: true }, 'role'],
  ] as [{ id: number; role: Role; active: boolean }, string | null][])(
    'successor %j: %s',
    (user, why) => {
      expect(successorUnavailable(user, 9, [4])).toBe(why);
    },
  );

  it.each([
    ['kam', true],
    ['assistant', true],
    ['sales', true],
    ['director', true],
    ['service', false],
    ['specialist', false],
  ] as [Role, boolean][])('a %s owns accounts: %s', (role, owns) => {
    expect(canOwnAccounts(role)).toBe(owns);
  });
});

describe('a refused handover in words', () => {
  it.each([
    [403, 5, 'handover.refused.forbidden'],
    [409, 5, 'handover.refused.nothing'],
    [409, 1, 'handover.refused.self'],
    [404, 5, 'handover.refused.gone'],
    [500, 5, null],
  ] as const)('%i for user #%i → %s', (status, leaving, key) => {
    expect(handoverRefusal(new ApiError(status, 'x', 'x'), leaving, 1)).toBe(key);
  });

  it('leaves other errors as they are', () => {
    expect(handoverRefusal(new Error('boom'), 5, 1)).toBeNull();
  });
});
