import { CloudUploadOutlined, DeleteOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Radio, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportKind, ImportRun } from '../../api/types';
import { formatBytes } from '../../ui/format';
import { useStartImport } from './api';
import { IMPORT_KINDS, MAX_IMPORT_BYTES } from './formats';
import { startProblems } from './problems';

type Props = {
  kind: ImportKind;
  onKindChange: (kind: ImportKind) => void;
  /** The run the server queued (202). */
  onStarted: (run: ImportRun) => void;
};

/**
 * Chooses what to import and the file (picked or dropped; nothing is sent before "Import"),
 * then sends it to run in the background. Why the server or the browser refused it is said
 * above the button.
 */
export function StartImportCard({ kind, onKindChange, onStarted }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const start = useStartImport();
  const [file, setFile] = useState<File | null>(null);
  const [problems, setProblems] = useState<string[]>([]);

  const choose = (chosen: File | null) => {
    setProblems([]);
    setFile(chosen);
  };

  const handleImport = async () => {
    if (!file) {
      setProblems([t('imports.start.needFile')]);
      return;
    }
    if (!/\.csv$/i.test(file.name)) {
      setProblems([t('imports.start.notCsv')]);
      return;
    }
    if (file.size > MAX_IMPORT_BYTES) {
      setProblems([t('imports.problem.tooLarge')]);
      return;
    }
    setProblems([]);
    try {
      const run = await start.mutateAsync({ kind, file });
      void message.success(t('imports.start.started'));
      setFile(null);
      onStarted(run);
    } catch (e) {
      setProblems(startProblems(t, e));
    }
  };

  return (
    <Card title={t('imports.start.title')} data-testid="import-start">
      <Form layout="vertical" onFinish={() => void handleImport()}>
        <Form.Item label={t('imports.start.kind')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            value={kind}
            onChange={(e) => {
              setProblems([]);
              onKindChange(e.target.value as ImportKind);
            }}
            options={IMPORT_KINDS.map((k) => ({ value: k, label: t(`imports.kind.${k}`) }))}
            data-testid="import-kind"
          />
        </Form.Item>
        <Form.Item label={t('imports.start.file')} style={{ marginBottom: 12 }}>
          <Upload.Dragger
            accept=".csv,text/csv"
            multiple={false}
            showUploadList={false}
            beforeUpload={(chosen) => {
              choose(chosen);
              return false; // kept until "Import"; never sent by the Upload itself
            }}
            data-testid="import-file"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('imports.start.drop')}</p>
            <p className="ant-upload-hint">{t('imports.start.dropHint')}</p>
          </Upload.Dragger>
        </Form.Item>
        {file && (
          <Space style={{ marginBottom: 12 }} wrap>
            <Typography.Text data-testid="import-chosen">
              {t('imports.start.chosen', { name: file.name, size: formatBytes(file.size) })}
            </Typography.Text>
            <Button
              size="small"
              type="text"
              icon={<DeleteOutlined />}
              aria-label={t('imports.start.remove')}
              title={t('imports.start.remove')}
              onClick={() => choose(null)}
              data-testid="import-remove"
            />
          </Space>
        )}
        {problems.length > 0 && (
          <Alert
            type="error"
            showIcon
            role="alert"
            data-testid="import-problem"
            message={t('imports.start.failed')}
            description={
              problems.length === 1 ? (
                problems[0]
              ) : (
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              )
            }
            style={{ marginBottom: 12 }}
          />
        )}
        <Button
          type="primary"
          htmlType="submit"
          icon={<CloudUploadOutlined />}
          loading={start.isPending}
          data-testid="import-submit"
        >
          {t('imports.start.submit')}
        </Button>
      </Form>
    </Card>
  );
}
