// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AccountTeamMember, OwnerHistoryEntry, User } from '../../api/types';
import {
  apiError,
  fakeApi,
  renderSignedIn,
  setupUser,
  userOf,
  type FakeApi,
} from '../../test/consoleHarness';
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

const admin = userOf({ id: 1, display_name: 'Chen Admin', role: 'admin' });
type Signed = { user: User; language: 'zh-CN' | 'en-US' };

function api() {
  return fakeApi()
    .on('GET /customers/101/team', { items: [member(20, 'Song Yan')], next_cursor: null })
    .on('GET /customers/101/owner-history', { items: [earlier, byHand], next_cursor: null })
    .on('GET /org-units', { items: [], next_cursor: null })
    .on('GET /users/20', apiError(404, 'not_found'))
    .on('GET /users/21', apiError(404, 'not_found'));
}

/** The dossier's account team tab, as an administrator in English unless told. */
function open(fake: FakeApi, { user = admin, language = 'en-US' }: Partial<Signed> = {}) {
  return renderSignedIn(<AccountTeamTab customer={customer} />, {
    api: fake,
    path: '/customers/101',
    user,
    language,
  });
}

describe("the dossier's account team", () => {
  it("applies the owner's default team and names who joined", async () => {
    const user = setupUser();
    const fake = api().on('POST /customers/101/team/apply-default', {
      items: [member(20, 'Song Yan'), member(21, 'Jiang Hui')],
      next_cursor: null,
    });
    await open(fake);
    await screen.findByText('Song Yan');
    await user.click(screen.getByTestId('team-apply-default'));
    await screen.findByText(/Add the default team of Ye Feng to this account team\?/);
    await user.click(screen.getByTestId('team-apply-default-ok'));
    await screen.findByText('1 member joined the account team: Jiang Hui');
    expect(fake.sent('POST /customers/101/team/apply-default')).toHaveLength(1);
  });

  it("says when the owner's default team adds no one", async () => {
    const user = setupUser();
    await open(
      api().on('POST /customers/101/team/apply-default', {
        items: [member(20, 'Song Yan')],
        next_cursor: null,
      }),
    );
    await screen.findByText('Song Yan');
    await user.click(screen.getByTestId('team-apply-default'));
    await user.click(await screen.findByTestId('team-apply-default-ok'));
    await screen.findByText(/No one to add: the default team of Ye Feng/);
  });

  it('lists the earlier KAMs, linking the handover that moved the customer', async () => {
    await open(api(), { language: 'zh-CN' });
    const history = await screen.findByTestId('owner-history');
    await within(history).findByText('Fang Xin');
    expect(within(history).getByRole('link', { name: '交接 #31' }).getAttribute('href')).toBe(
      '/handovers/31',
    );
    expect(within(history).getByText('手工变更')).toBeTruthy();
  });

  it('says when there were no earlier KAMs, and a KAM cannot apply a default team', async () => {
    await open(api().on('GET /customers/101/owner-history', { items: [], next_cursor: null }), {
      user: userOf({ id: 1, display_name: 'Me' }), // a KAM
    });
    await screen.findByText('This customer has had no other KAM.');
    expect(screen.queryByTestId('team-apply-default')).toBeNull();
  });

  it('says when the earlier KAMs cannot be read', async () => {
    await open(api().on('GET /customers/101/owner-history', apiError(500, 'internal')));
    const history = await screen.findByTestId('owner-history');
    await within(history).findByText('Could not load');
  });
});
