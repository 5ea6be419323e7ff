import { describe, expect, it } from 'vitest';
import type { Nomination } from '../../api/types';
import { REVOKE, createBody, proposalValues, resubmitChanges } from './proposalForm';

describe('a new request', () => {
  it.each([
    [
      'a nomination with a reason only',
      'nominate',
      { reason: '  潜力大  ' },
      undefined,
      { customer_id: 17, kind: 'nominate', reason: '潜力大' },
    ],
    [
      'a nomination proposing a tier, pinned',
      'nominate',
      { reason: '潜力大', tier: 'key', pinnedUntil: '2027-12-31' },
      undefined,
      {
        customer_id: 17,
        kind: 'nominate',
        reason: '潜力大',
        proposed_tier: 'key',
        pinned_until: '2027-12-31',
      },
    ],
    [
      'a nomination without a tier drops the pin',
      'nominate',
      { reason: '潜力大', pinnedUntil: '2027-12-31' },
      undefined,
      { customer_id: 17, kind: 'nominate', reason: '潜力大' },
    ],
    [
      'a tier change up',
      'change',
      { reason: '集团指定', tier: 'strategic', pinnedUntil: '' },
      4,
      {
        customer_id: 17,
        kind: 'change',
        reason: '集团指定',
        scheme_id: 4,
        proposed_tier: 'strategic',
      },
    ],
    [
      'a revocation',
      'change',
      { reason: '合作终止', tier: REVOKE, pinnedUntil: '2027-06-30' },
      4,
      {
        customer_id: 17,
        kind: 'change',
        reason: '合作终止',
        scheme_id: 4,
        proposed_tier: null,
        pinned_until: '2027-06-30',
      },
    ],
  ] as const)('%s', (_name, kind, values, schemeId, body) => {
    expect(createBody(17, kind, values, schemeId)).toEqual(body);
  });
});

const rejected = {
  kind: 'change',
  reason: '集团指定',
  proposed_tier: null,
  pinned_until: '2027-06-30',
} as Nomination;

describe('a rejected request submitted again', () => {
  it('starts from what was asked', () => {
    expect(proposalValues(rejected)).toEqual({
      reason: '集团指定',
      tier: REVOKE,
      pinnedUntil: '2027-06-30',
    });
    expect(
      proposalValues({ ...rejected, kind: 'nominate', pinned_until: null } as Nomination),
    ).toEqual({ reason: '集团指定', tier: undefined, pinnedUntil: '' });
  });

  it.each([
    ['nothing changed', { reason: ' 集团指定 ', tier: REVOKE, pinnedUntil: '2027-06-30' }, {}],
    [
      'a new reason',
      { reason: '集团指定：附总部函', tier: REVOKE, pinnedUntil: '2027-06-30' },
      { reason: '集团指定：附总部函' },
    ],
    [
      'a tier instead of revoking',
      { reason: '集团指定', tier: 'key', pinnedUntil: '2027-06-30' },
      { proposed_tier: 'key' },
    ],
    [
      'the pin cleared',
      { reason: '集团指定', tier: REVOKE, pinnedUntil: '' },
      { pinned_until: null },
    ],
  ] as const)('%s', (_name, values, changes) => {
    expect(resubmitChanges(rejected, values)).toEqual(changes);
  });
});
