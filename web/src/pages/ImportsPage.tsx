import { PageContainer } from '@ant-design/pro-components';
import { Card, Col, Row, Segmented, Select, Space, Typography, type TableColumnType } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { ImportKind, ImportRun, ImportStatus } from '../api/types';
import { useCurrentSession } from '../app/sessionContext';
import { useImportRunPage } from '../modules/imports/api';
import { CurrentRunCard } from '../modules/imports/CurrentRunCard';
import { useCurrentImportRun } from '../modules/imports/currentRun';
import { formatDuration } from '../modules/imports/duration';
import { FormatCard } from '../modules/imports/FormatCard';
import { IMPORT_KINDS, IMPORT_STATUSES, progressPercent } from '../modules/imports/formats';
import { StartImportCard } from '../modules/imports/StartImportCard';
import { ImportStatusTag } from '../modules/imports/tags';
import { PagedTable } from '../ui/PagedTable';
import { formatDateTime } from '../ui/format';
import { LIST_PAGE_SIZES, listParams, pageSize } from '../ui/listQuery';
import { useCursorPages } from '../ui/useCursorPages';

/**
 * Data import (数据导入), for those with `data.import` (administrators, KAM specialists):
 * start a CSV import of customers or transactions, follow it, and read every import run,
 * newest first, the command line's included. The history's filters live in the URL; the run
 * started here stays on the page (`currentRun.ts`) until it has ended and is dismissed.
 */
export default function ImportsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const kind = IMPORT_KINDS.find((k) => k === params.get('kind'));
  const status = IMPORT_STATUSES.find((s) => s === params.get('status'));
  const limit = pageSize(params);
  const pages = useCursorPages(params.toString());
  const page = useImportRunPage(kind, status, limit, pages.cursor);
  const [startKind, setStartKind] = useState<ImportKind>('customers');
  const current = useCurrentImportRun(useCurrentSession().user.id);

  const update = (patch: { kind?: string; status?: string; limit?: number }) =>
    setParams(listParams({ kind, status, limit, ...patch }), { replace: true });
  const filtered = kind !== undefined || status !== undefined;

  return (
    <PageContainer
      title={t('menu.imports')}
      content={<Typography.Text type="secondary">{t('imports.hint')}</Typography.Text>}
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <StartImportCard
            kind={startKind}
            onKindChange={setStartKind}
            onStarted={(run) => current.follow(run.id)}
          />
        </Col>
        <Col xs={24} xl={12}>
          {/* The run just started first, where it is seen without scrolling. */}
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            {current.id !== null && (
              <CurrentRunCard key={current.id} id={current.id} onDismiss={current.dismiss} />
            )}
            <FormatCard kind={startKind} />
          </Space>
        </Col>
        <Col span={24}>
          <Card title={t('imports.history')}>
            <div className="kams-toolbar" style={{ marginBottom: 16 }}>
              <Space wrap>
                <Segmented<string>
                  value={kind ?? 'all'}
                  onChange={(v) => update({ kind: v === 'all' ? undefined : v })}
                  options={[
                    { value: 'all', label: t('imports.allKinds') },
                    ...IMPORT_KINDS.map((k) => ({ value: k, label: t(`imports.kind.${k}`) })),
                  ]}
                  data-testid="imports-kind-filter"
                />
                <Select<ImportStatus | 'all'>
                  value={status ?? 'all'}
                  onChange={(v) => update({ status: v === 'all' ? undefined : v })}
                  options={[
                    { value: 'all', label: t('imports.allStatuses') },
                    ...IMPORT_STATUSES.map((s) => ({
                      value: s,
                      label: t(`imports.status.${s}`),
                    })),
                  ]}
                  style={{ minWidth: 140 }}
                  aria-label={t('imports.field.status')}
                  data-testid="imports-status-filter"
                />
              </Space>
            </div>
            <PagedTable<ImportRun>
              query={page}
              pages={pages}
              pageSize={limit}
              pageSizes={LIST_PAGE_SIZES}
              onPageSizeChange={(size) => update({ limit: size })}
              loading={page.isPending || page.isPlaceholderData}
              rowKey="id"
              data-testid="import-runs"
              onRow={(run) => ({
                onClick: () => void navigate(`/imports/${run.id}`),
                style: { cursor: 'pointer' },
              })}
              empty={filtered ? t('imports.noneMatching') : t('imports.none')}
              columns={importRunColumns(t)}
            />
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}

/** An import run's columns; the file name links to the run (a click on the row opens it too). */
function importRunColumns(t: TFunction): TableColumnType<ImportRun>[] {
  return [
    {
      key: 'kind',
      title: t('imports.field.kind'),
      render: (_, run) => t(`imports.kind.${run.kind}`),
    },
    {
      key: 'file',
      title: t('imports.field.file'),
      render: (_, run) => (
        <Link
          to={`/imports/${run.id}`}
          onClick={(e) => e.stopPropagation()}
          data-testid={`import-${run.id}`}
          style={{ whiteSpace: 'nowrap' }}
        >
          {run.file_name || t('imports.noFileName')}
        </Link>
      ),
    },
    {
      key: 'status',
      title: t('imports.field.status'),
      render: (_, run) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          <ImportStatusTag status={run.status} />
          {run.status === 'running' && (
            <Typography.Text type="secondary">{progressPercent(run)}%</Typography.Text>
          )}
        </span>
      ),
    },
    {
      key: 'rows',
      title: t('imports.field.rows'),
      align: 'right',
      dataIndex: 'rows',
    },
    {
      key: 'imported',
      title: t('imports.field.imported'),
      align: 'right',
      dataIndex: 'imported',
    },
    {
      key: 'rejected',
      title: t('imports.field.rejected'),
      align: 'right',
      render: (_, run) =>
        run.rejected > 0 ? (
          <Typography.Text type="danger">{run.rejected}</Typography.Text>
        ) : (
          run.rejected
        ),
    },
    {
      key: 'by',
      title: t('imports.field.by'),
      render: (_, run) =>
        run.created_by === null ? (
          <Typography.Text type="secondary">{t('imports.commandLine')}</Typography.Text>
        ) : (
          run.created_by_name
        ),
    },
    {
      key: 'started_at',
      title: t('imports.field.started_at'),
      render: (_, run) => (
        <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(run.started_at) || '—'}</span>
      ),
    },
    {
      key: 'duration',
      title: t('imports.field.duration'),
      align: 'right',
      render: (_, run) => (run.started_at === null ? '—' : formatDuration(t, run.seconds)),
    },
  ];
}
