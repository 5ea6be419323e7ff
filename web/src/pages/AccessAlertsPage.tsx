import { SettingOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { Button, Card, Segmented, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { AccessAlert, AccessAlertStatus } from '../api/types';
import { ALERT_STATUSES, useAccessAlertPage } from '../modules/accessAlerts/api';
import { AlertStatusTag } from '../modules/accessAlerts/tags';
import { LIST_PAGE_SIZES, listParams, pageSize } from '../ui/listQuery';
import { PagedTable } from '../ui/PagedTable';
import { formatDateTime } from '../ui/format';
import { useCursorPages } from '../ui/useCursorPages';

/**
 * Bulk-access alerts (批量访问告警), newest first, for KAM specialists and administrators: a
 * user who read more customers within the window than their role's threshold. Open ones
 * first by default; each is acknowledged with a comment.
 */
export default function AccessAlertsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status: AccessAlertStatus | undefined =
    raw === 'all' ? undefined : (ALERT_STATUSES.find((s) => s === raw) ?? 'open');
  const limit = pageSize(params);
  const pages = useCursorPages(params.toString());
  const page = useAccessAlertPage(status, limit, pages.cursor);

  const update = (patch: { status?: string; limit?: number }) =>
    setParams(
      listParams({ status: status === 'open' ? undefined : (status ?? 'all'), limit, ...patch }),
      { replace: true },
    );

  return (
    <PageContainer
      title={t('menu.accessAlerts')}
      content={<Typography.Text type="secondary">{t('accessAlert.hint')}</Typography.Text>}
      extra={
        <Link to="/access-alerts/settings">
          <Button icon={<SettingOutlined />} data-testid="alert-settings-link">
            {t('accessAlert.settings.title')}
          </Button>
        </Link>
      }
    >
      <Card>
        <div className="kams-toolbar" style={{ marginBottom: 16 }}>
          <Segmented<string>
            value={status ?? 'all'}
            onChange={(v) => update({ status: v === 'open' ? undefined : v })}
            options={[
              ...ALERT_STATUSES.map((s) => ({ value: s, label: t(`accessAlert.status.${s}`) })),
              { value: 'all', label: t('accessAlert.allStatuses') },
            ]}
            data-testid="alert-status-filter"
          />
        </div>
        <PagedTable<AccessAlert>
          query={page}
          pages={pages}
          pageSize={limit}
          pageSizes={LIST_PAGE_SIZES}
          onPageSizeChange={(size) => update({ limit: size })}
          rowKey="id"
          data-testid="access-alerts"
          empty={
            status === 'open'
              ? t('accessAlert.noneOpen')
              : status === 'acknowledged'
                ? t('accessAlert.noneAcknowledged')
                : t('accessAlert.none')
          }
          columns={[
            {
              key: 'created_at',
              title: t('accessAlert.field.created_at'),
              render: (_, a) => (
                <Link to={`/access-alerts/${a.id}`} style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(a.created_at)}
                </Link>
              ),
            },
            {
              key: 'user',
              title: t('accessAlert.field.user'),
              render: (_, a) => (
                <Space direction="vertical" size={0}>
                  <Typography.Text strong>{a.user_name}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {a.username} · {t(`role.${a.role}`)}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              key: 'customers',
              title: t('accessAlert.field.customers'),
              render: (_, a) =>
                t('accessAlert.customersOver', {
                  count: a.customers,
                  threshold: a.threshold,
                }),
            },
            {
              key: 'window',
              title: t('accessAlert.field.window'),
              render: (_, a) => (
                <span style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(a.window_start)} – {formatDateTime(a.window_end)}
                </span>
              ),
            },
            {
              key: 'status',
              title: t('accessAlert.field.status'),
              render: (_, a) => <AlertStatusTag status={a.status} />,
            },
            {
              key: 'open',
              title: t('common.actions'),
              render: (_, a) => (
                <Link to={`/access-alerts/${a.id}`} data-testid={`alert-${a.id}`}>
                  {a.status === 'open' ? t('accessAlert.review') : t('accessAlert.details')}
                </Link>
              ),
            },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
