import { PageContainer } from '@ant-design/pro-components';
import { Alert, Button, Card, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { HandoverDecay } from '../api/types';
import { useDecayPage } from '../modules/handovers/api';
import { listParams, pageSize, positiveInt, LIST_PAGE_SIZES } from '../ui/listQuery';
import { PagedTable } from '../ui/PagedTable';
import { formatDate, formatDateTime } from '../ui/format';
import { useCursorPages } from '../ui/useCursorPages';

/**
 * Cadence breaches after handover (交接后跟进异常): accounts in my scope whose contact cadence
 * broke within 90 days of being handed over, newest handover first — one handover's when the
 * URL names it (`?handover_id=`).
 */
export default function HandoverDecayPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const handoverId = positiveInt(params.get('handover_id'));
  const limit = pageSize(params);
  const pages = useCursorPages(params.toString());
  const page = useDecayPage({ handover_id: handoverId }, limit, pages.cursor);

  const update = (patch: { handover_id?: number; limit?: number }) =>
    setParams(listParams({ handover_id: handoverId, limit, ...patch }), { replace: true });

  return (
    <PageContainer
      title={t('menu.handoverDecay')}
      content={<Typography.Text type="secondary">{t('handover.decay.hint')}</Typography.Text>}
    >
      <Card>
        {handoverId && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="decay-of-handover"
            message={
              <Space wrap>
                {t('handover.decay.ofHandover')}
                <Link to={`/handovers/${handoverId}`}>
                  {t('handover.number', { id: handoverId })}
                </Link>
              </Space>
            }
            action={
              <Button size="small" onClick={() => update({ handover_id: undefined })}>
                {t('handover.decay.showAll')}
              </Button>
            }
          />
        )}
        <PagedTable<HandoverDecay>
          query={page}
          pages={pages}
          pageSize={limit}
          pageSizes={LIST_PAGE_SIZES}
          onPageSizeChange={(size) => update({ limit: size })}
          rowKey={(d) => `${d.handover_id}-${d.customer_id}-${d.kind}-${d.since}`}
          data-testid="decay"
          empty={t('handover.decay.none')}
          columns={[
            {
              key: 'customer',
              title: t('handover.customer'),
              render: (_, d) => <Link to={`/customers/${d.customer_id}`}>{d.customer_name}</Link>,
            },
            {
              key: 'handed_over_at',
              title: t('handover.decay.handedOverAt'),
              render: (_, d) => (
                <Link to={`/handovers/${d.handover_id}`} style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(d.handed_over_at)}
                </Link>
              ),
            },
            { key: 'from', title: t('handover.field.from'), dataIndex: 'from_user_name' },
            {
              key: 'to',
              title: t('handover.successor'),
              render: (_, d) =>
                d.to_user_name ?? (
                  <Typography.Text type="secondary">{t('cadence.noOwner')}</Typography.Text>
                ),
            },
            {
              key: 'kind',
              title: t('cadence.breaches.kind'),
              render: (_, d) => (
                <Tag color={d.kind === 'overdue' ? 'red' : 'orange'}>
                  {t(`cadence.kind.${d.kind}`, { defaultValue: d.kind })}
                </Tag>
              ),
            },
            {
              key: 'since',
              title: t('cadence.breaches.since'),
              render: (_, d) => <span style={{ whiteSpace: 'nowrap' }}>{d.since}</span>,
            },
            {
              key: 'flagged_at',
              title: t('handover.decay.flaggedAt'),
              render: (_, d) => formatDate(d.flagged_at),
            },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
