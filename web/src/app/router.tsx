import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { NotFoundPage } from '../pages/NotFoundPage';
import { queryClient } from './queryClient';
import { HomeRedirect } from './HomeRedirect';
import { ROUTES } from './routeTable';
import { RouteGuard } from './RouteGuard';
import { SignedInShell } from './SignedInShell';

const LoginPage = lazy(() => import('../pages/LoginPage'));

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: <SignedInShell />,
    children: [
      { index: true, element: <HomeRedirect /> },
      ...ROUTES.map((route) => ({
        path: route.path,
        element: <RouteGuard route={route} />,
        // Never blocks: starts the page's code and first data while the shell renders.
        loader: ({ request }: { request: Request }) => {
          void route.load();
          route.prefetch?.(queryClient, new URL(request.url));
          return null;
        },
      })),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
