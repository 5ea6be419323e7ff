// Renders a page as the signed-in console does — router, query client, antd's App, the
// session — against a fake API: `mockApi` answers `fetch` from a table of routes, so the
// real request wrapper (CSRF, If-Match, the error envelope) runs. For Vitest files that run
// in jsdom (`// @vitest-environment jsdom` at the top).
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { afterEach, vi } from 'vitest';
import type { Role, User } from '../api/types';
import { accessFor } from '../app/access';
import { SessionContext } from '../app/sessionContext';
import i18n from '../i18n';
import { makeUser, PERMISSIONS_BY_ROLE } from './fixtures';

// What jsdom lacks and antd asks for.
if (typeof window !== 'undefined' && !window.matchMedia) {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }),
  });
}
if (typeof window !== 'undefined') {
  // jsdom does not compute pseudo-elements' styles; antd asks for them to measure scrollbars.
  const computed = window.getComputedStyle.bind(window);
  window.getComputedStyle = (element: Element) => computed(element);
  window.scrollTo = () => {};
}

export type ApiCall = {
  method: string;
  /** The path after /api/v1, without the query. */
  path: string;
  query: URLSearchParams;
  body: unknown;
  headers: Record<string, string>;
};

export type Reply = { status?: number; body?: unknown };
type Route = Reply | ((call: ApiCall) => Reply);

/** An API error answer in the envelope's shape. */
export function apiError(
  status: number,
  code: string,
  message = code,
  fields?: Record<string, string>,
): Reply {
  return { status, body: { error: { code, message, ...(fields ? { fields } : {}) } } };
}

/**
 * Answers the console's requests from `routes`, keyed "METHOD /path" (without /api/v1 and
 * the query). A request no route answers fails the test's expectations through
 * `unanswered`, and gets a 404.
 */
export function mockApi(routes: Record<string, Route>) {
  const calls: ApiCall[] = [];
  const unanswered: string[] = [];
  const table = { ...routes };
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost');
    const path = url.pathname.replace(/^\/api\/v1/, '');
    const method = (init.method ?? 'GET').toUpperCase();
    const call: ApiCall = {
      method,
      path,
      query: url.searchParams,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      headers: (init.headers ?? {}) as Record<string, string>,
    };
    calls.push(call);
    const route = table[`${method} ${path}`];
    let reply: Reply;
    if (route === undefined) {
      unanswered.push(`${method} ${path}`);
      reply = apiError(404, 'not_found');
    } else {
      reply = typeof route === 'function' ? route(call) : route;
    }
    const status = reply.status ?? 200;
    return new Response(
      status === 204 || reply.body === undefined ? null : JSON.stringify(reply.body),
      { status, headers: { 'Content-Type': 'application/json' } },
    );
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    calls,
    unanswered,
    /** Changes or adds a route for the requests still to come. */
    set: (key: string, route: Route) => {
      table[key] = route;
    },
    /** The calls to "METHOD /path". */
    callsTo: (key: string) => calls.filter((c) => `${c.method} ${c.path}` === key),
  };
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** Shows where the router went, for tests of links and redirects. */
function Elsewhere() {
  const location = useLocation();
  return <div data-testid="elsewhere">{location.pathname + location.search}</div>;
}

type Options = {
  /** The route pattern the page is mounted at, e.g. "/handovers/:id". */
  path: string;
  /** The address opened, e.g. "/handovers/7"; `path` when not given. */
  url?: string;
  role?: Role;
  user?: Partial<User>;
  language?: 'en-US' | 'zh-CN';
};

/** Renders `element` at `path` as a signed-in user of `role` (administrator by default). */
export async function renderPage(element: ReactElement, options: Options) {
  const role = options.role ?? 'admin';
  await i18n.changeLanguage(options.language ?? 'en-US');
  const user = makeUser({ id: 1, username: 'me', display_name: 'Me', role, ...options.user });
  const session = { user, access: accessFor(PERMISSIONS_BY_ROLE[role], role, []) };
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const router = createMemoryRouter(
    [
      { path: options.path, element },
      { path: '*', element: <Elsewhere /> },
    ],
    { initialEntries: [options.url ?? options.path] },
  );
  const view = render(
    // No motion: nothing waits for antd's transitions.
    <ConfigProvider theme={{ token: { motion: false } }}>
      <AntApp>
        <QueryClientProvider client={client}>
          <SessionContext.Provider value={session}>
            <RouterProvider router={router} />
          </SessionContext.Provider>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>,
  );
  return { ...view, router, client, user };
}
