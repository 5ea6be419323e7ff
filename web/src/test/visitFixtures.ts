// Visit plans, contact records and weekly-review items as the API answers them, for tests.
import type { Interaction, MyDay, ReviewItem, ReviewUserWeek, VisitPlan } from '../api/types';

export function makePlan(fields: Partial<VisitPlan> & Pick<VisitPlan, 'id'>): VisitPlan {
  return {
    version: 1,
    customer_id: 3,
    customer_name: '上海电力设备有限公司',
    owner_id: 5,
    owner_name: '王磊',
    planned_on: '2026-11-24',
    start_time: '09:30',
    purpose: '季度回访，了解二期项目进度',
    contacts: [{ id: 11, name: '张伟' }],
    participants: [],
    status: 'planned',
    interaction_id: null,
    cancel_reason: null,
    completed_at: null,
    cancelled_at: null,
    created_by: 5,
    created_by_name: '王磊',
    created_at: '2026-11-20T02:00:00Z',
    updated_at: '2026-11-20T02:00:00Z',
    ...fields,
  };
}

export function makeInteraction(
  fields: Partial<Interaction> & Pick<Interaction, 'id'>,
): Interaction {
  return {
    customer_id: 3,
    customer_name: '上海电力设备有限公司',
    version: 1,
    channel: 'visit',
    purpose: '季度回访，了解二期项目进度',
    summary: '',
    outcome: '',
    next_step: '',
    next_step_due: null,
    next_step_owner_id: null,
    next_step_owner_name: null,
    next_step_done_at: null,
    is_request: false,
    first_contact_owner_id: null,
    first_contact_owner_name: null,
    request_closed_at: null,
    occurred_at: '2026-11-24T01:30:00Z',
    recorded_by: 5,
    recorded_by_name: '王磊',
    contacts: [],
    participants: [{ id: 5, name: '王磊' }],
    created_at: '2026-11-24T01:35:00Z',
    updated_at: '2026-11-24T01:35:00Z',
    visit_plan_id: null,
    ...fields,
  };
}

export function emptyDay(today = '2026-11-24'): MyDay {
  return {
    today,
    overdue: [],
    over_contacted: [],
    next_steps: [],
    open_requests: [],
    birthdays: [],
    contracts_ending: [],
    visits_today: [],
    missed_visits: [],
    more: [],
  };
}

/** A contact record (or, with `plan`, a visit plan) in a director's weekly review. */
export function makeReviewItem(fields: Partial<ReviewItem> & Pick<ReviewItem, 'id'>): ReviewItem {
  const kind = fields.kind ?? 'interaction';
  return {
    kind,
    week: '2026-W48',
    at: '2026-11-24T01:30:00Z',
    user_id: 5,
    user_name: '王磊',
    customer_id: 3,
    customer_name: '上海电力设备有限公司',
    reviewed_at: null,
    reviewed_by: null,
    reviewed_by_name: null,
    comment_count: 0,
    interaction: kind === 'interaction' ? makeInteraction({ id: fields.id }) : null,
    visit_plan: kind === 'visit_plan' ? makePlan({ id: fields.id }) : null,
    ...fields,
  };
}

export function makeUserWeek(
  fields: Partial<ReviewUserWeek> & Pick<ReviewUserWeek, 'user_id' | 'user_name'>,
): ReviewUserWeek {
  return {
    role: 'kam',
    records: 0,
    visits_planned: 0,
    visits_completed: 0,
    visits_missed: 0,
    visits_cancelled: 0,
    unreviewed: 0,
    unreviewed_earlier: 0,
    ...fields,
  };
}
