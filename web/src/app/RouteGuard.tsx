import { Result } from 'antd';
import { useEffect, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { canOpen } from './access';
import { pageComponent } from './pages';
import { ROUTES, type AppRoute, type RouteKey } from './routeTable';
import { useCurrentSession } from './sessionContext';

const PAGES = Object.fromEntries(ROUTES.map((r) => [r.key, pageComponent(r)])) as Record<
  RouteKey,
  ComponentType
>;

/** Renders a route's page when the user may open it, a 403 page otherwise. */
export function RouteGuard({ route }: { route: AppRoute }) {
  const { t } = useTranslation();
  const { access } = useCurrentSession();
  const allowed = canOpen(route, access);

  useEffect(() => {
    document.title = `${t(route.titleKey)} · ${t('app.shortName')}`;
  }, [t, route.titleKey]);

  if (!allowed) {
    return <Result status="403" title="403" subTitle={t('errors.code.forbidden')} />;
  }
  const Page = PAGES[route.key];
  return <Page />;
}
