import { Card, Collapse, Empty, Space, Spin, Typography, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Nomination } from '../../api/types';
import { ErrorState } from '../../ui/ErrorState';
import { formatDateTime } from '../../ui/format';
import { useNomination, useNominationPages } from './api';
import { StepsTimeline } from './StepsTimeline';
import { Metrics, NominationStatusTag, Proposal, WaitingFor } from './tags';

/** One request's steps, read when its panel opens (lists carry no steps). */
function Steps({ id }: { id: number }) {
  const nomination = useNomination(id);
  if (nomination.isError) {
    return <ErrorState error={nomination.error} onRetry={() => void nomination.refetch()} />;
  }
  if (!nomination.data) return <Spin />;
  return <StepsTimeline nomination={nomination.data} />;
}

function Header({ nomination: n }: { nomination: Nomination }) {
  const { t } = useTranslation();
  return (
    <Space wrap size={[8, 4]}>
      <NominationStatusTag status={n.status} />
      <Proposal nomination={n} />
      <Typography.Text type="secondary">
        {`${n.nominator_name} · ${formatDateTime(n.created_at)}`}
      </Typography.Text>
      {n.status === 'pending' && <WaitingFor nomination={n} />}
      <Link to={`/nominations/${n.id}`} onClick={(e) => e.stopPropagation()}>
        {t('nomination.number', { id: n.id })}
      </Link>
    </Space>
  );
}

/** The dossier's requests about this customer, newest first, each with its steps. */
export function CustomerNominations({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const pages = useNominationPages({ box: 'all', customerId });
  if (pages.isError) return <ErrorState error={pages.error} onRetry={() => void pages.refetch()} />;
  const rows = pages.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card
      title={t('dossier.tab.nominations')}
      loading={pages.isPending}
      data-testid="customer-nominations"
    >
      {rows.length === 0 ? (
        <Empty description={t('nomination.customerEmpty')} />
      ) : (
        <Collapse
          defaultActiveKey={rows[0] ? [rows[0].id] : []}
          items={rows.map((n) => ({
            key: n.id,
            label: <Header nomination={n} />,
            children: (
              <>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
                  {n.reason}
                </Typography.Paragraph>
                <Metrics nomination={n} inline />
                <Steps id={n.id} />
              </>
            ),
          }))}
        />
      )}
      {pages.hasNextPage && (
        <Button
          block
          style={{ marginTop: 12 }}
          onClick={() => void pages.fetchNextPage()}
          loading={pages.isFetchingNextPage}
        >
          {t('common.loadMore')}
        </Button>
      )}
    </Card>
  );
}
