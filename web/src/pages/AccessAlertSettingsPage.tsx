import { SaveOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { App, Button, Card, Col, Form, InputNumber, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import type { AccessAlertSettings } from '../api/types';
import { errorMessage, fieldProblemMessage } from '../app/errors';
import { useAlertSettings, useSaveAlertSettings } from '../modules/accessAlerts/api';
import {
  MAX_THRESHOLD,
  MAX_WINDOW_MINUTES,
  sameSettings,
  settingsFormPath,
  THRESHOLD_ROLES,
  toSettingsForm,
  toSettingsPut,
  type SettingsFormValues,
} from '../modules/accessAlerts/settingsForm';
import { requiredRule } from '../modules/validation/formRules';
import { ErrorState } from '../ui/ErrorState';
import { formatDateTime } from '../ui/format';
import { PageLoading } from '../ui/PageLoading';
import { StaleAlert, ProblemAlert } from '../ui/FormAlerts';

type Props = {
  initial: AccessAlertSettings;
  onReload: () => Promise<AccessAlertSettings | undefined>;
};

/**
 * The window and each role's threshold: the most distinct customers a user may read within
 * the window without an alert; empty: the role never alerts. The version read goes in
 * If-Match; a 412 is said in place with a reload.
 */
function SettingsForm({ initial, onReload }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<SettingsFormValues>();
  const save = useSaveAlertSettings();
  const [base, setBase] = useState(initial);
  const [initialValues] = useState(() => toSettingsForm(initial));
  const [stale, setStale] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const watched = Form.useWatch([], { form, preserve: true }) as SettingsFormValues | undefined;
  const dirty = !sameSettings(watched ?? initialValues, base);

  const handleSave = async (v: SettingsFormValues) => {
    setProblem(null);
    try {
      const saved = await save.mutateAsync({ version: base.version, body: toSettingsPut(v) });
      setBase(saved);
      form.setFieldsValue(toSettingsForm(saved));
      void message.success(t('accessAlert.settings.saved'));
    } catch (e) {
      if (isApiError(e) && e.isStaleVersion) {
        setStale(true);
        return;
      }
      const unplaced: string[] = [];
      const fields: { name: (string | number)[]; errors: string[] }[] = [];
      for (const [field, code] of Object.entries(isApiError(e) ? e.fields : {})) {
        const path = settingsFormPath(field);
        if (path) fields.push({ name: path, errors: [fieldProblemMessage(t, code)] });
        else unplaced.push(`${field}: ${fieldProblemMessage(t, code)}`);
      }
      form.setFields(fields as Parameters<typeof form.setFields>[0]);
      if (unplaced.length) setProblem(unplaced.join(t('common.listSeparator')));
      else if (fields.length === 0) setProblem(errorMessage(t, e));
    }
  };

  const handleReload = async () => {
    const latest = await onReload();
    if (!latest) return;
    setBase(latest);
    form.setFieldsValue(toSettingsForm(latest));
    setStale(false);
    setProblem(null);
  };

  return (
    <Card
      data-testid="alert-settings"
      title={
        <Space>
          {t('accessAlert.settings.title')}
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {t('cadence.version', { version: base.version })}
            {base.updated_at &&
              ` · ${t('accessAlert.settings.updatedAt', { at: formatDateTime(base.updated_at) })}`}
          </Typography.Text>
        </Space>
      }
      extra={
        <Space>
          <Button
            onClick={() => form.setFieldsValue(toSettingsForm(base))}
            disabled={!dirty || save.isPending}
          >
            {t('common.reset')}
          </Button>
          <Button
            type="primary"
            icon={<SaveOutlined />}
            loading={save.isPending}
            disabled={!dirty || stale}
            onClick={() => form.submit()}
            data-testid="save-alert-settings"
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('accessAlert.settings.hint')}</Typography.Paragraph>
      {stale && (
        <StaleAlert
          title={t('accessAlert.settings.staleTitle')}
          description={t('accessAlert.settings.staleDescription')}
          onReload={() => void handleReload()}
        />
      )}
      <ProblemAlert testId="settings-problem" title={t('interaction.notSaved')} problem={problem} />
      <Form<SettingsFormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(v) => void handleSave(v)}
      >
        <Form.Item
          name="window_minutes"
          label={t('accessAlert.settings.window')}
          extra={t('accessAlert.settings.windowHint')}
          rules={[requiredRule(t)]}
        >
          <InputNumber
            min={1}
            max={MAX_WINDOW_MINUTES}
            precision={0}
            suffix={t('accessAlert.settings.minutes')}
            style={{ width: 200 }}
            data-testid="window-minutes"
          />
        </Form.Item>
        <Typography.Title level={5}>{t('accessAlert.settings.thresholds')}</Typography.Title>
        <Typography.Paragraph type="secondary">
          {t('accessAlert.settings.thresholdsHint')}
        </Typography.Paragraph>
        <Row gutter={16}>
          {THRESHOLD_ROLES.map((role) => (
            <Col key={role} xs={24} sm={12} lg={6}>
              <Form.Item name={['thresholds', role]} label={t(`role.${role}`)}>
                <InputNumber
                  min={1}
                  max={MAX_THRESHOLD}
                  precision={0}
                  placeholder={t('accessAlert.settings.never')}
                  style={{ width: '100%' }}
                  data-testid={`threshold-${role}`}
                />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Form>
    </Card>
  );
}

/** The bulk-access alert settings, for KAM specialists and administrators. */
export default function AccessAlertSettingsPage() {
  const { t } = useTranslation();
  const settings = useAlertSettings();
  let content;
  if (settings.isError && !settings.data) {
    content = <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  } else if (!settings.data) {
    content = <PageLoading />;
  } else {
    content = (
      <SettingsForm
        initial={settings.data}
        onReload={async () => (await settings.refetch()).data}
      />
    );
  }
  return (
    <PageContainer title={t('accessAlert.settings.title')} onBack={() => window.history.back()}>
      {content}
    </PageContainer>
  );
}
