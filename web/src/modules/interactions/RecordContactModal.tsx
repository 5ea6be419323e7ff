import { useQueryClient } from '@tanstack/react-query';
import { App, Checkbox, Col, Form, Modal, Row, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, request } from '../../api/client';
import type { Customer, Interaction } from '../../api/types';
import { errorMessage } from '../../app/errors';
import { placeFieldProblems } from '../../app/fieldProblems';
import { KeysFooter, SubmitOnEnter } from '../../ui/SubmitOnEnter';
import { customerKey } from '../customers/api';
import { CustomerSelect } from '../customers/CustomerSelect';
import { requiredRule } from '../validation/formRules';
import { useCreateInteraction, useUpdateInteraction } from './api';
import { CHANNELS } from './channels';
import {
  firstEmptyRequired,
  formFieldOf,
  formValuesOf,
  newFormValues,
  toCreateBody,
  toPatch,
  type InteractionFormValues,
} from './interactionForm';
import {
  ContactsField,
  NextStepFields,
  OccurredAtField,
  PurposeField,
  SummaryOutcomeFields,
} from './RecordFields';
import { ChannelIcon } from './tags';
import { StaleAlert, ProblemAlert } from '../../ui/FormAlerts';
import { focusOnOpen } from '../../ui/focusOnOpen';

/** The customer a new record is about, as far as the caller knows it. */
export type CustomerRef = Pick<Customer, 'id' | 'name'>;

type Props = {
  /** The record to change; undefined to record a new contact. */
  interaction?: Interaction;
  /** The customer of a new record, when the dialog is opened from it. */
  customer?: CustomerRef;
  onClose: () => void;
};

/**
 * Records a contact (客户接触记录), or changes one: customer, channel, a real purpose,
 * summary, outcome, the next step with its due date and owner, the customer's contacts who
 * took part, when it happened, and whether the customer asked for something (首问负责制).
 * Built for the keyboard: typing starts in the first empty required field, Enter saves,
 * Ctrl+Enter saves from a text area, Esc closes. Mount it when asked for.
 */
export function RecordContactModal({ interaction, customer, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<InteractionFormValues>();
  const create = useCreateInteraction();
  const update = useUpdateInteraction();
  // The version a change is based on; replaced by the latest after a 412 and "reload".
  const [base, setBase] = useState<Interaction | undefined>(interaction);
  const [initialValues] = useState<InteractionFormValues>(() =>
    interaction ? formValuesOf(interaction) : newFormValues(customer?.id),
  );
  const [problem, setProblem] = useState<string | null>(null);
  const [stale, setStale] = useState(false);

  const customerId = Form.useWatch('customer_id', form) ?? initialValues.customer_id ?? null;
  const editing = base !== undefined;

  const handlePickCustomer = (c: Customer) => {
    client.setQueryData(customerKey(c.id), c);
    form.setFieldsValue({ contact_ids: [] });
  };

  const placeErrors = (e: unknown) => {
    const { fields, unplaced } = placeFieldProblems(t, e, formFieldOf);
    form.setFields(fields);
    if (unplaced.length) setProblem(unplaced.join(t('common.listSeparator')));
    else if (fields.length === 0) setProblem(errorMessage(t, e));
  };

  const handleFinish = async (values: InteractionFormValues) => {
    setProblem(null);
    try {
      if (base) {
        const patch = toPatch(values, base);
        if (Object.keys(patch).length > 0) {
          await update.mutateAsync({ interaction: base, patch });
          void message.success(t('interaction.updated'));
        }
      } else {
        const saved = await create.mutateAsync(toCreateBody(values));
        void message.success(t('interaction.saved', { customer: saved.customer_name }));
      }
      onClose();
    } catch (e) {
      if (isApiError(e) && e.isStaleVersion) setStale(true);
      else placeErrors(e);
    }
  };

  const handleReload = async () => {
    if (!base) return;
    try {
      const latest = await request<Interaction>('GET', `/interactions/${base.id}`);
      setBase(latest);
      form.setFieldsValue(formValuesOf(latest));
      setStale(false);
    } catch (e) {
      setProblem(errorMessage(t, e));
    }
  };

  const focusFirstEmpty = () => {
    form.focusField(firstEmptyRequired(form.getFieldsValue()));
  };

  const saving = create.isPending || update.isPending;

  return (
    <Modal
      open
      title={
        editing
          ? t('interaction.editTitle', { customer: base.customer_name })
          : customer
            ? t('interaction.recordFor', { customer: customer.name })
            : t('interaction.record')
      }
      onCancel={onClose}
      afterOpenChange={(open) => open && focusOnOpen(focusFirstEmpty)}
      onOk={() => form.submit()}
      okText={t('common.save')}
      okButtonProps={{ disabled: stale, 'data-testid': 'interaction-ok' }}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      footer={(_, { OkBtn, CancelBtn }) => (
        <KeysFooter hint={t('interaction.keys')}>
          <CancelBtn />
          <OkBtn />
        </KeysFooter>
      )}
      width={720}
      destroyOnHidden
      data-testid="interaction-modal"
    >
      {stale && (
        <StaleAlert
          title={t('interaction.stale.title')}
          description={t('interaction.stale.description')}
          onReload={() => void handleReload()}
        />
      )}
      <ProblemAlert
        testId="interaction-problem"
        title={t('interaction.notSaved')}
        problem={problem}
      />
      <SubmitOnEnter form={form}>
        <Form<InteractionFormValues>
          form={form}
          layout="vertical"
          initialValues={initialValues}
          onFinish={(v) => void handleFinish(v)}
          data-testid="interaction-form"
        >
          <Row gutter={16}>
            <Col xs={24} md={16}>
              <Form.Item
                name="customer_id"
                label={t('interaction.field.customer')}
                rules={[requiredRule(t)]}
              >
                <CustomerSelect
                  disabled={editing || customer !== undefined}
                  valueLabel={base?.customer_name ?? customer?.name}
                  onPick={handlePickCustomer}
                  data-testid="interaction-customer"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="channel"
                label={t('interaction.field.channel')}
                rules={[requiredRule(t)]}
              >
                <Select
                  showSearch
                  optionFilterProp="label"
                  options={CHANNELS.map((c) => ({
                    value: c,
                    label: t(`interaction.channel.${c}`),
                  }))}
                  optionRender={(o) => (
                    <span>
                      <ChannelIcon channel={o.value as (typeof CHANNELS)[number]} /> {o.label}
                    </span>
                  )}
                  data-testid="interaction-channel"
                />
              </Form.Item>
            </Col>
          </Row>
          <PurposeField
            label={t('interaction.field.purpose')}
            placeholder={t('interaction.purposeHint')}
            testId="interaction-purpose"
          />
          <SummaryOutcomeFields testIdPrefix="interaction" />
          <ContactsField
            customerId={customerId}
            label={t('interaction.field.contact_ids')}
            placeholder={t('interaction.whoTookPart')}
            testId="interaction-contacts"
          />
          <NextStepFields
            editing={editing}
            customerId={customerId}
            currentOwner={
              base?.next_step_owner_id != null
                ? { id: base.next_step_owner_id, name: base.next_step_owner_name }
                : null
            }
            testIdPrefix="interaction"
          />
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <OccurredAtField required testId="interaction-occurred-at" />
            </Col>
            <Col xs={24} md={16}>
              <Form.Item
                name="is_request"
                label=" "
                colon={false}
                valuePropName="checked"
                extra={editing ? undefined : t('interaction.requestHint')}
              >
                <Checkbox disabled={editing} data-testid="interaction-request">
                  {t('interaction.field.is_request')}
                </Checkbox>
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </SubmitOnEnter>
    </Modal>
  );
}
