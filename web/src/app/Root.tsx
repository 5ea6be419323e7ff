import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { setUnauthenticatedHandler } from '../api/client';
import { PageLoading } from '../ui/PageLoading';
import { setNotifier } from './notifier';
import { queryClient } from './queryClient';
import { router } from './router';
import { CONSOLE_THEME } from './theme';

// An expired session anywhere: forget cached data and sign in again, then come back.
setUnauthenticatedHandler(() => {
  queryClient.clear();
  const { pathname, search } = window.location;
  if (pathname !== '/login') {
    void router.navigate(`/login?next=${encodeURIComponent(pathname + search)}`, { replace: true });
  }
});

function FeedbackBridge() {
  const { notification } = AntApp.useApp();
  useEffect(() => {
    setNotifier(notification);
    return () => setNotifier(null);
  }, [notification]);
  return null;
}

export function Root() {
  const { i18n } = useTranslation();
  const english = i18n.language === 'en-US';
  useEffect(() => {
    dayjs.locale(english ? 'en' : 'zh-cn');
  }, [english]);

  return (
    <ConfigProvider
      locale={english ? enUS : zhCN}
      theme={CONSOLE_THEME.theme}
      button={CONSOLE_THEME.button}
    >
      <AntApp>
        <FeedbackBridge />
        <QueryClientProvider client={queryClient}>
          <Suspense fallback={<PageLoading fullScreen />}>
            <RouterProvider router={router} />
          </Suspense>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
