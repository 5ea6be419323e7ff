import { Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TierSchemeVersion } from '../../api/types';
import { ErrorState } from '../../ui/ErrorState';
import { formatDateTime } from '../../ui/format';
import { useTierSchemeVersions } from './api';
import { readDefinition, type SchemeDefinition } from './definition';
import { describeDefinition } from './labels';

type Props = {
  schemeId: number;
  currentVersion: number;
  /** Loads a version's definition into the editor; absent for readers. */
  onRestore?: (definition: SchemeDefinition, version: number) => void;
};

/** Every version of a scheme's definition, newest first: what it said, and when. */
export function VersionHistory({ schemeId, currentVersion, onRestore }: Props) {
  const { t } = useTranslation();
  const versions = useTierSchemeVersions(schemeId);
  const [open, setOpen] = useState<number | null>(null);
  if (versions.isError) {
    return <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />;
  }
  return (
    <Card title={t('tiering.versions.title')} style={{ marginTop: 16 }} data-testid="versions">
      <List<TierSchemeVersion>
        loading={versions.isPending}
        dataSource={versions.data ?? []}
        locale={{ emptyText: <Empty description={t('tiering.versions.none')} /> }}
        renderItem={(v) => {
          const definition = readDefinition(v.definition);
          return (
            <List.Item
              key={v.version}
              actions={[
                <Button
                  key="json"
                  type="link"
                  size="small"
                  onClick={() => setOpen(open === v.version ? null : v.version)}
                >
                  {open === v.version ? t('tiering.versions.hide') : t('tiering.versions.view')}
                </Button>,
                ...(onRestore && definition && v.version !== currentVersion
                  ? [
                      <Button
                        key="restore"
                        type="link"
                        size="small"
                        onClick={() => onRestore(definition, v.version)}
                      >
                        {t('tiering.versions.restore')}
                      </Button>,
                    ]
                  : []),
              ]}
            >
              <List.Item.Meta
                title={
                  <Space>
                    <Typography.Text strong>v{v.version}</Typography.Text>
                    {v.version === currentVersion && (
                      <Tag color="blue">{t('tiering.versions.current')}</Tag>
                    )}
                    <Typography.Text type="secondary">
                      {formatDateTime(v.created_at)}
                    </Typography.Text>
                  </Space>
                }
                description={
                  <>
                    {definition && describeDefinition(t, definition)}
                    {open === v.version && (
                      <pre className="kams-json">{JSON.stringify(v.definition, null, 2)}</pre>
                    )}
                  </>
                }
              />
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
