// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AccountTeamMember, OwnerHistoryEntry } from '../../api/types';
import { apiError, mockApi, renderPage } from '../../test/renderPage';
import { AccountTeamTab } from './AccountTeamTab';

const customer = { id: 101, name: 'Hangzhou Power', owner_id: 8, owner_name: 'Ye Feng' };
const member = (user_id: number, user_name: string): AccountTeamMember => ({
  customer_id: 101,
  user_id,
  team_role: 'sales',
  added_at: '2026-01-01T08:00:00Z',
  user_name,
});
const earlier: OwnerHistoryEntry = {
  id: 3,
  customer_id: 101,
  owner_id: 7,
  owner_name: 'Fang Xin',
  until_at: '2026-03-01T08:00:00Z',
  changed_by: 1,
  changed_by_name: 'Chen Admin',
  handover_id: 31,
};
const byHand: OwnerHistoryEntry = {
  ...earlier,
  id: 2,
  owner_id: 6,
  owner_name: 'Gu Min',
  handover_id: null,
};

function api(routes: Parameters<typeof mockApi>[0] = {}) {
  return mockApi({
    'GET /customers/101/team': { body: { items: [member(20, 'Song Yan')], next_cursor: null } },
    'GET /customers/101/owner-history': { body: { items: [earlier, byHand], next_cursor: null } },
    'GET /org-units': { body: { items: [], next_cursor: null } },
    'GET /users/20': apiError(404, 'not_found'),
    'GET /users/21': apiError(404, 'not_found'),
    ...routes,
  });
}

describe("the dossier's account team", () => {
  it("applies the owner's default team and names who joined", async () => {
    const user = userEvent.setup();
    const calls = api({
      'POST /customers/101/team/apply-default': {
        body: { items: [member(20, 'Song Yan'), member(21, 'Jiang Hui')], next_cursor: null },
      },
    });
    await renderPage(<AccountTeamTab customer={customer} />, { path: '/customers/101' });
    await screen.findByText('Song Yan');
    await user.click(screen.getByTestId('team-apply-default'));
    await screen.findByText(/Add the default team of Ye Feng to this account team\?/);
    await user.click(screen.getByTestId('team-apply-default-ok'));
    await screen.findByText('1 member joined the account team: Jiang Hui');
    expect(calls.callsTo('POST /customers/101/team/apply-default')).toHaveLength(1);
  });

  it("says when the owner's default team adds no one", async () => {
    const user = userEvent.setup();
    api({
      'POST /customers/101/team/apply-default': {
        body: { items: [member(20, 'Song Yan')], next_cursor: null },
      },
    });
    await renderPage(<AccountTeamTab customer={customer} />, { path: '/customers/101' });
    await screen.findByText('Song Yan');
    await user.click(screen.getByTestId('team-apply-default'));
    await user.click(await screen.findByTestId('team-apply-default-ok'));
    await screen.findByText(/No one to add: the default team of Ye Feng/);
  });

  it('lists the earlier KAMs, linking the handover that moved the customer', async () => {
    api();
    await renderPage(<AccountTeamTab customer={customer} />, {
      path: '/customers/101',
      language: 'zh-CN',
    });
    const history = await screen.findByTestId('owner-history');
    await within(history).findByText('Fang Xin');
    expect(within(history).getByRole('link', { name: '交接 #31' }).getAttribute('href')).toBe(
      '/handovers/31',
    );
    expect(within(history).getByText('手工变更')).toBeTruthy();
  });

  it('says when there were no earlier KAMs, and a KAM cannot apply a default team', async () => {
    api({ 'GET /customers/101/owner-history': { body: { items: [], next_cursor: null } } });
    await renderPage(<AccountTeamTab customer={customer} />, {
      path: '/customers/101',
      role: 'kam',
    });
    await screen.findByText('This customer has had no other KAM.');
    expect(screen.queryByTestId('team-apply-default')).toBeNull();
  });

  it('says when the earlier KAMs cannot be read', async () => {
    api({ 'GET /customers/101/owner-history': apiError(500, 'internal') });
    await renderPage(<AccountTeamTab customer={customer} />, { path: '/customers/101' });
    const history = await screen.findByTestId('owner-history');
    await within(history).findByText('Could not load');
  });
});
