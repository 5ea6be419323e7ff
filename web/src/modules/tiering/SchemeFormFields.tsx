import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { maxCharsRule, requiredRule } from '../validation/formRules';
import { yuanToFen } from '../customers/money';
import {
  COMPARE_OPS,
  METRICS,
  MONEY_METRICS,
  SCHEME_KINDS,
  isMoneyMetric,
  type Metric,
  type SchemeFormValues,
  type SchemeKind,
} from './definition';
import { OP_SYMBOLS } from './labels';

type Props = {
  kind: SchemeKind;
  /** A stored scheme keeps its kind. */
  kindLocked: boolean;
  /** The tiers the values give, for the key-account choice. */
  tierNames: string[];
  /** False for readers: no buttons that add, move or remove. */
  editable: boolean;
};

// Rows of small inputs sit closer than the form's fields.
const COMPACT = { marginBottom: 8 };

function windowRule(t: TFunction): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (value == null) throw new Error(t('errors.field.required'));
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 120)
        throw new Error(t('errors.field.out_of_range_between', { min: 1, max: 120 }));
    },
  };
}

function moneyRule(t: TFunction): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      const text = typeof value === 'string' ? value.trim() : '';
      if (text === '') throw new Error(t('errors.field.required'));
      if (yuanToFen(text) === null) throw new Error(t('errors.field.invalid_money'));
    },
  };
}

function countRule(t: TFunction): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      const text = typeof value === 'string' ? value.trim() : '';
      if (text === '') throw new Error(t('errors.field.required'));
      if (!/^\d{1,15}$/.test(text)) throw new Error(t('errors.field.invalid_count'));
    },
  };
}

function tierNameRules(t: TFunction): FormRule[] {
  return [requiredRule(t), maxCharsRule(t, 40)];
}

function MetricSelect({ metrics, ...rest }: { metrics: readonly Metric[] }) {
  const { t } = useTranslation();
  return (
    <Select
      {...rest}
      options={metrics.map((m) => ({ value: m, label: t(`tiering.metric.${m}`) }))}
      style={{ minWidth: 100, width: '100%' }}
    />
  );
}

/** The fields of a scheme's definition, by kind; inside the editor's Form. */
export function SchemeFormFields({ kind, kindLocked, tierNames, editable }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="name"
        label={t('tiering.field.name')}
        rules={[requiredRule(t), maxCharsRule(t, 100)]}
        validateFirst
      >
        <Input data-testid="scheme-name" />
      </Form.Item>
      <Form.Item name="kind" label={t('tiering.field.kind')} extra={t(`tiering.kindHint.${kind}`)}>
        <Radio.Group
          disabled={kindLocked}
          optionType="button"
          options={SCHEME_KINDS.map((k) => ({ value: k, label: t(`tiering.kind.${k}`) }))}
        />
      </Form.Item>
      {kind === 'abc' && <AbcFields editable={editable} />}
      {kind === 'stars' && <StarsFields editable={editable} />}
      {kind === 'rules' && <RulesFields editable={editable} />}
      <Form.Item
        name="key_account_tiers"
        label={t('tiering.field.key_account_tiers')}
        extra={t('tiering.keyAccountTiersHint')}
      >
        <Select
          mode="multiple"
          allowClear
          placeholder={t('tiering.allTiers')}
          options={tierNames.filter(Boolean).map((n) => ({ value: n, label: n }))}
        />
      </Form.Item>
    </>
  );
}

function AbcFields({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Space wrap align="start">
        <Form.Item name="metric" label={t('tiering.field.metric')}>
          <MetricSelect metrics={METRICS} />
        </Form.Item>
        <Form.Item
          name="window_months"
          label={t('tiering.field.window_months')}
          rules={[windowRule(t)]}
        >
          <InputNumber min={1} max={120} precision={0} />
        </Form.Item>
      </Space>
      <Form.Item label={t('tiering.field.classes')} extra={t('tiering.classesHint')} required>
        <Form.List name="classes">
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field, i) => {
                const last = i === fields.length - 1;
                return (
                  <Row key={field.key} gutter={6} wrap={false} data-testid={`class-${i}`}>
                    <Col flex="0 0 32%">
                      <Form.Item
                        name={[field.name, 'tier']}
                        rules={tierNameRules(t)}
                        validateFirst
                        style={COMPACT}
                      >
                        <Input
                          placeholder={t('tiering.field.tier')}
                          aria-label={t('tiering.field.tier')}
                        />
                      </Form.Item>
                    </Col>
                    <Col flex="1 1 0" style={{ minWidth: 0 }}>
                      {last ? (
                        <Typography.Text type="secondary" style={{ lineHeight: '32px' }}>
                          {t('tiering.lastClass')}
                        </Typography.Text>
                      ) : (
                        <Form.Item
                          name={[field.name, 'cut']}
                          rules={[
                            {
                              validator: async (_r, v: unknown) => {
                                if (typeof v !== 'number' || v < 1 || v > 99)
                                  throw new Error(
                                    t('errors.field.out_of_range_between', { min: 1, max: 99 }),
                                  );
                              },
                            },
                          ]}
                          style={COMPACT}
                        >
                          <InputNumber
                            min={1}
                            max={99}
                            precision={0}
                            addonBefore={t('tiering.field.cut')}
                            addonAfter="%"
                            aria-label={t('tiering.field.cut')}
                            style={{ width: '100%' }}
                          />
                        </Form.Item>
                      )}
                    </Col>
                    <Col flex="0 0 32px">
                      {editable && fields.length > 2 && (
                        <Button
                          type="text"
                          icon={<DeleteOutlined />}
                          aria-label={t('common.delete')}
                          onClick={() => remove(field.name)}
                        />
                      )}
                    </Col>
                  </Row>
                );
              })}
              <Form.ErrorList errors={errors} />
              {editable && (
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  disabled={fields.length >= 10}
                  onClick={() => add({ tier: String.fromCharCode(65 + fields.length), cut: null })}
                >
                  {t('tiering.addClass')}
                </Button>
              )}
            </>
          )}
        </Form.List>
      </Form.Item>
    </>
  );
}

function StarsFields({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Space wrap align="start">
        <Form.Item name="metric" label={t('tiering.field.metric')}>
          <MetricSelect metrics={MONEY_METRICS} />
        </Form.Item>
        <Form.Item
          name="months"
          label={t('tiering.field.months')}
          rules={[windowRule(t)]}
          tooltip={t('tiering.monthsHint')}
        >
          <InputNumber min={1} max={120} precision={0} />
        </Form.Item>
      </Space>
      <Form.Item label={t('tiering.field.levels')} extra={t('tiering.levelsHint')} required>
        <Form.List name="levels">
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field, i) => (
                <Row key={field.key} gutter={6} wrap={false} data-testid={`level-${i}`}>
                  <Col flex="0 0 32%">
                    <Form.Item
                      name={[field.name, 'tier']}
                      rules={tierNameRules(t)}
                      validateFirst
                      style={COMPACT}
                    >
                      <Input
                        placeholder={t('tiering.field.tier')}
                        aria-label={t('tiering.field.tier')}
                      />
                    </Form.Item>
                  </Col>
                  <Col flex="1 1 0" style={{ minWidth: 0 }}>
                    <Form.Item
                      name={[field.name, 'min_yuan']}
                      rules={[moneyRule(t)]}
                      style={COMPACT}
                    >
                      <Input
                        addonBefore="≥"
                        addonAfter={t('tiering.yuanPerMonth')}
                        inputMode="decimal"
                        aria-label={t('tiering.field.min_yuan')}
                      />
                    </Form.Item>
                  </Col>
                  <Col flex="0 0 32px">
                    {editable && fields.length > 1 && (
                      <Button
                        type="text"
                        icon={<DeleteOutlined />}
                        aria-label={t('common.delete')}
                        onClick={() => remove(field.name)}
                      />
                    )}
                  </Col>
                </Row>
              ))}
              <Form.ErrorList errors={errors} />
              {editable && (
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  disabled={fields.length >= 20}
                  onClick={() => add({ tier: '', min_yuan: '' })}
                >
                  {t('tiering.addLevel')}
                </Button>
              )}
            </>
          )}
        </Form.List>
      </Form.Item>
    </>
  );
}

function RulesFields({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<SchemeFormValues>();
  return (
    <Form.Item label={t('tiering.field.rules')} extra={t('tiering.rulesHint')} required>
      <Form.List name="rules">
        {(tiers, { add, remove, move }, { errors }) => (
          <Space direction="vertical" style={{ width: '100%' }}>
            {tiers.map((tier, i) => (
              <Card
                key={tier.key}
                size="small"
                data-testid={`rule-${i}`}
                title={
                  <Space wrap>
                    <Typography.Text type="secondary">{i + 1}.</Typography.Text>
                    <Form.Item
                      name={[tier.name, 'tier']}
                      rules={tierNameRules(t)}
                      validateFirst
                      noStyle
                    >
                      <Input
                        placeholder={t('tiering.field.tier')}
                        aria-label={t('tiering.field.tier')}
                        style={{ width: 140 }}
                      />
                    </Form.Item>
                    <Form.Item name={[tier.name, 'combine']} noStyle>
                      <Select
                        aria-label={t('tiering.field.combine')}
                        options={(['all', 'any'] as const).map((c) => ({
                          value: c,
                          label: t(`tiering.combine.${c}`),
                        }))}
                        style={{ width: 150 }}
                      />
                    </Form.Item>
                  </Space>
                }
                extra={
                  <Space size={0}>
                    {editable && (
                      <Button
                        type="link"
                        size="small"
                        disabled={i === 0}
                        onClick={() => move(i, i - 1)}
                      >
                        {t('tiering.moveUp')}
                      </Button>
                    )}
                    {editable && tiers.length > 1 && (
                      <Button
                        type="text"
                        icon={<DeleteOutlined />}
                        aria-label={t('common.delete')}
                        onClick={() => remove(tier.name)}
                      />
                    )}
                  </Space>
                }
              >
                <Form.List name={[tier.name, 'conditions']}>
                  {(conditions, ops, { errors: conditionErrors }) => (
                    <>
                      {conditions.map((c, k) => (
                        <Row
                          key={c.key}
                          gutter={6}
                          wrap={false}
                          align="top"
                          data-testid={`rule-${i}-condition-${k}`}
                        >
                          <Col flex="0 0 23%">
                            <Form.Item name={[c.name, 'metric']} style={COMPACT}>
                              <MetricSelect metrics={METRICS} />
                            </Form.Item>
                          </Col>
                          <Col flex="0 0 21%">
                            <Form.Item
                              name={[c.name, 'window_months']}
                              rules={[windowRule(t)]}
                              style={COMPACT}
                            >
                              <InputNumber
                                min={1}
                                max={120}
                                precision={0}
                                addonAfter={t('tiering.monthsUnit')}
                                aria-label={t('tiering.field.window_months')}
                                style={{ width: '100%' }}
                              />
                            </Form.Item>
                          </Col>
                          <Col flex="0 0 64px">
                            <Form.Item name={[c.name, 'op']} style={COMPACT}>
                              <Select
                                aria-label={t('tiering.field.op')}
                                options={COMPARE_OPS.map((op) => ({
                                  value: op,
                                  label: OP_SYMBOLS[op],
                                }))}
                              />
                            </Form.Item>
                          </Col>
                          <Col flex="1 1 0" style={{ minWidth: 0 }}>
                            <Form.Item
                              noStyle
                              shouldUpdate={(a: SchemeFormValues, b: SchemeFormValues) =>
                                a.rules?.[tier.name]?.conditions?.[c.name]?.metric !==
                                b.rules?.[tier.name]?.conditions?.[c.name]?.metric
                              }
                            >
                              {() => {
                                const metric = form.getFieldValue([
                                  'rules',
                                  tier.name,
                                  'conditions',
                                  c.name,
                                  'metric',
                                ]) as Metric;
                                const money = isMoneyMetric(metric);
                                return (
                                  <Form.Item
                                    name={[c.name, 'amount']}
                                    rules={[money ? moneyRule(t) : countRule(t)]}
                                    style={COMPACT}
                                  >
                                    <Input
                                      addonAfter={
                                        money ? t('tiering.yuan') : t('tiering.ordersUnit')
                                      }
                                      inputMode={money ? 'decimal' : 'numeric'}
                                      aria-label={t('tiering.field.amount')}
                                    />
                                  </Form.Item>
                                );
                              }}
                            </Form.Item>
                          </Col>
                          <Col flex="0 0 32px">
                            {editable && conditions.length > 1 && (
                              <Button
                                type="text"
                                icon={<DeleteOutlined />}
                                aria-label={t('common.delete')}
                                onClick={() => ops.remove(c.name)}
                              />
                            )}
                          </Col>
                        </Row>
                      ))}
                      <Form.ErrorList errors={conditionErrors} />
                      {editable && (
                        <Button
                          type="dashed"
                          size="small"
                          icon={<PlusOutlined />}
                          disabled={conditions.length >= 20}
                          onClick={() =>
                            ops.add({ metric: 'revenue', window_months: 12, op: '>=', amount: '' })
                          }
                        >
                          {t('tiering.addCondition')}
                        </Button>
                      )}
                    </>
                  )}
                </Form.List>
              </Card>
            ))}
            <Form.ErrorList errors={errors} />
            {editable && (
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                disabled={tiers.length >= 20}
                onClick={() =>
                  add({
                    tier: '',
                    combine: 'all',
                    conditions: [{ metric: 'revenue', window_months: 12, op: '>=', amount: '' }],
                  })
                }
              >
                {t('tiering.addTier')}
              </Button>
            )}
          </Space>
        )}
      </Form.List>
    </Form.Item>
  );
}
