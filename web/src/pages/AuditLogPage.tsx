import { PageContainer } from '@ant-design/pro-components';
import { Button, Card, DatePicker, Descriptions, Select, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { AuditRecord } from '../api/types';
import { useCurrentSession } from '../app/sessionContext';
import {
  ACTION_GROUPS,
  DENIED_ACTION,
  EXPORT_ACTION,
  actionLabel,
  entityLabel,
} from '../modules/audit/actions';
import { useAuditPage } from '../modules/audit/api';
import { changeText, summaryText } from '../modules/audit/describe';
import { auditFilters, auditParams, hasFilters, type AuditFilters } from '../modules/audit/query';
import { isShownChange } from '../modules/history/display';
import { UserSelect } from '../modules/users/UserSelect';
import { PagedTable } from '../ui/PagedTable';
import { DebouncedInput } from '../ui/DebouncedInput';
import { formatDateTime } from '../ui/format';
import { LIST_PAGE_SIZES, pageSize, positiveInt } from '../ui/listQuery';
import { useCursorPages } from '../ui/useCursorPages';

const QUICK_FILTERS = [
  { action: EXPORT_ACTION, labelKey: 'audit.exports', testId: 'audit-quick-exports' },
  { action: DENIED_ACTION, labelKey: 'audit.refusals', testId: 'audit-quick-refusals' },
] as const;

/** Everything a record holds, for its expanded row: every change, the request and client. */
function RecordDetails({ record }: { record: AuditRecord }) {
  const { t } = useTranslation();
  const changes = record.changes.filter(isShownChange);
  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }}>
      {changes.length > 0 && (
        <ul
          style={{ margin: 0, paddingInlineStart: 20 }}
          data-testid={`audit-changes-${record.id}`}
        >
          {changes.map((c) => (
            <li key={c.field}>{changeText(t, c)}</li>
          ))}
        </ul>
      )}
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'request', label: t('audit.field.request_id'), children: record.request_id },
          { key: 'client', label: t('audit.field.client_addr'), children: record.client_addr },
          { key: 'id', label: '#', children: record.id },
        ]}
      />
    </Space>
  );
}

/**
 * The audit log (审计日志), newest first, for administrators and KAM specialists (`audit.read`):
 * every change, export, import, sign-in and refusal, filtered by action, actor, customer and
 * days. The filters live in the URL, so a link shows the same rows.
 */
export default function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const { access } = useCurrentSession();
  const [params, setParams] = useSearchParams();
  const filters = auditFilters(params);
  const limit = pageSize(params);
  const pages = useCursorPages(auditParams(filters, limit).toString());
  const page = useAuditPage(filters, limit, pages.cursor);
  const items = page.data?.items ?? [];
  const filtered = hasFilters(filters);

  const update = (patch: Partial<AuditFilters> & { limit?: number }) => {
    const { limit: nextLimit = limit, ...rest } = patch;
    setParams(auditParams({ ...filters, ...rest }, nextLimit), { replace: true });
  };

  // Either end may be open (a link with only `from`, say).
  const range: [Dayjs | null, Dayjs | null] | null =
    filters.from || filters.to
      ? [filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]
      : null;

  return (
    <PageContainer
      title={t('menu.auditLog')}
      content={<Typography.Text type="secondary">{t('audit.hint')}</Typography.Text>}
    >
      <Card>
        <div className="kams-toolbar" style={{ marginBottom: 16 }} data-testid="audit-filters">
          <Space.Compact>
            {QUICK_FILTERS.map((q) => {
              const on = filters.action === q.action;
              return (
                <Button
                  key={q.action}
                  type={on ? 'primary' : 'default'}
                  aria-pressed={on}
                  onClick={() => update({ action: on ? undefined : q.action })}
                  data-testid={q.testId}
                >
                  {t(q.labelKey)}
                </Button>
              );
            })}
          </Space.Compact>
          <Select<string>
            aria-label={t('audit.field.action')}
            value={filters.action}
            onChange={(action) => update({ action })}
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('audit.allActions')}
            style={{ width: 220 }}
            popupMatchSelectWidth={false}
            data-testid="audit-action-filter"
            options={ACTION_GROUPS.map((g) => ({
              label: t(`audit.group.${g.key}`),
              title: t(`audit.group.${g.key}`),
              options: g.actions.map((a) => ({ value: a, label: actionLabel(t, a) })),
            }))}
          />
          {access.can('user.read') ? (
            <div style={{ width: 220 }}>
              <UserSelect
                value={filters.actor_id ?? null}
                onChange={(id) => update({ actor_id: id ?? undefined })}
                placeholder={t('audit.actor')}
                valueLabel={items.find((r) => r.actor_id === filters.actor_id)?.actor_name}
                data-testid="audit-actor-filter"
              />
            </div>
          ) : (
            <DebouncedInput
              value={filters.actor_id ? String(filters.actor_id) : ''}
              onChange={(text) => update({ actor_id: positiveInt(text) })}
              placeholder={t('audit.actor')}
              aria-label={t('audit.actor')}
              style={{ width: 140 }}
              data-testid="audit-actor-filter"
            />
          )}
          <DatePicker.RangePicker
            aria-label={t('audit.period')}
            value={range}
            allowEmpty={[true, true]}
            onChange={(days) =>
              update({
                from: days?.[0]?.format('YYYY-MM-DD'),
                to: days?.[1]?.format('YYYY-MM-DD'),
              })
            }
            style={{ width: 260 }}
            data-testid="audit-period"
          />
          <DebouncedInput
            value={filters.customer_id ? String(filters.customer_id) : ''}
            onChange={(text) => update({ customer_id: positiveInt(text) })}
            placeholder={t('audit.customerId')}
            aria-label={t('audit.customerId')}
            style={{ width: 140 }}
            data-testid="audit-customer-filter"
          />
          {filtered && (
            <Button
              onClick={() => setParams(auditParams({}, limit), { replace: true })}
              data-testid="audit-clear"
            >
              {t('audit.clear')}
            </Button>
          )}
        </div>
        <PagedTable<AuditRecord>
          query={page}
          pages={pages}
          pageSize={limit}
          pageSizes={LIST_PAGE_SIZES}
          onPageSizeChange={(size) => update({ limit: size })}
          rowKey="id"
          data-testid="audit-log"
          rowClassName={(r) => `audit-row-${r.id}`}
          expandable={{
            expandedRowRender: (r) => <RecordDetails record={r} />,
          }}
          empty={filtered ? t('audit.noMatch') : t('audit.none')}
          columns={[
            {
              key: 'at',
              title: t('audit.field.at'),
              render: (_, r) => (
                <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.at)}</span>
              ),
            },
            {
              key: 'actor',
              title: t('audit.field.actor'),
              render: (_, r) => (
                <Typography.Text strong={r.actor_id !== null}>
                  {r.actor_name || t('history.system')}
                </Typography.Text>
              ),
            },
            {
              key: 'action',
              title: t('audit.field.action'),
              render: (_, r) => (
                <Tag
                  color={
                    r.action.startsWith('access.') || r.action === 'auth.login_failed'
                      ? 'red'
                      : r.action === EXPORT_ACTION
                        ? 'blue'
                        : undefined
                  }
                >
                  {actionLabel(t, r.action)}
                </Tag>
              ),
            },
            {
              key: 'entity',
              title: t('audit.field.entity'),
              render: (_, r) => (
                <span style={{ whiteSpace: 'nowrap' }}>
                  {entityLabel(t, r.entity)}
                  {r.entity_id !== null && ` #${r.entity_id}`}
                </span>
              ),
            },
            {
              key: 'customer',
              title: t('audit.field.customer'),
              render: (_, r) =>
                r.customer_id !== null && (
                  <Link to={`/customers/${r.customer_id}`} style={{ whiteSpace: 'nowrap' }}>
                    {t('audit.customer', { id: r.customer_id })}
                  </Link>
                ),
            },
            {
              key: 'changes',
              title: t('audit.field.changes'),
              render: (_, r) => (
                <Typography.Text
                  style={{ display: 'block', maxWidth: 420 }}
                  data-testid={`audit-summary-${r.id}`}
                >
                  {summaryText(t, r, i18n.language)}
                </Typography.Text>
              ),
            },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
