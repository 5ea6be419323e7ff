import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../api/client';
import { errorMessage } from '../app/errors';
import { LanguageSwitch } from '../app/LanguageSwitch';
import { login } from '../modules/auth/api';
import { sessionQuery } from '../modules/auth/useSession';
import { approvalChainQuery } from '../modules/nominations/api';

type Credentials = { username: string; password: string };

/**
 * Only paths inside the console: `next` must not send the user to another site. Without
 * one, `/` sends the user to where their role starts.
 */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export default function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const client = useQueryClient();
  const signIn = useMutation({
    meta: { quiet: true },
    mutationFn: ({ username, password }: Credentials) => login(username.trim(), password),
    onSuccess: async () => {
      await client.resetQueries();
      await client.fetchQuery(sessionQuery);
      // Who decides nominations shapes the menu: read it before the shell renders.
      await client.prefetchQuery(approvalChainQuery);
      navigate(safeNext(params.get('next')), { replace: true });
    },
  });

  useEffect(() => {
    document.title = `${t('login.title')} · ${t('app.shortName')}`;
  }, [t]);

  return (
    <div className="kams-login">
      <Card className="kams-login-card">
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Space style={{ width: '100%', justifyContent: 'space-between' }}>
            <Space>
              <img src="/favicon.svg" alt="" width={32} height={32} />
              <Typography.Title level={4} style={{ margin: 0 }}>
                {t('app.name')}
              </Typography.Title>
            </Space>
            <LanguageSwitch signedIn={false} />
          </Space>
          {signIn.isError && (
            <Alert
              type="error"
              showIcon
              role="alert"
              message={
                isApiError(signIn.error) && signIn.error.status === 401
                  ? t('login.failed')
                  : errorMessage(t, signIn.error)
              }
            />
          )}
          <Form<Credentials>
            layout="vertical"
            requiredMark={false}
            onFinish={(values) => signIn.mutate(values)}
          >
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, message: t('errors.field.required') }]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('errors.field.required') }]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={signIn.isPending}>
              {t('login.submit')}
            </Button>
          </Form>
        </Space>
      </Card>
    </div>
  );
}
