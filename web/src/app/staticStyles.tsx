// Build time only (the Vite plugin `antdStaticStyles` runs it in Node, never the browser):
// renders the console's first views to a string with antd's style cache, the way antd
// documents server-side rendering, and returns the CSS antd generated for them. The build
// links it from index.html as a file; its last rule maps each style's cache path to its hash,
// and antd at run time (`@ant-design/cssinjs`, cacheMapUtil) reads that map and inserts no
// <style> element for a style the file already has. Styles of components these views do not
// render are still made and inserted at run time, as before.
import { createCache, extractStyle, StyleProvider } from '@ant-design/cssinjs';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import type { ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import {
  createStaticHandler,
  createStaticRouter,
  StaticRouterProvider,
  type RouteObject,
} from 'react-router';
import type { Customer, OrgUnit, Page, User } from '../api/types';
import '../i18n';
import { prefetchCustomerList } from '../modules/customers/api';
import CustomersPage from '../pages/CustomersPage';
import LoginPage from '../pages/LoginPage';
import { AppLayout } from './AppLayout';
import type { Session } from '../modules/auth/useSession';
import { SessionContext } from './sessionContext';
import { CONSOLE_THEME } from './theme';

// Everything allowed: the whole side menu, the export button and every filter render.
const SESSION: Session = {
  user: {
    id: 1,
    username: 'admin',
    display_name: 'Admin',
    role: 'admin',
    org_unit_id: 1,
    active: true,
    email: '',
    phone: '',
    locale: 'zh-CN',
    version: 1,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    last_login_at: null,
  } as User,
  access: { can: () => true, passes: () => true },
};

// The list's first page as the server answers it: rows bring the stage and key-account tags,
// the org units the org-unit filter (a tree select).
const CUSTOMERS: Page<Customer> = {
  items: [
    {
      id: 2,
      name: '示例客户二',
      stage: 'active',
      is_key_account: true,
      tier: 'A',
      org_unit_id: 1,
    } as Customer,
    {
      id: 1,
      name: '示例客户一',
      stage: 'prospect',
      is_key_account: false,
      org_unit_id: 1,
    } as Customer,
  ],
  next_cursor: 'next',
};
const ORG_UNITS: Page<OrgUnit> = {
  items: [{ id: 1, parent_id: null, name: '总部' } as OrgUnit],
  next_cursor: null,
};

/** Reads the list's first page into a query client the way its route does, from fixed answers. */
async function withListData(client: QueryClient): Promise<void> {
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input) => {
    const url = String(input);
    const body = url.includes('/org-units') ? ORG_UNITS : CUSTOMERS;
    return new Response(JSON.stringify(body), {
      headers: { 'Content-Type': 'application/json' },
    });
  };
  try {
    prefetchCustomerList(client, new URLSearchParams());
    while (client.isFetching() > 0) await new Promise((resolve) => setTimeout(resolve, 1));
  } finally {
    globalThis.fetch = realFetch;
  }
}

const ROUTES: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  {
    element: (
      <SessionContext.Provider value={SESSION}>
        <AppLayout session={SESSION} />
      </SessionContext.Provider>
    ),
    children: [{ path: '/customers', element: <CustomersPage /> }],
  },
];

/** The console's providers around a view, as Root.tsx sets them up. */
function Providers({
  cache,
  client,
  children,
}: {
  cache: ReturnType<typeof createCache>;
  client: QueryClient;
  children: ReactNode;
}) {
  return (
    <StyleProvider cache={cache}>
      <ConfigProvider locale={zhCN} {...CONSOLE_THEME}>
        <AntApp>
          <QueryClientProvider client={client}>{children}</QueryClientProvider>
        </AntApp>
      </ConfigProvider>
    </StyleProvider>
  );
}

/**
 * The CSS antd makes for the login page and the signed-in layout with the customer list's
 * first page, with the cache-path map antd reads back at run time.
 */
export async function renderStaticStyles(): Promise<string> {
  const cache = createCache();
  const client = new QueryClient();
  await withListData(client);
  const handler = createStaticHandler(ROUTES);
  for (const path of ['/login', '/customers']) {
    const context = await handler.query(new Request(`http://localhost${path}`));
    if (context instanceof Response) throw new Error(`${path} answered ${context.status}`);
    const router = createStaticRouter(handler.dataRoutes, context);
    renderToString(
      <Providers cache={cache} client={client}>
        <StaticRouterProvider router={router} context={context} hydrate={false} />
      </Providers>,
    );
  }
  return extractStyle(cache, { plain: true });
}
