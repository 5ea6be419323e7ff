// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DefaultTeam } from '../../api/types';
import { makeUser } from '../../test/fixtures';
import {
  apiError,
  fakeApi,
  renderSignedIn,
  setupUser,
  userOf,
  type FakeApi,
} from '../../test/consoleHarness';
import { DefaultTeamEditor } from './DefaultTeamEditor';

const owner = { id: 7, display_name: 'Fang Xin' };
const team: DefaultTeam = {
  user_id: 7,
  members: [{ user_id: 20, team_role: 'assistant', display_name: 'Jiang Hui' }],
  version: 3,
  updated_at: '2026-02-01T08:00:00Z',
};
const agent = makeUser({ id: 21, username: 'svc.east', display_name: 'Wu Jing', role: 'service' });

const open = (fake: FakeApi, role: 'admin' | 'specialist' = 'admin') =>
  renderSignedIn(<DefaultTeamEditor owner={owner} />, {
    api: fake,
    path: '/users',
    user: userOf({ id: 1, display_name: 'Me', role }),
    language: 'en-US',
  });

describe("a user's default team", () => {
  it('adds a member with the part their role suggests, and saves with the version read', async () => {
    const user = setupUser();
    const fake = fakeApi()
      .on('GET /users/7/default-team', team)
      .on('GET /users', { items: [agent], next_cursor: null })
      .on('PUT /users/7/default-team', {
        ...team,
        version: 4,
        members: [...team.members, { user_id: 21, team_role: 'service', display_name: 'Wu Jing' }],
      });
    await open(fake);
    const members = await screen.findByTestId('default-team-members');
    expect(within(members).getByText('Jiang Hui')).toBeTruthy();
    await user.click(screen.getByLabelText('Member'));
    await user.keyboard('Wu');
    await user.click(await screen.findByText('Wu Jing (svc.east)'));
    await user.click(screen.getByTestId('default-team-add'));
    expect(within(members).getByText('Wu Jing')).toBeTruthy();
    await user.click(screen.getByTestId('default-team-save'));
    await screen.findByText('The default team of Fang Xin was saved');
    const put = fake.sent('PUT /users/7/default-team')[0];
    expect(put?.ifMatch).toBe('3');
    expect(put?.body).toEqual({
      members: [
        { user_id: 20, team_role: 'assistant' },
        { user_id: 21, team_role: 'service' },
      ],
    });
  });

  it("shows the server's problem on the member it names", async () => {
    const user = setupUser();
    await open(
      fakeApi()
        .on('GET /users/7/default-team', team)
        .on(
          'PUT /users/7/default-team',
          apiError(400, 'validation_failed', { 'members[0].user_id': 'inactive' }),
        ),
    );
    await user.click(await screen.findByRole('combobox', { name: 'Team role of Jiang Hui' }));
    await user.click(await screen.findByTitle('Sales rep'));
    await user.click(screen.getByTestId('default-team-save'));
    expect((await screen.findByTestId('member-0-problem')).textContent).toBe('Disabled');
  });

  it('says when it is empty, and is read only for a KAM specialist', async () => {
    await open(
      fakeApi().on('GET /users/7/default-team', { ...team, members: [], updated_at: null }),
      'specialist',
    );
    await screen.findByText('No one in the default team yet');
    expect(screen.getByTestId('default-team-readonly')).toBeTruthy();
    expect(screen.queryByTestId('default-team-save')).toBeNull();
    expect(screen.getByText('Never set')).toBeTruthy();
  });

  it('says when it cannot be read', async () => {
    await open(fakeApi().on('GET /users/7/default-team', apiError(404, 'not_found')));
    await screen.findByText('Not found, or you may not see it');
  });
});
