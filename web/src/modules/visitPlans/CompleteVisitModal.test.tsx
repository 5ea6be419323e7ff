// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  apiError,
  fakeApi,
  fill,
  reply,
  renderSignedIn,
  setupUser,
} from '../../test/consoleHarness';
import { makeInteraction, makePlan } from '../../test/visitFixtures';
import { CancelVisitModal } from './CancelVisitModal';
import { CompleteVisitModal } from './CompleteVisitModal';

const plan = makePlan({ id: 4, version: 2, contacts: [{ id: 11, name: '张伟' }] });

function api() {
  return fakeApi()
    .on('GET /customers/:id', { id: 3, name: plan.customer_name, owner_id: 5, owner_name: '王磊' })
    .on('GET /customers/:id/contacts', {
      items: [{ id: 11, name: '张伟', title: '' }],
      next_cursor: null,
    })
    .on('GET /customers/:id/team', { items: [], next_cursor: null })
    .on('GET /customers/3/users', (call) => ({
      items: [
        { id: 5, username: 'wang.lei', display_name: '王磊', role: 'kam', org_unit_id: 4 },
        { id: 8, username: 'li.na', display_name: '李娜', role: 'director', org_unit_id: 2 },
      ].filter((u) => u.display_name.includes(call.query.get('q') ?? '')),
      next_cursor: null,
    }));
}

describe('completing a visit', () => {
  it('records the visit with its outcome and links to the contact record', async () => {
    const user = setupUser();
    const fake = api().on('POST /visit-plans/:id/complete', (call) =>
      reply(200, {
        visit_plan: { ...plan, status: 'completed', interaction_id: 31, version: 3 },
        interaction: makeInteraction({ id: 31, visit_plan_id: 4, ...(call.body as object) }),
      }),
    );
    const onClose = vi.fn();
    const { router } = await renderSignedIn(<CompleteVisitModal plan={plan} onClose={onClose} />, {
      api: fake,
    });
    expect(await screen.findByText('完成拜访“上海电力设备有限公司”')).toBeTruthy();
    expect(screen.getByText(plan.purpose)).toBeTruthy(); // prefilled from the plan
    fill(screen.getByTestId('visit-complete-outcome'), '客户同意续约');
    fill(screen.getByTestId('visit-complete-next-step'), '寄送合同');
    await user.click(screen.getByTestId('visit-complete-ok'));

    const done = await screen.findByTestId('visit-completed');
    expect(done.textContent).toContain('拜访已完成');
    const [sent] = fake.sent('POST /visit-plans/4/complete');
    expect(sent?.ifMatch).toBe('2');
    // The plan's contacts and time are the server's defaults: not sent.
    expect(sent?.body).toEqual({
      summary: '',
      outcome: '客户同意续约',
      next_step: '寄送合同',
      next_step_due: null,
    });
    await user.click(screen.getByTestId('visit-record-link'));
    expect(router.state.location.pathname + router.state.location.search).toBe(
      '/customers/3?tab=interactions',
    );
    expect(onClose).toHaveBeenCalled();
  });

  it('lets a KAM (no user.read) hand the next step to a director who sees the account', async () => {
    const user = setupUser();
    const fake = api().on('POST /visit-plans/:id/complete', (call) =>
      reply(200, {
        visit_plan: { ...plan, status: 'completed', interaction_id: 31, version: 3 },
        interaction: makeInteraction({ id: 31, visit_plan_id: 4, ...(call.body as object) }),
      }),
    );
    await renderSignedIn(<CompleteVisitModal plan={plan} onClose={() => {}} />, { api: fake });
    fill(await screen.findByTestId('visit-complete-next-step'), '审批优惠方案');
    // The dialog puts the keyboard in the summary first.
    await waitFor(() => expect(document.activeElement?.tagName).toBe('TEXTAREA'));
    const box = within(screen.getByTestId('visit-complete-owner')).getByRole('combobox');
    await user.click(box);
    fill(box, '李');
    await waitFor(() =>
      expect(fake.sent('GET /customers/3/users').map((c) => c.query.get('q'))).toContain('李'),
    );
    await user.click(await screen.findByTitle('李娜 · 主管'));
    await user.click(screen.getByTestId('visit-complete-ok'));
    await screen.findByTestId('visit-completed');
    expect(fake.sent('POST /visit-plans/4/complete')[0]?.body).toMatchObject({
      next_step: '审批优惠方案',
      next_step_owner_id: 8,
    });
  });

  it('shows the server’s field problems on the fields', async () => {
    const user = setupUser();
    const fake = api().on(
      'POST /visit-plans/:id/complete',
      apiError(400, 'validation_failed', { next_step: 'required_with_due_date' }),
    );
    await renderSignedIn(<CompleteVisitModal plan={plan} onClose={() => {}} />, {
      api: fake,
      language: 'en-US',
    });
    fill(await screen.findByTestId('visit-complete-outcome'), 'Agreed');
    await user.click(screen.getByTestId('visit-complete-ok'));
    expect(await screen.findByText('Say what the next step is, for its due date')).toBeTruthy();
    expect(screen.queryByTestId('visit-completed')).toBeNull();
  });

  it('says so when the visit was completed or cancelled meanwhile (409)', async () => {
    const user = setupUser();
    const fake = api().on('POST /visit-plans/:id/complete', apiError(409, 'conflict'));
    await renderSignedIn(<CompleteVisitModal plan={plan} onClose={() => {}} />, {
      api: fake,
      language: 'en-US',
    });
    await user.click(await screen.findByTestId('visit-complete-ok'));
    expect((await screen.findByTestId('visit-complete-problem')).textContent).toContain(
      'This visit was completed or cancelled meanwhile.',
    );
  });

  it('tells a late completion apart', async () => {
    await renderSignedIn(
      <CompleteVisitModal plan={{ ...plan, status: 'missed' }} onClose={() => {}} />,
      { api: api(), language: 'en-US' },
    );
    expect(await screen.findByText(/This visit's day has passed/)).toBeTruthy();
    expect(screen.getByTestId('visit-status-missed')).toBeTruthy();
  });
});

describe('cancelling a visit', () => {
  it('needs a reason, then cancels with the version read', async () => {
    const user = setupUser();
    const fake = api().on('POST /visit-plans/:id/cancel', (call) =>
      reply(200, {
        ...plan,
        status: 'cancelled',
        cancel_reason: (call.body as { reason: string }).reason,
      }),
    );
    const onClose = vi.fn();
    await renderSignedIn(<CancelVisitModal plan={plan} onClose={onClose} />, { api: fake });
    await user.click(await screen.findByTestId('visit-cancel-ok'));
    expect(await screen.findByText('必填')).toBeTruthy();
    expect(fake.sent('POST /visit-plans/4/cancel')).toEqual([]);

    const reason = screen.getByTestId('visit-cancel-reason');
    fill(reason, '客户临时出差');
    // Ctrl+Enter in the text area cancels the visit.
    await user.type(reason, '{Control>}{Enter}{/Control}');
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const [sent] = fake.sent('POST /visit-plans/4/cancel');
    expect(sent?.body).toEqual({ reason: '客户临时出差' });
    expect(sent?.ifMatch).toBe('2');
  });

  it('shows a refused reason on its field', async () => {
    const user = setupUser();
    const fake = api().on(
      'POST /visit-plans/:id/cancel',
      apiError(400, 'validation_failed', { reason: 'too_long' }),
    );
    await renderSignedIn(<CancelVisitModal plan={plan} onClose={() => {}} />, {
      api: fake,
      language: 'en-US',
    });
    fill(await screen.findByTestId('visit-cancel-reason'), 'Travelling');
    await user.click(screen.getByTestId('visit-cancel-ok'));
    expect(await screen.findByText('Too long')).toBeTruthy();
  });
});
