import {
  ApartmentOutlined,
  AlertOutlined,
  AuditOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  CloudUploadOutlined,
  FieldTimeOutlined,
  FileSearchOutlined,
  FileProtectOutlined,
  FundOutlined,
  RiseOutlined,
  ScheduleOutlined,
  SendOutlined,
  SwapOutlined,
  TeamOutlined,
  UserOutlined,
  UserSwitchOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { ProLayout } from '@ant-design/pro-components';
import { memo, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, ScrollRestoration, useLocation } from 'react-router';
import type { Session } from '../modules/auth/useSession';
import {
  RecordContactButton,
  RecordContactProvider,
} from '../modules/interactions/RecordContactProvider';
import { NotificationBell } from '../modules/notifications/NotificationBell';
import { PageLoading } from '../ui/PageLoading';
import { menuRoutes } from './access';
import { LanguageSwitch } from './LanguageSwitch';
import { LocaleSync } from './LocaleSync';
import type { MenuIcon } from './routeTable';
import { UserMenu } from './UserMenu';

const ICONS: Record<MenuIcon, ReactNode> = {
  myDay: <CalendarOutlined />,
  visitPlans: <ScheduleOutlined />,
  customers: <TeamOutlined />,
  approvals: <AuditOutlined />,
  myNominations: <SendOutlined />,
  nominations: <FileSearchOutlined />,
  cadenceBreaches: <WarningOutlined />,
  weeklyReview: <CarryOutOutlined />,
  tierSchemes: <RiseOutlined />,
  cadenceRules: <FieldTimeOutlined />,
  concentration: <FundOutlined />,
  users: <UserOutlined />,
  handovers: <SwapOutlined />,
  handoverDecay: <UserSwitchOutlined />,
  accessAlerts: <AlertOutlined />,
  imports: <CloudUploadOutlined />,
  auditLog: <FileProtectOutlined />,
  orgUnits: <ApartmentOutlined />,
};

function Logo() {
  return <img src="/favicon.svg" alt="" width={28} height={28} />;
}

/**
 * The signed-in shell: side menu from the route table, header with "record a contact", the
 * notification bell, language and user menu.
 */
export function AppLayout({ session }: { session: Session }) {
  return (
    <RecordContactProvider>
      <Shell session={session} pathname={useLocation().pathname} />
    </RecordContactProvider>
  );
}

// Memoised by path: a change of the query string alone (filters, search) re-renders only
// the page inside, not the whole layout.
const Shell = memo(function Shell({ session, pathname }: { session: Session; pathname: string }) {
  const { t } = useTranslation();
  const menu = menuRoutes(session.access).map((r) => ({
    path: r.path,
    name: t(r.titleKey),
    icon: r.icon ? ICONS[r.icon] : undefined,
  }));

  return (
    <ProLayout
      title={t('app.shortName')}
      logo={<Logo />}
      layout="mix"
      fixSiderbar
      fixedHeader
      siderWidth={208}
      breakpoint="lg"
      location={{ pathname }}
      route={{ path: '/', routes: menu }}
      // Never loading: the menu comes from the route table, not from a request (ProLayout
      // would otherwise show a skeleton in its place for a moment after it mounts).
      menu={{ locale: false, loading: false }}
      pageTitleRender={false}
      breadcrumbRender={false}
      menuItemRender={(item, dom) => (item.path ? <Link to={item.path}>{dom}</Link> : dom)}
      actionsRender={() => [
        <RecordContactButton key="record" />,
        <NotificationBell key="bell" />,
        <LanguageSwitch key="lang" signedIn />,
      ]}
      avatarProps={{
        icon: <UserOutlined />,
        size: 'small',
        title: session.user.display_name,
        render: (_props, dom) => <UserMenu>{dom}</UserMenu>,
      }}
      token={{ header: { heightLayoutHeader: 56 } }}
      footerRender={false}
    >
      <LocaleSync />
      <ScrollRestoration />
      <Suspense fallback={<PageLoading />}>
        <Outlet />
      </Suspense>
    </ProLayout>
  );
});
