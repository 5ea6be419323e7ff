// Pieces of the contact-record form that other dialogs reuse: the purpose, the summary and
// outcome, the customer's contacts, the next step with its due date and owner, and when it
// happened. Each is a Form.Item (or a row of them) named as the record's field is.
import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useCurrentSession } from '../../app/sessionContext';
import { useContacts } from '../contacts/api';
import { ColleagueSelect } from '../users/ColleagueSelect';
import { maxCharsRule, requiredRule } from '../validation/formRules';
import { atMostRule, purposeRules } from './recordRules';

/** The purpose: required and real (no "无", "n/a", "-"). */
export function PurposeField({
  label,
  placeholder,
  testId,
}: {
  label: string;
  placeholder: string;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="purpose"
      label={label}
      rules={purposeRules(t)}
      validateFirst
      validateTrigger={['onChange', 'onBlur']}
    >
      <Input placeholder={placeholder} maxLength={400} data-testid={testId} />
    </Form.Item>
  );
}

/** Summary and outcome, side by side on wide screens. */
export function SummaryOutcomeFields({ testIdPrefix }: { testIdPrefix: string }) {
  const { t } = useTranslation();
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item
          name="summary"
          label={t('interaction.field.summary')}
          rules={[maxCharsRule(t, 4000)]}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            data-testid={`${testIdPrefix}-summary`}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="outcome"
          label={t('interaction.field.outcome')}
          rules={[maxCharsRule(t, 2000)]}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            data-testid={`${testIdPrefix}-outcome`}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}

const MAX_CONTACTS = 50;

/** Contacts of the customer (`contact_ids`); disabled until a customer is chosen. */
export function ContactsField({
  customerId,
  label,
  placeholder,
  testId,
}: {
  customerId: number | null;
  label: string;
  placeholder: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const contacts = useContacts(customerId ?? 0, customerId != null);
  return (
    <Form.Item name="contact_ids" label={label} rules={[atMostRule(t, MAX_CONTACTS)]}>
      <Select
        mode="multiple"
        allowClear
        optionFilterProp="label"
        disabled={customerId == null}
        loading={contacts.isFetching}
        placeholder={customerId == null ? t('interaction.pickCustomerFirst') : placeholder}
        notFoundContent={t('contacts.none')}
        options={(contacts.data ?? []).map((c) => ({
          value: c.id,
          label: c.title ? `${c.name} · ${c.title}` : c.name,
        }))}
        data-testid={testId}
      />
    </Form.Item>
  );
}

export type KnownUser = { id: number; name: string | null };

type NextStepProps = {
  /** The customer the record is about: the owner must see it. */
  customerId: number | null;
  /** Changing a record: an owner need not come with a next step (it stays the record's). */
  editing?: boolean;
  /** The owner the record has now, named when shown. */
  currentOwner?: KnownUser | null;
  testIdPrefix: string;
};

/**
 * The next step, its due date and who does it: the recorder unless named, or any active
 * colleague who sees the customer (the server refuses others, `cannot_see_the_customer`).
 */
export function NextStepFields({ customerId, editing, currentOwner, testIdPrefix }: NextStepProps) {
  const { t } = useTranslation();
  const { user: me } = useCurrentSession();
  const form = Form.useFormInstance();
  const nextStep: string = Form.useWatch('next_step', form) ?? '';

  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item
          name="next_step"
          label={t('interaction.field.next_step')}
          dependencies={['next_step_due', 'next_step_owner_id']}
          rules={[
            maxCharsRule(t, 500),
            ({ getFieldValue }) => ({
              validator: async (_r, v: string | undefined) => {
                if ((v ?? '').trim() !== '') return;
                if (getFieldValue('next_step_due'))
                  throw new Error(t('errors.field.required_with_due_date'));
                if (!editing && getFieldValue('next_step_owner_id'))
                  throw new Error(t('errors.field.required_with_owner'));
              },
            }),
          ]}
        >
          <Input
            placeholder={t('interaction.nextStepHint')}
            data-testid={`${testIdPrefix}-next-step`}
          />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name="next_step_due" label={t('interaction.dueLabel')}>
          <DatePicker
            format="YYYY-MM-DD"
            style={{ width: '100%' }}
            disabled={nextStep.trim() === '' && !form.getFieldValue('next_step_due')}
            data-testid={`${testIdPrefix}-due`}
          />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name="next_step_owner_id" label={t('interaction.ownerLabel')}>
          <ColleagueSelect
            customerId={customerId}
            placeholder={t('interaction.me', { name: me.display_name })}
            valueLabel={
              currentOwner
                ? currentOwner.id === me.id
                  ? t('interaction.me', { name: me.display_name })
                  : (currentOwner.name ?? `#${currentOwner.id}`)
                : undefined
            }
            data-testid={`${testIdPrefix}-owner`}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}

// The server allows a few minutes' clock difference between browser and server.
const FUTURE_SLACK_MINUTES = 10;

/** When the contact happened: not in the future. */
export function OccurredAtField({
  required,
  placeholder,
  testId,
}: {
  required: boolean;
  placeholder?: string;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="occurred_at"
      label={t('interaction.field.occurred_at')}
      rules={[
        ...(required ? [requiredRule(t)] : []),
        {
          validator: async (_r, v: Dayjs | null | undefined) => {
            if (v && v.isAfter(dayjs().add(FUTURE_SLACK_MINUTES, 'minute')))
              throw new Error(t('errors.field.in_the_future'));
          },
        },
      ]}
    >
      <DatePicker
        showTime={{ format: 'HH:mm' }}
        format="YYYY-MM-DD HH:mm"
        disabledDate={(d) => d.isAfter(dayjs(), 'day')}
        allowClear={!required}
        placeholder={placeholder}
        style={{ width: '100%' }}
        data-testid={testId}
      />
    </Form.Item>
  );
}
