import { PageContainer } from '@ant-design/pro-components';
import { Card, Segmented, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { BreachKind, CadenceBreach } from '../api/types';
import { useCurrentSession } from '../app/sessionContext';
import { BREACH_KINDS, useBreachPage } from '../modules/cadence/api';
import {
  BREACH_PAGE_SIZES,
  breachQueryParams,
  parseBreachQuery,
  type BreachQuery,
} from '../modules/cadence/breachQuery';
import { breachText, ruleText } from '../modules/cadence/describe';
import { OrgUnitSelect } from '../modules/orgUnits/OrgUnitSelect';
import { TierTag } from '../modules/tiering/tags';
import { UserSelect } from '../modules/users/UserSelect';
import { PagedTable } from '../ui/PagedTable';
import { formatDate } from '../ui/format';
import { useCursorPages } from '../ui/useCursorPages';

/**
 * Cadence breaches (跟进异常) in my scope, for directors, KAM specialists and administrators:
 * accounts overdue for contact or contacted too often, oldest first, by kind, KAM or unit.
 */
export default function CadenceBreachesPage() {
  const { t } = useTranslation();
  const { access } = useCurrentSession();
  const [params, setParams] = useSearchParams();
  const query = parseBreachQuery(params);
  const { limit, ...filter } = query;
  const pages = useCursorPages(params.toString());
  const page = useBreachPage(filter, limit, pages.cursor);
  const filtered = Boolean(filter.kind || filter.owner_id || filter.org_unit_id);

  const update = (patch: Partial<BreachQuery>) =>
    setParams(breachQueryParams({ ...query, ...patch }), { replace: true });

  const colon = t('common.colon');
  return (
    <PageContainer
      title={t('menu.cadenceBreaches')}
      content={<Typography.Text type="secondary">{t('cadence.breaches.hint')}</Typography.Text>}
    >
      <Card>
        <div className="kams-toolbar" style={{ marginBottom: 16 }}>
          <Segmented<string>
            value={query.kind ?? 'all'}
            onChange={(v) => update({ kind: v === 'all' ? undefined : (v as BreachKind) })}
            options={[
              { value: 'all', label: t('cadence.allKinds') },
              ...BREACH_KINDS.map((k) => ({ value: k, label: t(`cadence.kind.${k}`) })),
            ]}
            data-testid="breach-kind"
          />
          {access.can('user.read') && (
            <div style={{ width: 220 }}>
              <UserSelect
                value={query.owner_id ?? null}
                onChange={(id) => update({ owner_id: id ?? undefined })}
                placeholder={t('cadence.breaches.ownerFilter')}
                valueLabel={page.data?.items.find((b) => b.owner_id === query.owner_id)?.owner_name}
                data-testid="breach-owner"
              />
            </div>
          )}
          <div style={{ width: 220 }}>
            <OrgUnitSelect
              value={query.org_unit_id ?? null}
              onChange={(id) => update({ org_unit_id: id ?? undefined })}
              allowClear
            />
          </div>
        </div>
        <PagedTable<CadenceBreach>
          query={page}
          pages={pages}
          pageSize={limit}
          pageSizes={BREACH_PAGE_SIZES}
          onPageSizeChange={(size) => update({ limit: size })}
          rowKey={(b) => `${b.customer_id}-${b.kind}`}
          data-testid="breaches"
          empty={filtered ? t('cadence.breaches.noneOfKind') : t('cadence.breaches.none')}
          columns={[
            {
              key: 'customer',
              title: t('cadence.breaches.customer'),
              render: (_, b) => (
                <Space size={4} wrap style={{ minWidth: 200 }}>
                  <Link to={`/customers/${b.customer_id}`}>{b.customer_name}</Link>
                  {b.tier && <TierTag tier={b.tier} />}
                </Space>
              ),
            },
            {
              key: 'detail',
              title: t('cadence.breaches.detail'),
              render: (_, b) => (
                <Space direction="vertical" size={2}>
                  <Tag color={b.kind === 'overdue' ? 'red' : 'orange'}>{breachText(t, b)}</Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('cadence.lastContact')}
                    {colon}
                    {b.last_contact_at
                      ? formatDate(b.last_contact_at)
                      : t('cadence.neverContacted')}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              key: 'rule',
              title: t('cadence.breaches.rule'),
              render: (_, b) => (
                <Typography.Paragraph
                  type="secondary"
                  style={{ fontSize: 12, margin: 0, width: 200 }}
                >
                  {ruleText(t, b)}
                </Typography.Paragraph>
              ),
            },
            {
              key: 'since',
              title: t('cadence.breaches.since'),
              render: (_, b) => <span style={{ whiteSpace: 'nowrap' }}>{b.since}</span>,
            },
            {
              key: 'owner',
              title: t('cadence.breaches.owner'),
              render: (_, b) =>
                b.owner_name ?? (
                  <Typography.Text type="secondary">{t('cadence.noOwner')}</Typography.Text>
                ),
            },
            {
              key: 'escalated',
              title: t('cadence.escalated'),
              render: (_, b) =>
                b.notified_director_at ? <Tag>{formatDate(b.notified_director_at)}</Tag> : '—',
            },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
