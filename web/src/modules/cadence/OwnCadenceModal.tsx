import { App, Form, InputNumber, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CadenceBounds, Customer } from '../../api/types';
import { formFieldErrors } from '../../app/errors';
import { requiredRule } from '../validation/formRules';
import { useSetCustomerCadence } from './api';
import { ruleText } from './describe';
import { DEFAULT_PERIOD_DAYS, MAX_CONTACTS, MAX_DAYS } from './rulesForm';

type Values = {
  min_interval_days: number | null;
  max_contacts: number | null;
  period_days: number | null;
};

const FIELDS = ['min_interval_days', 'max_contacts', 'period_days'] as const;

type Props = {
  customer: Pick<Customer, 'id' | 'name'>;
  /** The account's own rule now, if it has one. */
  own: CadenceBounds | null;
  onClose: () => void;
};

/** Gives an account a contact cadence of its own, overriding its tier's. Mount when asked for. */
export function OwnCadenceModal({ customer, own, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSetCustomerCadence(customer.id);
  const watched = Form.useWatch([], form) as Values | undefined;
  const initialValues: Values = own ?? {
    min_interval_days: null,
    max_contacts: null,
    period_days: DEFAULT_PERIOD_DAYS,
  };
  const values = watched ?? initialValues;

  const handleFinish = async (v: Values) => {
    try {
      await save.mutateAsync({
        min_interval_days: v.min_interval_days ?? null,
        max_contacts: v.max_contacts ?? null,
        period_days: v.period_days ?? DEFAULT_PERIOD_DAYS,
      });
      void message.success(t('cadence.card.ownSaved'));
      onClose();
    } catch (e) {
      form.setFields(formFieldErrors(t, e, FIELDS));
    }
  };

  const bound = { precision: 0, min: 1, style: { width: '100%' } };
  return (
    <Modal
      open
      title={t('cadence.card.ownTitle', { customer: customer.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      okButtonProps={{ 'data-testid': 'own-cadence-ok' }}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      destroyOnHidden
      data-testid="own-cadence-modal"
    >
      <Typography.Paragraph type="secondary">{t('cadence.card.ownHint')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(v) => void handleFinish(v)}
      >
        <Form.Item
          name="min_interval_days"
          label={t('cadence.field.min_interval_days')}
          dependencies={['max_contacts']}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_r, v: number | null | undefined) => {
                if (v == null && getFieldValue('max_contacts') == null)
                  throw new Error(t('errors.field.a_rule_needs_a_minimum_or_a_maximum'));
              },
            }),
          ]}
        >
          <InputNumber
            {...bound}
            max={MAX_DAYS}
            placeholder={t('cadence.rule.none')}
            data-testid="own-min"
          />
        </Form.Item>
        <Form.Item name="max_contacts" label={t('cadence.field.max_contacts')}>
          <InputNumber
            {...bound}
            max={MAX_CONTACTS}
            placeholder={t('cadence.rule.none')}
            data-testid="own-max"
          />
        </Form.Item>
        <Form.Item
          name="period_days"
          label={t('cadence.field.period_days')}
          rules={[requiredRule(t)]}
        >
          <InputNumber {...bound} max={MAX_DAYS} data-testid="own-period" />
        </Form.Item>
        <Typography.Text type="secondary">
          {ruleText(t, {
            min_interval_days: values.min_interval_days ?? null,
            max_contacts: values.max_contacts ?? null,
            period_days: values.period_days ?? DEFAULT_PERIOD_DAYS,
          })}
        </Typography.Text>
      </Form>
    </Modal>
  );
}
