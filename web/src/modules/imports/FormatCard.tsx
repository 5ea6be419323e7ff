import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportKind } from '../../api/types';
import { downloadCsv } from '../../ui/download';
import { IMPORT_FORMATS, templateCsv, templateHeader } from './formats';

/** The header a file of this kind needs, what its columns mean, and a template to fill in. */
export function FormatCard({ kind }: { kind: ImportKind }) {
  const { t } = useTranslation();
  const { required, optional } = IMPORT_FORMATS[kind];
  const columns = (names: readonly string[]) => (
    <Space size={[4, 4]} wrap>
      {names.map((name) => (
        <Typography.Text key={name} code>
          {name}
        </Typography.Text>
      ))}
    </Space>
  );
  return (
    <Card
      title={`${t('imports.format.title')} · ${t(`imports.kind.${kind}`)}`}
      data-testid="import-format"
      extra={
        <Button
          icon={<DownloadOutlined />}
          onClick={() => downloadCsv(`kams-${kind}-template.csv`, templateCsv(kind))}
          data-testid="import-template"
        >
          {t('imports.format.template')}
        </Button>
      }
    >
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Paragraph
          copyable={{ text: templateHeader(kind).join(',') }}
          style={{ margin: 0 }}
        >
          <Typography.Text type="secondary">{t('imports.format.header')}: </Typography.Text>
          <Typography.Text code data-testid="import-header">
            {templateHeader(kind).join(',')}
          </Typography.Text>
        </Typography.Paragraph>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('imports.format.required')}>
            {columns(required)}
          </Descriptions.Item>
          {optional.length > 0 && (
            <Descriptions.Item label={t('imports.format.optional')}>
              {columns(optional)}
            </Descriptions.Item>
          )}
        </Descriptions>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t(`imports.format.${kind}`)}
        </Typography.Paragraph>
      </Space>
    </Card>
  );
}
