import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import type { Nomination, NominationStep } from '../../api/types';
import {
  describeRefusal,
  formatMetrics,
  levelOf,
  nominationActions,
  stepsBySubmission,
  type Me,
} from './rules';

// The demo's people: kam.sz (苏州, unit 7) nominates; dir.east (华东, unit 2) decides level 1,
// the specialist (headquarters, unit 1) level 2.
const KAM: Me = { id: 9, role: 'kam', org_unit_id: 7 };
const DIRECTOR: Me = { id: 4, role: 'director', org_unit_id: 2 };
const NORTH: Me = { id: 5, role: 'director', org_unit_id: 3 };
const SPECIALIST: Me = { id: 3, role: 'specialist', org_unit_id: 1 };
const ADMIN: Me = { id: 1, role: 'admin', org_unit_id: 1 };

function step(over: Partial<NominationStep>): NominationStep {
  return {
    id: 1,
    submission: 1,
    level: 0,
    action: 'submit',
    actor_id: KAM.id,
    actor_name: '沈浩然',
    comment: '',
    at: '2026-11-20T08:00:00Z',
    ...over,
  };
}

function nomination(over: Partial<Nomination> = {}): Nomination {
  return {
    id: 31,
    customer_id: 17,
    customer_name: '利恒建筑安装工程有限公司',
    nominator_id: KAM.id,
    nominator_name: '沈浩然',
    kind: 'nominate',
    scheme_id: null,
    scheme_name: null,
    proposed_tier: null,
    reason: '年采购额预计超过 500 万元',
    pinned_until: null,
    metrics: { revenue_12m_fen: 123456789, orders_12m: 1234, margin_12m_fen: -5000 },
    status: 'pending',
    level: 1,
    levels: 2,
    approver_role: 'director',
    approver_unit_id: 2,
    approver_unit_name: '华东区域',
    submissions: 1,
    version: 1,
    created_at: '2026-11-20T08:00:00Z',
    updated_at: '2026-11-20T08:00:00Z',
    decided_at: null,
    steps: [step({})],
    ...over,
  };
}

const atLevel2 = nomination({
  level: 2,
  approver_role: 'specialist',
  approver_unit_id: 1,
  approver_unit_name: '总部',
  steps: [step({}), step({ id: 2, level: 1, action: 'approve', actor_id: DIRECTOR.id })],
});

describe('who may do what with a nomination', () => {
  it.each([
    ['the director of the unit, at level 1', nomination(), DIRECTOR, true, false, false],
    ['a director elsewhere', nomination(), NORTH, false, false, false],
    ['the specialist, before their level', nomination(), SPECIALIST, false, false, false],
    ['the nominator', nomination(), KAM, false, true, false],
    ['an administrator', nomination(), ADMIN, true, true, false],
    ['the specialist, at level 2', atLevel2, SPECIALIST, true, false, false],
    ['the director, once they approved', atLevel2, DIRECTOR, false, false, false],
    [
      'an administrator who approved this submission',
      nomination({ steps: [step({}), step({ id: 2, action: 'approve', actor_id: ADMIN.id })] }),
      ADMIN,
      false,
      true,
      false,
    ],
    [
      'the nominator of a rejected request',
      nomination({ status: 'rejected', approver_role: null, approver_unit_id: null }),
      KAM,
      false,
      false,
      true,
    ],
    [
      'a director after the rejection',
      nomination({ status: 'rejected', approver_role: null, approver_unit_id: null }),
      DIRECTOR,
      false,
      false,
      false,
    ],
    ['anyone, once approved', nomination({ status: 'approved' }), ADMIN, false, false, false],
  ] as const)('%s', (_name, n, me, decide, withdraw, resubmit) => {
    expect(nominationActions(n, me)).toEqual({ decide, withdraw, resubmit });
  });
});

describe('refusals in words', () => {
  const conflict = new ApiError(409, 'conflict', 'the request is already approved');
  const forbidden = new ApiError(403, 'forbidden', 'decide on this request at its current level');

  it.each([
    [
      'deciding what someone else decided meanwhile',
      conflict,
      'decide',
      DIRECTOR,
      nomination({ status: 'rejected' }),
      { key: 'nomination.refused.decided', status: 'rejected' },
    ],
    [
      'approving twice',
      conflict,
      'decide',
      DIRECTOR,
      atLevel2,
      { key: 'nomination.refused.alreadyApproved' },
    ],
    [
      'deciding out of turn says who decides now',
      forbidden,
      'decide',
      NORTH,
      atLevel2,
      { key: 'nomination.refused.notYourTurn', role: 'specialist', unit: '总部' },
    ],
    [
      'deciding on one’s own',
      forbidden,
      'decide',
      KAM,
      nomination(),
      { key: 'nomination.refused.own' },
    ],
    [
      'withdrawing what was decided',
      conflict,
      'withdraw',
      KAM,
      nomination({ status: 'approved' }),
      { key: 'nomination.refused.decided', status: 'approved' },
    ],
    [
      'resubmitting unchanged',
      conflict,
      'resubmit',
      KAM,
      nomination({ status: 'rejected' }),
      { key: 'nomination.refused.resubmitConflict' },
    ],
    [
      'nominating twice',
      conflict,
      'create',
      KAM,
      null,
      { key: 'nomination.refused.createConflict' },
    ],
    [
      'a request gone from view',
      new ApiError(404, 'not_found', 'nomination not found'),
      'decide',
      NORTH,
      null,
      { key: 'nomination.refused.gone' },
    ],
    [
      'a failure that is no refusal',
      new ApiError(500, 'internal', 'x'),
      'decide',
      DIRECTOR,
      null,
      null,
    ],
    ['not an API error', new Error('boom'), 'decide', DIRECTOR, null, null],
  ] as const)('%s', (_name, error, attempt, me, latest, expected) => {
    expect(describeRefusal(error, attempt, me, latest)).toEqual(expected);
  });
});

describe('steps and figures', () => {
  it('groups steps by submission, oldest first, whatever order they come in', () => {
    const steps = [
      step({ id: 5, submission: 2, level: 1, action: 'submit', at: '2026-11-22T08:00:00Z' }),
      step({ id: 1 }),
      step({ id: 3, level: 1, action: 'reject', at: '2026-11-21T08:00:00Z' }),
      step({ id: 6, submission: 2, level: 1, action: 'approve', at: '2026-11-22T09:00:00Z' }),
    ];
    expect(stepsBySubmission(steps).map((g) => [g.submission, g.steps.map((s) => s.id)])).toEqual([
      [1, [1, 3]],
      [2, [5, 6]],
    ]);
  });

  it('shows money in yuan, exactly, and counts grouped', () => {
    expect(formatMetrics(nomination().metrics)).toEqual({
      revenue: '¥1,234,567.89',
      orders: '1,234',
      margin: '-¥50.00',
    });
  });

  it('gives the level only while pending', () => {
    expect(levelOf(atLevel2)).toEqual({ level: 2, levels: 2 });
    expect(levelOf(nomination({ status: 'approved' }))).toBeNull();
  });
});
