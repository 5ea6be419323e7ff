import { createBrowserRouter } from 'react-router';
import { sessionQuery } from '../modules/auth/useSession';
import { approvalChainQuery } from '../modules/nominations/api';
import { NotFoundPage } from '../pages/NotFoundPage';
import { HomeRedirect } from './HomeRedirect';
import { loadPage } from './pages';
import { queryClient } from './queryClient';
import { ROUTES } from './routeTable';
import { RouteGuard } from './RouteGuard';
import { SignedInShell } from './SignedInShell';

export const router = createBrowserRouter([
  {
    path: '/login',
    // Loaded before the route renders (not React.lazy): a page that suspends after the first
    // paint is held back behind the loading screen for React's 300 ms fallback throttle.
    lazy: async () => ({ Component: (await import('../pages/LoginPage')).default }),
  },
  {
    element: <SignedInShell />,
    // Never blocks: asks for the session and the approval chain (both needed before the shell
    // shows, useSession) side by side, at once, instead of one after the other on render.
    loader: () => {
      void queryClient.prefetchQuery(sessionQuery);
      void queryClient.prefetchQuery(approvalChainQuery);
      return null;
    },
    children: [
      { index: true, element: <HomeRedirect /> },
      ...ROUTES.map((route) => ({
        path: route.path,
        element: <RouteGuard route={route} />,
        // Never blocks: starts the page's code and first data while the shell renders.
        loader: ({ request }: { request: Request }) => {
          void loadPage(route);
          route.prefetch?.(queryClient, new URL(request.url));
          return null;
        },
      })),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
