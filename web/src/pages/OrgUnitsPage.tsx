import { PlusOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { Button, Card, Empty, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgUnit } from '../api/types';
import { ApprovalChainCard } from '../modules/nominations/ApprovalChainCard';
import { useDeleteOrgUnit, useOrgUnits } from '../modules/orgUnits/api';
import { OrgUnitFormModal } from '../modules/orgUnits/OrgUnitFormModal';
import { orgUnitTree, type OrgUnitNode } from '../modules/orgUnits/tree';
import { ErrorState } from '../ui/ErrorState';
import { PageLoading } from '../ui/PageLoading';

type Row = OrgUnit & { children?: Row[] };
type Target = { unit?: OrgUnit; parentId?: number | null } | null;

/** Table rows with `children` only where there are some (antd shows an expander for any). */
function toRows(nodes: OrgUnitNode[]): Row[] {
  return nodes.map((n) =>
    n.children.length ? { ...n.unit, children: toRows(n.children) } : { ...n.unit },
  );
}

export default function OrgUnitsPage() {
  const { t } = useTranslation();
  const units = useOrgUnits();
  const remove = useDeleteOrgUnit();
  const [target, setTarget] = useState<Target>(null);

  return (
    <PageContainer
      title={t('menu.orgUnits')}
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setTarget({ parentId: null })}
        >
          {t('orgUnits.add')}
        </Button>
      }
    >
      <Card>
        {units.isError ? (
          <ErrorState error={units.error} onRetry={() => void units.refetch()} />
        ) : units.isPending ? (
          <PageLoading />
        ) : (
          <Table<Row>
            rowKey="id"
            size="middle"
            dataSource={toRows(orgUnitTree(units.data))}
            pagination={false}
            expandable={{ defaultExpandAllRows: true }}
            locale={{ emptyText: <Empty description={t('orgUnits.none')} /> }}
            columns={[
              { key: 'name', dataIndex: 'name', title: t('orgUnit.field.name') },
              {
                key: 'kind',
                title: t('orgUnit.field.kind'),
                render: (_, u) => (
                  <Tag>{t(`orgUnit.kind.${u.kind}`, { defaultValue: u.kind })}</Tag>
                ),
              },
              {
                key: 'actions',
                title: t('common.actions'),
                render: (_, u) => (
                  <Space size={0}>
                    <Button type="link" size="small" onClick={() => setTarget({ parentId: u.id })}>
                      {t('orgUnits.addChild')}
                    </Button>
                    <Button type="link" size="small" onClick={() => setTarget({ unit: u })}>
                      {t('common.edit')}
                    </Button>
                    <Popconfirm
                      title={t('orgUnits.confirmDelete', { name: u.name })}
                      onConfirm={() => remove.mutate(u)}
                    >
                      <Button
                        type="link"
                        size="small"
                        danger
                        disabled={Boolean(u.children?.length)}
                      >
                        {t('common.delete')}
                      </Button>
                    </Popconfirm>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Card>
      <div style={{ marginTop: 16 }}>
        <ApprovalChainCard />
      </div>
      <OrgUnitFormModal target={target} onClose={() => setTarget(null)} />
    </PageContainer>
  );
}
