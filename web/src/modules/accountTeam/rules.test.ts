import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import i18n from '../../i18n';
import {
  addedMembers,
  addRefusal,
  defaultTeamUnpickable,
  mayEditDefaultTeam,
  memberProblems,
  removeRefusal,
  unpickable,
} from './rules';
import { TEAM_ROLES, suggestedTeamRole } from './teamRoles';

const customer = { owner_id: 7 };
const members = [{ user_id: 10 }, { user_id: 11 }];

describe('whom the team picker offers', () => {
  it.each([
    [{ id: 7, active: true }, 'owner'],
    [{ id: 10, active: true }, 'member'],
    [{ id: 12, active: false }, 'inactive'],
    [{ id: 12, active: true }, null],
  ] as const)('user %j: %s', (user, expected) => {
    expect(unpickable(user, customer, members)).toBe(expected);
  });

  it('offers everyone active when the customer has no owner and no team', () => {
    expect(unpickable({ id: 7, active: true }, { owner_id: null }, [])).toBeNull();
  });
});

describe('a refused change in words', () => {
  const error = (status: number, code: string, fields = {}) =>
    new ApiError(status, code, 'server words', fields);

  it.each([
    [error(409, 'conflict'), 7, 'accountTeam.refused.owner'],
    [error(409, 'conflict'), 10, 'accountTeam.refused.member'],
    [error(403, 'forbidden'), 10, 'accountTeam.refused.forbidden'],
    [error(404, 'not_found'), 10, 'accountTeam.refused.customerGone'],
    [error(400, 'validation_failed', { user_id: 'inactive' }), 10, null],
    [error(500, 'internal'), 10, null],
    [new Error('not from the API'), 10, null],
  ] as const)('adding: %s for user %i', (e, userId, expected) => {
    expect(addRefusal(e, userId, customer)).toBe(expected);
  });

  it.each([
    [error(404, 'not_found'), 'accountTeam.refused.notMember'],
    [error(403, 'forbidden'), 'accountTeam.refused.forbidden'],
    [error(0, 'network'), null],
  ] as const)('removing: %s', (e, expected) => {
    expect(removeRefusal(e)).toBe(expected);
  });

  it('every refusal reads in both languages', () => {
    const keys = ['owner', 'member', 'notMember', 'forbidden', 'customerGone'].map(
      (k) => `accountTeam.refused.${k}`,
    );
    for (const lng of ['zh-CN', 'en-US']) {
      const t = i18n.getFixedT(lng);
      for (const key of keys) {
        const text = t(key, { name: '徐佳', customer: '上海电力' });
        expect(text).not.toBe(key);
        expect(text).not.toMatch(/{{/);
      }
    }
  });
});

describe('team roles', () => {
  it('a user role that is also a team role suggests itself', () => {
    expect(suggestedTeamRole('assistant')).toBe('assistant');
    expect(suggestedTeamRole('sales')).toBe('sales');
    expect(suggestedTeamRole('kam')).toBeUndefined();
    expect(suggestedTeamRole('director')).toBeUndefined();
  });

  it('each has words in both languages, the glossary’s where it has them', () => {
    const zh = i18n.getFixedT('zh-CN');
    const en = i18n.getFixedT('en-US');
    for (const role of TEAM_ROLES) {
      expect(zh(`accountTeam.role.${role}`)).not.toBe(`accountTeam.role.${role}`);
      expect(en(`accountTeam.role.${role}`)).not.toBe(`accountTeam.role.${role}`);
    }
    // Team roles that are also user roles read the same (GLOSSARY.md).
    for (const role of ['assistant', 'specialist', 'sales', 'service'] as const) {
      expect(zh(`accountTeam.role.${role}`)).toBe(zh(`role.${role}`));
      expect(en(`accountTeam.role.${role}`)).toBe(en(`role.${role}`));
    }
  });
});

describe('default teams', () => {
  it.each([
    [{ id: 5, role: 'kam' }, 5, true],
    [{ id: 1, role: 'admin' }, 5, true],
    [{ id: 2, role: 'director' }, 5, true],
    [{ id: 3, role: 'specialist' }, 5, false],
    [{ id: 4, role: 'kam' }, 5, false],
  ] as const)('%j edits the default team of #%i: %s', (me, owner, may) => {
    expect(mayEditDefaultTeam(me, owner)).toBe(may);
  });

  it.each([
    [{ id: 5, active: true }, 'owner'],
    [{ id: 10, active: true }, 'member'],
    [{ id: 12, active: false }, 'inactive'],
    [{ id: 12, active: true }, null],
  ] as const)('whom its picker offers: %j → %s', (user, why) => {
    expect(defaultTeamUnpickable(user, 5, members)).toBe(why);
  });

  it('places the server problems on the members they name', () => {
    expect([
      ...memberProblems({
        'members[1].user_id': 'inactive',
        'members[1].team_role': 'invalid',
        'members[0].user_id': 'is_owner',
        members: 'too_many',
      }),
    ]).toEqual([
      [1, { user_id: 'inactive', team_role: 'invalid' }],
      [0, { user_id: 'is_owner' }],
    ]);
  });

  it('names who applying the default team added', () => {
    const after = [
      { customer_id: 1, user_id: 10, team_role: 'sales' as const, added_at: '' },
      { customer_id: 1, user_id: 12, team_role: 'service' as const, added_at: '' },
    ];
    expect(addedMembers(members, after).map((m) => m.user_id)).toEqual([12]);
  });
});
