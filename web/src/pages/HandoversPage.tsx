import { SwapOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { Button, Card, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Handover } from '../api/types';
import { useCurrentSession } from '../app/sessionContext';
import { useHandoverPage } from '../modules/handovers/api';
import { listParams, pageSize, positiveInt, LIST_PAGE_SIZES } from '../ui/listQuery';
import { HANDOVER_KINDS, totalCount } from '../modules/handovers/order';
import { UserSelect } from '../modules/users/UserSelect';
import { PagedTable } from '../ui/PagedTable';
import { formatDateTime } from '../ui/format';
import { useCursorPages } from '../ui/useCursorPages';

/**
 * Handovers (交接记录), newest first: who left, who did it and when, how much moved to whom.
 * Administrators, executives and KAM specialists see all; directors those of their units.
 */
export default function HandoversPage() {
  const { t } = useTranslation();
  const { access } = useCurrentSession();
  const [params, setParams] = useSearchParams();
  const userId = positiveInt(params.get('user_id'));
  const limit = pageSize(params);
  const pages = useCursorPages(params.toString());
  const page = useHandoverPage({ user_id: userId }, limit, pages.cursor);
  const items = page.data?.items ?? [];

  const update = (patch: { user_id?: number; limit?: number }) =>
    setParams(listParams({ user_id: userId, limit, ...patch }), { replace: true });

  return (
    <PageContainer
      title={t('menu.handovers')}
      content={<Typography.Text type="secondary">{t('handover.listHint')}</Typography.Text>}
      extra={
        <Space wrap>
          <Link to="/handovers/decay">{t('menu.handoverDecay')}</Link>
          {access.can('user.handover') && (
            <Link to="/handovers/new">
              <Button type="primary" icon={<SwapOutlined />} data-testid="new-handover">
                {t('handover.new')}
              </Button>
            </Link>
          )}
        </Space>
      }
    >
      <Card>
        {access.can('user.read') && (
          <div className="kams-toolbar" style={{ marginBottom: 16 }}>
            <div style={{ width: 260 }}>
              <UserSelect
                value={userId ?? null}
                onChange={(id) => update({ user_id: id ?? undefined })}
                placeholder={t('handover.filterLeaving')}
                valueLabel={items.find((h) => h.from_user_id === userId)?.from_user_name}
                data-testid="handover-user-filter"
              />
            </div>
          </div>
        )}
        <PagedTable<Handover>
          query={page}
          pages={pages}
          pageSize={limit}
          pageSizes={LIST_PAGE_SIZES}
          onPageSizeChange={(size) => update({ limit: size })}
          rowKey="id"
          data-testid="handovers"
          empty={userId ? t('handover.noneOfUser') : t('handover.none')}
          columns={[
            {
              key: 'at',
              title: t('handover.field.at'),
              render: (_, h) => (
                <Link to={`/handovers/${h.id}`} style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(h.at)}
                </Link>
              ),
            },
            {
              key: 'from',
              title: t('handover.field.from'),
              render: (_, h) => <Typography.Text strong>{h.from_user_name}</Typography.Text>,
            },
            {
              key: 'to',
              title: t('handover.field.to'),
              render: (_, h) => (
                <Space size={[4, 4]} wrap style={{ maxWidth: 320 }}>
                  {h.successors.map((s) => (
                    <Tag key={s.user_id}>{s.display_name}</Tag>
                  ))}
                </Space>
              ),
            },
            {
              key: 'moved',
              title: t('handover.moved'),
              render: (_, h) => (
                <Space direction="vertical" size={0}>
                  <Typography.Text>
                    {t('handover.movedCount', { count: totalCount(h.counts) })}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {HANDOVER_KINDS.filter((k) => h.counts[k] > 0)
                      .map((k) => `${t(`handover.kind.${k}`)} ${h.counts[k]}`)
                      .join(t('common.listSeparator'))}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              key: 'mode',
              title: t('handover.field.mode'),
              render: (_, h) => t(`handover.mode.${h.mode}`),
            },
            { key: 'actor', title: t('handover.field.actor'), dataIndex: 'actor_name' },
            {
              key: 'open',
              title: t('common.actions'),
              render: (_, h) => (
                <Link to={`/handovers/${h.id}`} data-testid={`handover-${h.id}`}>
                  {t('handover.details')}
                </Link>
              ),
            },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
