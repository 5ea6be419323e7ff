import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  AutoComplete,
  Button,
  Card,
  Col,
  Form,
  InputNumber,
  Row,
  Space,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import type { CadenceRules } from '../../api/types';
import { errorMessage, fieldProblemMessage } from '../../app/errors';
import { useTierSchemes } from '../tiering/api';
import { readDefinition, tierNames } from '../tiering/definition';
import { tierLabel } from '../tiering/labels';
import { maxCharsRule, requiredRule } from '../validation/formRules';
import { trimSpace } from '../validation/rules';
import { useSaveCadenceRules } from './api';
import { ruleText } from './describe';
import {
  duplicateTiers,
  emptyRow,
  MAX_CONTACTS,
  MAX_DAYS,
  MAX_GRACE_DAYS,
  missingTiers,
  rulesFormPath,
  sameRules,
  toRulesFormValues,
  toRulesUpdate,
  type RuleRow,
  type RulesFormValues,
} from './rulesForm';
import { StaleAlert } from '../../ui/FormAlerts';

type Props = {
  /** The rules as read; the edit is based on their version. */
  initial: CadenceRules;
  /** Reads the rules again; resolves with the latest. */
  onReload: () => Promise<CadenceRules | undefined>;
};

// Column widths of a rule row: tier, longest gap, most contacts, within, the rule in words.
const SPANS = { tier: 6, min: 4, max: 4, period: 4, text: 5, remove: 1 } as const;

/**
 * The contact cadence per tier (跟进频率), for `cadence.manage`: one row per tier code of the
 * primary scheme, each bound optional, and the grace days before a director hears of a
 * breach. A save replaces every rule and judges every account again; a 412 (someone saved
 * meanwhile) is said in place with a reload.
 */
export function CadenceRulesEditor({ initial, onReload }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RulesFormValues>();
  const save = useSaveCadenceRules();
  const schemes = useTierSchemes();
  const [base, setBase] = useState(initial);
  const [initialValues] = useState(() => toRulesFormValues(initial));
  const [stale, setStale] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const watched = Form.useWatch([], { form, preserve: true }) as RulesFormValues | undefined;
  const values = watched ?? initialValues;
  const rows: RuleRow[] = values.rules ?? [];
  const dirty = !sameRules(values, base);

  // The primary scheme's tiers first (the rules match them), then every other scheme's.
  const { primary, tierOptions } = useMemo(() => {
    const list = schemes.data ?? [];
    const main = list.find((s) => s.primary);
    const definition = main ? readDefinition(main.definition) : null;
    const primaryTiers = definition ? tierNames(definition) : [];
    const others = list
      .filter((s) => s !== main)
      .flatMap((s) => {
        const d = readDefinition(s.definition);
        return d ? tierNames(d) : [];
      });
    const codes = [...new Set([...primaryTiers, ...others])];
    return {
      primary: main ? { name: main.name, tiers: primaryTiers } : null,
      tierOptions: codes.map((code) => {
        const label = tierLabel(t, code);
        return { value: code, label: label === code ? code : `${label} (${code})` };
      }),
    };
  }, [schemes.data, t]);
  const missing = primary ? missingTiers(rows, primary.tiers) : [];

  const handleSave = async (v: RulesFormValues) => {
    setProblem(null);
    try {
      const saved = await save.mutateAsync({ version: base.version, body: toRulesUpdate(v) });
      setBase(saved);
      form.setFieldsValue(toRulesFormValues(saved));
      void message.success(t('cadence.saved'));
    } catch (e) {
      if (isApiError(e) && e.isStaleVersion) {
        setStale(true);
        return;
      }
      const unplaced: string[] = [];
      const fields: { name: (string | number)[]; errors: string[] }[] = [];
      for (const [field, code] of Object.entries(isApiError(e) ? e.fields : {})) {
        const path = rulesFormPath(field);
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
    form.setFieldsValue(toRulesFormValues(latest));
    setStale(false);
    setProblem(null);
  };

  const bound = (max: number) => ({
    min: 1,
    max,
    precision: 0,
    placeholder: t('cadence.rule.none'),
    style: { width: '100%' },
  });

  return (
    <Card
      data-testid="cadence-rules"
      title={
        <Space>
          {t('cadence.rulesTitle')}
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {t('cadence.version', { version: base.version })}
          </Typography.Text>
        </Space>
      }
      extra={
        <Space>
          <Button
            onClick={() => form.setFieldsValue(toRulesFormValues(base))}
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
            data-testid="save-cadence"
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('cadence.rulesHint')}</Typography.Paragraph>
      {stale && (
        <StaleAlert
          title={t('cadence.stale.title')}
          description={t('cadence.stale.description')}
          onReload={() => void handleReload()}
        />
      )}
      {problem && (
        <Alert
          type="error"
          showIcon
          role="alert"
          message={t('interaction.notSaved')}
          description={problem}
          style={{ marginBottom: 16 }}
        />
      )}
      {primary === null && schemes.isSuccess && (
        <Alert type="info" showIcon message={t('cadence.noPrimary')} style={{ marginBottom: 16 }} />
      )}
      {primary && missing.length > 0 && (
        <Alert
          type="info"
          showIcon
          data-testid="missing-tiers"
          message={t('cadence.missingTiers', {
            scheme: primary.name,
            tiers: missing.map((tier) => tierLabel(t, tier)).join(t('common.listSeparator')),
          })}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<RulesFormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(v) => void handleSave(v)}
        data-testid="cadence-form"
      >
        <div className="kams-rule-grid">
          <Row gutter={8} className="kams-rule-head">
            <Col span={SPANS.tier}>{t('cadence.field.tier')}</Col>
            <Col span={SPANS.min}>{t('cadence.field.min_interval_days')}</Col>
            <Col span={SPANS.max}>{t('cadence.field.max_contacts')}</Col>
            <Col span={SPANS.period}>{t('cadence.field.period_days')}</Col>
            <Col span={SPANS.text}>{t('cadence.field.rule')}</Col>
          </Row>
          <Form.List name="rules">
            {(fields, { add, remove }) => (
              <>
                {fields.length === 0 && (
                  <Typography.Paragraph type="secondary">
                    {t('cadence.noRules')}
                  </Typography.Paragraph>
                )}
                {fields.map((field) => {
                  const row = rows[field.name] ?? emptyRow();
                  const code = trimSpace(row.tier ?? '');
                  const label = tierLabel(t, code);
                  return (
                    <Row gutter={8} key={field.key} data-testid={`rule-${field.name}`}>
                      <Col span={SPANS.tier}>
                        <Form.Item
                          name={[field.name, 'tier']}
                          validateFirst
                          rules={[
                            requiredRule(t),
                            maxCharsRule(t, 40),
                            ({ getFieldValue }) => ({
                              validator: async (_r, v: string | undefined) => {
                                const all = (getFieldValue('rules') ?? []) as RuleRow[];
                                if (duplicateTiers(all).has(trimSpace(v ?? '')))
                                  throw new Error(t('errors.field.duplicate'));
                              },
                            }),
                            {
                              warningOnly: true,
                              validator: async (_r, v: string | undefined) => {
                                const tier = trimSpace(v ?? '');
                                if (primary && tier !== '' && !primary.tiers.includes(tier))
                                  throw new Error(
                                    t('cadence.notPrimaryTier', { scheme: primary.name }),
                                  );
                              },
                            },
                          ]}
                        >
                          <AutoComplete
                            options={tierOptions}
                            filterOption={(input, option) =>
                              (option?.label ?? '').toLowerCase().includes(input.toLowerCase())
                            }
                            placeholder={t('cadence.tierPlaceholder')}
                            aria-label={t('cadence.field.tier')}
                            data-testid={`rule-${field.name}-tier`}
                          />
                        </Form.Item>
                      </Col>
                      <Col span={SPANS.min}>
                        <Form.Item
                          name={[field.name, 'min_interval_days']}
                          dependencies={[['rules', field.name, 'max_contacts']]}
                          rules={[
                            ({ getFieldValue }) => ({
                              validator: async (_r, v: number | null | undefined) => {
                                const max: unknown = getFieldValue([
                                  'rules',
                                  field.name,
                                  'max_contacts',
                                ]);
                                if (v == null && max == null)
                                  throw new Error(
                                    t('errors.field.a_rule_needs_a_minimum_or_a_maximum'),
                                  );
                              },
                            }),
                          ]}
                        >
                          <InputNumber
                            {...bound(MAX_DAYS)}
                            aria-label={t('cadence.field.min_interval_days')}
                            data-testid={`rule-${field.name}-min`}
                          />
                        </Form.Item>
                      </Col>
                      <Col span={SPANS.max}>
                        <Form.Item name={[field.name, 'max_contacts']}>
                          <InputNumber
                            {...bound(MAX_CONTACTS)}
                            aria-label={t('cadence.field.max_contacts')}
                            data-testid={`rule-${field.name}-max`}
                          />
                        </Form.Item>
                      </Col>
                      <Col span={SPANS.period}>
                        <Form.Item name={[field.name, 'period_days']} rules={[requiredRule(t)]}>
                          <InputNumber
                            {...bound(MAX_DAYS)}
                            placeholder={undefined}
                            aria-label={t('cadence.field.period_days')}
                            data-testid={`rule-${field.name}-period`}
                          />
                        </Form.Item>
                      </Col>
                      <Col span={SPANS.text} style={{ paddingTop: 5, lineHeight: 1.4 }}>
                        {code !== '' && label !== code && (
                          <Typography.Text strong style={{ fontSize: 12, marginRight: 4 }}>
                            {label}
                            {t('common.colon')}
                          </Typography.Text>
                        )}
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {ruleText(t, {
                            min_interval_days: row.min_interval_days ?? null,
                            max_contacts: row.max_contacts ?? null,
                            period_days: row.period_days ?? 7,
                          })}
                        </Typography.Text>
                      </Col>
                      <Col span={SPANS.remove}>
                        <Button
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t('cadence.removeRule')}
                          onClick={() => remove(field.name)}
                          data-testid={`rule-${field.name}-remove`}
                        />
                      </Col>
                    </Row>
                  );
                })}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add(emptyRow(missing[0] ?? ''))}
                  data-testid="add-rule"
                  style={{ marginBottom: 24 }}
                >
                  {t('cadence.addRule')}
                </Button>
              </>
            )}
          </Form.List>
        </div>
        <Form.Item
          name="grace_days"
          label={t('cadence.field.grace_days')}
          extra={t('cadence.graceHint')}
          rules={[requiredRule(t)]}
        >
          <InputNumber
            min={0}
            max={MAX_GRACE_DAYS}
            precision={0}
            style={{ width: 160 }}
            data-testid="grace-days"
          />
        </Form.Item>
      </Form>
    </Card>
  );
}
