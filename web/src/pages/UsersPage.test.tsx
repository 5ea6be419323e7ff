// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeUser } from '../test/fixtures';
import { apiError, fakeApi, renderSignedIn, setupUser, userOf } from '../test/consoleHarness';
import UsersPage from './UsersPage';

const kam = makeUser({ id: 7, username: 'fang.xin', display_name: 'Fang Xin' });
const specialist = makeUser({
  id: 9,
  username: 'li.na',
  display_name: 'Li Na',
  role: 'specialist',
});
const me = makeUser({ id: 1, username: 'me', display_name: 'Me', role: 'admin' });

function api() {
  return fakeApi()
    .on('GET /users', { items: [me, kam, specialist], next_cursor: null })
    .on('GET /org-units', { items: [], next_cursor: null })
    .on('GET /users/7/default-team', { user_id: 7, members: [], version: 1, updated_at: null });
}

describe('the users page', () => {
  it('offers each user but oneself a handover, and opens the default team', async () => {
    const user = setupUser();
    await renderSignedIn(<UsersPage />, {
      api: api(),
      path: '/users',
      user: me,
      language: 'en-US',
    });
    const link = await screen.findByTestId('hand-over-fang.xin');
    expect(link.getAttribute('href')).toBe('/handovers/new?user=7');
    expect(screen.getByTestId('hand-over-li.na')).toBeTruthy();
    expect(screen.queryByTestId('hand-over-me')).toBeNull();

    await user.click(screen.getByTestId('default-team-fang.xin'));
    const dialog = await screen.findByTestId('default-team-modal');
    await within(dialog).findByText('No one in the default team yet');
    expect(within(dialog).getByText('Default team of Fang Xin')).toBeTruthy();
  });

  it('lets a director hand over only the roles they may', async () => {
    await renderSignedIn(<UsersPage />, {
      api: api(),
      path: '/users',
      user: userOf({ id: 2, display_name: 'Zhou Zhiqiang', role: 'director' }),
      language: 'en-US',
    });
    await screen.findByTestId('hand-over-fang.xin');
    expect(screen.queryByTestId('hand-over-li.na')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull();
  });

  it('says when there are no users', async () => {
    const empty = fakeApi()
      .on('GET /users', { items: [], next_cursor: null })
      .on('GET /org-units', apiError(403, 'forbidden'));
    await renderSignedIn(<UsersPage />, {
      api: empty,
      path: '/users',
      user: userOf({ id: 9, display_name: 'Li Na', role: 'specialist' }),
      language: 'en-US',
    });
    await screen.findByText('No users');
  });
});
