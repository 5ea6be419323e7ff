import { DeleteOutlined, EditOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Card, Popconfirm, Space, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contract } from '../../api/types';
import { useCurrentSession } from '../../app/sessionContext';
import { LIST_PAGE_SIZES } from '../../ui/listQuery';
import { PagedTable } from '../../ui/PagedTable';
import { useCursorPages } from '../../ui/useCursorPages';
import { formatFen } from '../customers/money';
import { businessToday } from '../interactions/nextStep';
import { useContractPage, useDeleteContract } from './api';
import { ContractFormModal } from './ContractFormModal';
import { ContractStateTag } from './ContractStateTag';
import { TerminateContractModal } from './TerminateContractModal';

type Dialog =
  { kind: 'edit'; contract?: Contract } | { kind: 'terminate'; contract: Contract } | null;

/**
 * The customer's contracts (合同), latest start first, paged: number, title, state (expired
 * and ending soon worked out for today), period, signed day and value. Those with
 * contract.write record, change, terminate and delete them.
 */
export function ContractsTab({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const { access } = useCurrentSession();
  const [limit, setLimit] = useState<number>(LIST_PAGE_SIZES[0]);
  const pages = useCursorPages(String(limit));
  const page = useContractPage(customerId, limit, pages.cursor);
  const remove = useDeleteContract(customerId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const canWrite = access.can('contract.write');
  const today = businessToday();

  const columns: ColumnsType<Contract> = [
    {
      key: 'number',
      title: t('contract.field.number'),
      render: (_, c) => <Typography.Text strong>{c.number}</Typography.Text>,
    },
    { key: 'title', title: t('contract.field.title'), dataIndex: 'title' },
    {
      key: 'state',
      title: t('contract.field.status'),
      render: (_, c) => <ContractStateTag contract={c} today={today} />,
    },
    {
      key: 'period',
      title: t('contracts.periodColumn'),
      render: (_, c) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {t('contracts.period', {
            starts: c.starts_on,
            ends: c.ends_on ?? t('contracts.openEnded'),
          })}
        </span>
      ),
    },
    {
      key: 'signed_on',
      title: t('contract.field.signed_on'),
      render: (_, c) => <span style={{ whiteSpace: 'nowrap' }}>{c.signed_on ?? ''}</span>,
    },
    {
      key: 'amount',
      title: t('contract.field.amount'),
      align: 'right',
      render: (_, c) => (c.amount_fen === null ? '' : formatFen(c.amount_fen)),
    },
  ];
  if (canWrite) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      render: (_, c) => (
        <Space size={0}>
          <Tooltip title={t('common.edit')}>
            <Button
              size="small"
              type="link"
              icon={<EditOutlined />}
              aria-label={t('contracts.editLabel', { number: c.number })}
              onClick={() => setDialog({ kind: 'edit', contract: c })}
              data-testid={`contract-edit-${c.id}`}
            />
          </Tooltip>
          {c.status === 'active' && (
            <Button
              size="small"
              type="link"
              danger
              icon={<StopOutlined />}
              aria-label={t('contracts.terminateLabel', { number: c.number })}
              onClick={() => setDialog({ kind: 'terminate', contract: c })}
              data-testid={`contract-terminate-${c.id}`}
            >
              {t('contracts.terminate')}
            </Button>
          )}
          <Popconfirm
            title={t('contracts.confirmDelete', { number: c.number })}
            description={t('contracts.deleteHint')}
            okText={t('common.delete')}
            okButtonProps={{ danger: true, 'data-testid': 'contract-delete-ok' }}
            cancelText={t('common.cancel')}
            onConfirm={() => remove.mutate(c)}
          >
            <Button
              size="small"
              type="link"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('contracts.deleteLabel', { number: c.number })}
              data-testid={`contract-delete-${c.id}`}
            />
          </Popconfirm>
        </Space>
      ),
    });
  }

  return (
    <Card
      title={t('dossier.tab.contracts')}
      extra={
        canWrite && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setDialog({ kind: 'edit' })}
            data-testid="contract-add"
          >
            {t('contracts.add')}
          </Button>
        )
      }
    >
      <PagedTable<Contract>
        query={page}
        pages={pages}
        pageSize={limit}
        pageSizes={LIST_PAGE_SIZES}
        onPageSizeChange={setLimit}
        rowKey="id"
        size="small"
        data-testid="contracts"
        empty={t('contracts.none')}
        columns={columns}
      />
      {dialog?.kind === 'edit' && (
        <ContractFormModal
          customerId={customerId}
          contract={dialog.contract}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'terminate' && (
        <TerminateContractModal
          customerId={customerId}
          contract={dialog.contract}
          onClose={() => setDialog(null)}
        />
      )}
    </Card>
  );
}
