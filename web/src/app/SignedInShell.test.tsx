// @vitest-environment jsdom
import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderSignedIn, userOf } from '../test/consoleHarness';
import { PERMISSIONS_BY_ROLE } from '../test/fixtures';
import { loadPage } from './pages';
import type { AppRoute } from './routeTable';
import { SignedInShell } from './SignedInShell';

describe('the signed-in shell', () => {
  it('shows the layout only once the first page’s code is there, not before with a spinner inside', async () => {
    let finish: () => void = () => {};
    const arrived = new Promise<void>((resolve) => (finish = resolve));
    const route: AppRoute = {
      key: 'orgUnits',
      path: '/org-units',
      titleKey: 'menu.orgUnits',
      menu: false,
      load: async () => {
        await arrived;
        return { default: () => null };
      },
    };
    const api = fakeApi()
      .on('GET /auth/me', {
        user: userOf({ id: 5, display_name: '王磊' }),
        permissions: PERMISSIONS_BY_ROLE.kam,
        csrf_token: 'csrf',
      })
      .on('GET /approval-chain', { roles: ['director'] })
      .on('GET /notifications', { items: [], next_cursor: null });
    const loading = loadPage(route);
    const { container } = await renderSignedIn(<SignedInShell />, { api });

    await waitFor(() => expect(api.sent('GET /approval-chain')).toHaveLength(1));
    await act(async () => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(container.querySelector('.ant-spin')).not.toBeNull();
    expect(screen.queryByText('客户')).toBeNull();

    await act(async () => {
      finish();
      await loading;
    });
    expect(await screen.findByText('客户')).toBeTruthy();
  });
});
