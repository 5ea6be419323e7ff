import { PlusOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Button, Card, Empty, Popconfirm, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '../api/client';
import type { TierScheme, TierSchemePatch } from '../api/types';
import { useCurrentSession } from '../app/sessionContext';
import { useTierSchemes, useUpdateTierScheme } from '../modules/tiering/api';
import { readDefinition } from '../modules/tiering/definition';
import { describeDefinition } from '../modules/tiering/labels';
import { SchemeKindTag } from '../modules/tiering/tags';
import { ErrorState } from '../ui/ErrorState';
import { formatDateTime } from '../ui/format';

/** Every tier scheme, with its settings; switches and "new" for those who manage tiering. */
export default function TierSchemesPage() {
  const { t } = useTranslation();
  const { access } = useCurrentSession();
  const navigate = useNavigate();
  const schemes = useTierSchemes();
  const update = useUpdateTierScheme();
  // A switch refused because someone changed the scheme meanwhile (412): its name.
  const [stale, setStale] = useState<string | null>(null);
  const canManage = access.can('tiering.manage');

  const change = async (scheme: TierScheme, patch: TierSchemePatch) => {
    setStale(null);
    try {
      await update.mutateAsync({ scheme, patch });
    } catch (e) {
      if (isApiError(e) && e.isStaleVersion) {
        setStale(scheme.name);
        await schemes.refetch();
      }
    }
  };
  const pending = (s: TierScheme) => update.isPending && update.variables?.scheme.id === s.id;

  return (
    <PageContainer
      title={t('menu.tierSchemes')}
      extra={
        canManage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => void navigate('/tier-schemes/new')}
          >
            {t('tiering.add')}
          </Button>
        )
      }
    >
      {!canManage && (
        <Alert type="info" showIcon message={t('tiering.readOnly')} style={{ marginBottom: 16 }} />
      )}
      {stale && (
        <Alert
          type="warning"
          showIcon
          closable
          role="alert"
          data-testid="stale-version"
          message={t('tiering.listStale', { name: stale })}
          onClose={() => setStale(null)}
          style={{ marginBottom: 16 }}
        />
      )}
      <Card>
        {schemes.isError ? (
          <ErrorState error={schemes.error} onRetry={() => void schemes.refetch()} />
        ) : (
          <Table<TierScheme>
            rowKey="id"
            size="middle"
            loading={schemes.isPending}
            dataSource={schemes.data ?? []}
            pagination={false}
            scroll={{ x: 'max-content' }}
            data-testid="scheme-list"
            locale={{
              emptyText: (
                <Empty description={t('tiering.none')}>
                  {canManage && (
                    <Button type="primary" onClick={() => void navigate('/tier-schemes/new')}>
                      {t('tiering.add')}
                    </Button>
                  )}
                </Empty>
              ),
            }}
            columns={[
              {
                key: 'name',
                title: t('tiering.field.name'),
                render: (_, s) => {
                  const definition = readDefinition(s.definition);
                  return (
                    <div style={{ maxWidth: 480 }}>
                      <Link to={`/tier-schemes/${s.id}`}>{s.name}</Link>
                      {definition && (
                        <Typography.Paragraph
                          type="secondary"
                          ellipsis={{ rows: 2, tooltip: true }}
                          style={{ margin: 0, fontSize: 12 }}
                        >
                          {describeDefinition(t, definition)}
                        </Typography.Paragraph>
                      )}
                    </div>
                  );
                },
              },
              {
                key: 'kind',
                title: t('tiering.field.kind'),
                render: (_, s) => <SchemeKindTag kind={s.kind} />,
              },
              {
                key: 'version',
                title: t('tiering.field.version'),
                render: (_, s) => <Tag>v{s.current_version}</Tag>,
              },
              {
                key: 'active',
                title: t('tiering.field.active'),
                render: (_, s) => (
                  <Switch
                    checked={s.active}
                    disabled={!canManage}
                    loading={pending(s)}
                    aria-label={t('tiering.field.active')}
                    data-testid={`active-${s.id}`}
                    onChange={(active) => void change(s, { active })}
                  />
                ),
              },
              {
                key: 'primary',
                title: t('tiering.field.primary'),
                render: (_, s) => {
                  const toggle = (
                    <Switch
                      checked={s.primary}
                      disabled={!canManage}
                      loading={pending(s)}
                      aria-label={t('tiering.field.primary')}
                      data-testid={`primary-${s.id}`}
                    />
                  );
                  if (!canManage) return toggle;
                  return (
                    <Popconfirm
                      title={
                        s.primary
                          ? t('tiering.confirmUnprimary', { name: s.name })
                          : t('tiering.confirmPrimary', { name: s.name })
                      }
                      description={t('tiering.primaryHint')}
                      onConfirm={() => void change(s, { primary: !s.primary })}
                    >
                      {toggle}
                    </Popconfirm>
                  );
                },
              },
              {
                key: 'last_applied',
                title: t('tiering.field.lastApplied'),
                render: (_, s) =>
                  s.last_applied_at ? (
                    <>
                      <div>{formatDateTime(s.last_applied_at)}</div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('tiering.appliedAsOf', {
                          asOf: s.last_applied_as_of,
                          version: s.last_applied_version,
                        })}
                      </Typography.Text>
                    </>
                  ) : (
                    <Typography.Text type="secondary">{t('tiering.neverApplied')}</Typography.Text>
                  ),
              },
              {
                key: 'updated_at',
                title: t('tiering.field.updated_at'),
                render: (_, s) => formatDateTime(s.updated_at),
              },
            ]}
          />
        )}
      </Card>
    </PageContainer>
  );
}
