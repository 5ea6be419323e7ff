// @vitest-environment jsdom
import { act, render, renderHook, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { describe, expect, it } from 'vitest';
import { loadPage, pageComponent, usePageCodeLoading } from './pages';
import type { AppRoute, RouteKey } from './routeTable';

function fakeRoute(key: RouteKey, text: string) {
  let loads = 0;
  let finish: () => void = () => {};
  const loaded = new Promise<void>((resolve) => (finish = resolve));
  const route: AppRoute = {
    key,
    path: `/${key}`,
    titleKey: key,
    menu: false,
    load: async () => {
      loads += 1;
      await loaded;
      return { default: () => <p>{text}</p> };
    },
  };
  return { route, finish, loads: () => loads };
}

const renderPage = (route: AppRoute) => {
  const Page = pageComponent(route);
  return render(
    <Suspense fallback={<p>loading</p>}>
      <Page />
    </Suspense>,
  );
};

describe('a route page', () => {
  it('renders at once, without the loading fallback, when the loader has already loaded its code', async () => {
    const { route, finish, loads } = fakeRoute('profile', 'the profile');
    const loading = loadPage(route);
    finish();
    await loading;
    renderPage(route);
    // Synchronously: no suspension, hence no fallback and no throttled reveal.
    expect(screen.getByText('the profile')).toBeTruthy();
    expect(screen.queryByText('loading')).toBeNull();
    expect(loads()).toBe(1);
  });

  it('shows the loading fallback until its code arrives, loading it once', async () => {
    const { route, finish, loads } = fakeRoute('users', 'the users');
    void loadPage(route);
    renderPage(route);
    expect(screen.getByText('loading')).toBeTruthy();
    await act(async () => finish());
    expect(await screen.findByText('the users')).toBeTruthy();
    expect(loads()).toBe(1);
  });
});

describe('page code loading', () => {
  it('is under way from the loader starting a page until its code has arrived', async () => {
    const { route, finish } = fakeRoute('auditLog', 'the audit log');
    const { result } = renderHook(() => usePageCodeLoading());
    expect(result.current).toBe(false);
    let loading: Promise<unknown> = Promise.resolve();
    act(() => {
      loading = loadPage(route);
    });
    expect(result.current).toBe(true);
    await act(async () => {
      finish();
      await loading;
    });
    expect(result.current).toBe(false);
  });
});
