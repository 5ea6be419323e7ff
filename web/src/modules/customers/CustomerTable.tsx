import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Space, Table, Tag, Tooltip, type TableColumnType } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Customer } from '../../api/types';
import { formatDateTime } from '../../ui/format';
import type { SortField, SortParam } from './listQuery';
import { DEFAULT_SORT, SORTABLE } from './listQuery';
import { formatFen } from './money';
import { StageTag } from './StageTag';
import { ColumnSettingsButton } from './ColumnSettingsButton';
import { useColumnSettings, type ColumnSettings } from './useColumnSettings';

type Props = {
  customers: Customer[];
  loading: boolean;
  sort: SortParam;
  onSortChange: (sort: SortParam) => void;
  onReload: () => void;
  orgUnitName: (id: number) => string | undefined;
  toolbar: ReactNode;
  /** Actions on the whole list beside reload and columns (e.g. export); what the user may do. */
  actions?: ReactNode;
  footer: ReactNode;
  empty: ReactNode;
};

const DEFAULT_SETTINGS: ColumnSettings = {
  hidden: ['id', 'phone', 'credit_code', 'annual_revenue_fen', 'created_at'],
};

function sortOrder(sort: SortParam, field: SortField) {
  if (sort === field) return 'ascend' as const;
  if (sort === `-${field}`) return 'descend' as const;
  return null;
}

function columns(
  t: TFunction,
  sort: SortParam,
  orgUnitName: Props['orgUnitName'],
): TableColumnType<Customer>[] {
  const sortable = (field: SortField) => ({ sorter: true, sortOrder: sortOrder(sort, field) });
  return [
    { key: 'id', dataIndex: 'id', title: 'ID', width: 80, ...sortable('id') },
    {
      key: 'name',
      dataIndex: 'name',
      title: t('customer.field.name'),
      fixed: 'left',
      width: 260,
      ellipsis: true,
      ...sortable('name'),
      render: (_: unknown, c: Customer) => <Link to={`/customers/${c.id}`}>{c.name}</Link>,
    },
    {
      key: 'stage',
      dataIndex: 'stage',
      title: t('customer.field.stage'),
      width: 100,
      render: (_: unknown, c: Customer) => <StageTag stage={c.stage} />,
    },
    {
      key: 'is_key_account',
      dataIndex: 'is_key_account',
      title: t('customer.field.is_key_account'),
      width: 96,
      render: (_: unknown, c: Customer) =>
        c.is_key_account ? <Tag color="gold">{t('customer.keyAccount')}</Tag> : null,
    },
    {
      key: 'tier',
      dataIndex: 'tier',
      title: t('customer.field.tier'),
      width: 90,
      render: (_: unknown, c: Customer) =>
        c.tier ? t(`customer.tier.${c.tier}`, { defaultValue: c.tier }) : null,
    },
    {
      key: 'owner',
      dataIndex: 'owner_id',
      title: t('customer.field.owner_id'),
      width: 110,
      render: (_: unknown, c: Customer) => c.owner_name ?? (c.owner_id ? `#${c.owner_id}` : null),
    },
    {
      key: 'org_unit',
      dataIndex: 'org_unit_id',
      title: t('customer.field.org_unit_id'),
      width: 120,
      ellipsis: true,
      render: (_: unknown, c: Customer) =>
        c.org_unit_name ?? orgUnitName(c.org_unit_id) ?? `#${c.org_unit_id}`,
    },
    {
      key: 'region',
      dataIndex: 'region',
      title: t('customer.field.region'),
      width: 120,
      ellipsis: true,
    },
    {
      key: 'industry',
      dataIndex: 'industry',
      title: t('customer.field.industry'),
      width: 100,
      ellipsis: true,
    },
    { key: 'phone', dataIndex: 'phone', title: t('customer.field.phone'), width: 140 },
    {
      key: 'credit_code',
      dataIndex: 'credit_code',
      title: t('customer.field.credit_code'),
      width: 190,
    },
    {
      key: 'annual_revenue_fen',
      dataIndex: 'annual_revenue_fen',
      title: t('customer.field.annual_revenue_fen'),
      width: 170,
      align: 'right',
      render: (_: unknown, c: Customer) =>
        c.annual_revenue_fen == null ? null : formatFen(c.annual_revenue_fen),
    },
    {
      key: 'updated_at',
      dataIndex: 'updated_at',
      title: t('customer.field.updated_at'),
      width: 160,
      ...sortable('updated_at'),
      render: (_: unknown, c: Customer) => formatDateTime(c.updated_at),
    },
    {
      key: 'created_at',
      dataIndex: 'created_at',
      title: t('customer.field.created_at'),
      width: 160,
      ...sortable('created_at'),
      render: (_: unknown, c: Customer) => formatDateTime(c.created_at),
    },
  ];
}

function nextSort(sorter: SorterResult<Customer>): SortParam | undefined {
  const field = sorter.columnKey;
  if (!sorter.order || (field !== 'id' && !SORTABLE.some((s) => s === field))) return undefined;
  return (sorter.order === 'descend' ? `-${String(field)}` : String(field)) as SortParam;
}

/** The customer list as a table: server-side sort, column choice kept per user. */
export function CustomerTable(props: Props) {
  const { t } = useTranslation();
  const settings = useColumnSettings(DEFAULT_SETTINGS);
  const all = columns(t, props.sort, props.orgUnitName);
  const hidden = new Set(settings.value.hidden);
  const optional = all
    .filter((c) => c.key !== 'name')
    .map((c) => ({ key: String(c.key), title: String(c.title) }));

  return (
    <Card styles={{ body: { paddingBlock: 16 } }}>
      <Flex justify="space-between" align="start" gap={12} style={{ marginBottom: 16 }}>
        {props.toolbar}
        <Space>
          {props.actions}
          <Tooltip title={t('common.refresh')}>
            <Button
              icon={<ReloadOutlined />}
              aria-label={t('common.refresh')}
              onClick={props.onReload}
            />
          </Tooltip>
          <ColumnSettingsButton
            columns={optional}
            value={settings.value}
            defaults={DEFAULT_SETTINGS}
            onChange={settings.onChange}
          />
        </Space>
      </Flex>
      <Table<Customer>
        rowKey="id"
        columns={all.filter((c) => !hidden.has(String(c.key)))}
        dataSource={props.customers}
        loading={props.loading}
        pagination={false}
        size="middle"
        scroll={{ x: 1100 }}
        tableLayout="fixed"
        onChange={(_pagination, _filters, sorter) => {
          if (Array.isArray(sorter)) return;
          props.onSortChange(nextSort(sorter) ?? DEFAULT_SORT);
        }}
        locale={{ emptyText: props.empty }}
        footer={() => props.footer}
      />
    </Card>
  );
}
