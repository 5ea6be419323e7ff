import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, request } from '../../api/client';
import type { Customer, Interaction } from '../../api/types';
import { errorMessage, fieldProblemMessage } from '../../app/errors';
import { useCurrentSession } from '../../app/sessionContext';
import { keyPressOf, submitsForm } from '../../ui/enterToSubmit';
import { useContacts } from '../contacts/api';
import { customerKey, useCustomer } from '../customers/api';
import { CustomerSelect } from '../customers/CustomerSelect';
import { UserSelect } from '../users/UserSelect';
import { maxCharsRule, requiredRule } from '../validation/formRules';
import { isRealPurpose } from '../validation/rules';
import { useCreateInteraction, useUpdateInteraction } from './api';
import { CHANNELS } from './channels';
import {
  firstEmptyRequired,
  formFieldOf,
  formValuesOf,
  newFormValues,
  toCreateBody,
  toPatch,
  type InteractionField,
  type InteractionFormValues,
} from './interactionForm';
import { ChannelIcon } from './tags';

/** The customer a new record is about, as far as the caller knows it. */
export type CustomerRef = Pick<Customer, 'id' | 'name'>;

type Props = {
  /** The record to change; undefined to record a new contact. */
  interaction?: Interaction;
  /** The customer of a new record, when the dialog is opened from it. */
  customer?: CustomerRef;
  onClose: () => void;
};

const MAX_CONTACTS = 50;
// The server allows a few minutes' clock difference between browser and server.
const FUTURE_SLACK_MINUTES = 10;

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
  const { user: me, access } = useCurrentSession();
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
  const nextStep = Form.useWatch('next_step', form) ?? '';
  const picked = useCustomer(customerId ?? 0, customerId != null);
  const contacts = useContacts(customerId ?? 0, customerId != null);
  const editing = base !== undefined;

  const handlePickCustomer = (c: Customer) => {
    client.setQueryData(customerKey(c.id), c);
    form.setFieldsValue({ contact_ids: [] });
  };

  const placeErrors = (e: unknown) => {
    const byField = new Map<InteractionField, string[]>();
    const unplaced: string[] = [];
    for (const [field, code] of Object.entries(isApiError(e) ? e.fields : {})) {
      const name = formFieldOf(field);
      const text = fieldProblemMessage(t, code);
      if (name) byField.set(name, [...(byField.get(name) ?? []), text]);
      else unplaced.push(`${field}: ${text}`);
    }
    form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
    if (unplaced.length) setProblem(unplaced.join(t('common.listSeparator')));
    else if (byField.size === 0) setProblem(errorMessage(t, e));
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

  const handleKeyDown = (e: KeyboardEvent) => {
    if (!submitsForm(keyPressOf(e))) return;
    e.preventDefault();
    form.submit();
  };

  const focusFirstEmpty = () => {
    form.focusField(firstEmptyRequired(form.getFieldsValue()));
  };

  const ownerLabel = (id: number) =>
    id === me.id
      ? t('interaction.me', { name: me.display_name })
      : id === picked.data?.owner_id
        ? t('interaction.theKam', { name: picked.data.owner_name ?? `#${id}` })
        : base?.next_step_owner_id === id
          ? (base.next_step_owner_name ?? `#${id}`)
          : `#${id}`;
  // Without `user.read` no one can be searched: offer oneself and the account's KAM.
  const ownerChoices = [me.id, picked.data?.owner_id ?? null, base?.next_step_owner_id ?? null]
    .filter((id): id is number => id != null)
    .filter((id, k, all) => all.indexOf(id) === k);

  const saving = create.isPending || update.isPending;
  const futureLimit = () => dayjs().add(FUTURE_SLACK_MINUTES, 'minute');

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
      afterOpenChange={(open) => open && focusFirstEmpty()}
      onOk={() => form.submit()}
      okText={t('common.save')}
      okButtonProps={{ disabled: stale, 'data-testid': 'interaction-ok' }}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      footer={(_, { OkBtn, CancelBtn }) => (
        <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
          <Typography.Text type="secondary" style={{ flex: 1, textAlign: 'left', fontSize: 12 }}>
            {t('interaction.keys')}
          </Typography.Text>
          <CancelBtn />
          <OkBtn />
        </div>
      )}
      width={720}
      destroyOnHidden
      data-testid="interaction-modal"
    >
      {stale && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          data-testid="stale-version"
          message={t('interaction.stale.title')}
          description={t('interaction.stale.description')}
          action={
            <Button size="small" type="primary" onClick={() => void handleReload()}>
              {t('common.reload')}
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      {problem && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="interaction-problem"
          message={t('interaction.notSaved')}
          description={problem}
          style={{ marginBottom: 16 }}
        />
      )}
      <div onKeyDown={handleKeyDown}>
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
          <Form.Item
            name="purpose"
            label={t('interaction.field.purpose')}
            rules={[
              requiredRule(t),
              maxCharsRule(t, 200),
              {
                // Judged once the user has finished (leaving the field, saving), not at the
                // first character: "无线网络改造" starts with the placeholder "无".
                validateTrigger: 'onBlur',
                validator: async (_r, v: unknown) => {
                  const text = typeof v === 'string' ? v : '';
                  if (text.trim() !== '' && !isRealPurpose(text))
                    throw new Error(t('errors.field.not_a_purpose'));
                },
              },
            ]}
            validateFirst
            validateTrigger={['onChange', 'onBlur']}
          >
            <Input
              placeholder={t('interaction.purposeHint')}
              maxLength={400}
              data-testid="interaction-purpose"
            />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="summary"
                label={t('interaction.field.summary')}
                rules={[maxCharsRule(t, 4000)]}
              >
                <Input.TextArea
                  autoSize={{ minRows: 2, maxRows: 6 }}
                  data-testid="interaction-summary"
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
                  data-testid="interaction-outcome"
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="contact_ids"
            label={t('interaction.field.contact_ids')}
            rules={[
              {
                validator: async (_r, v: number[] | undefined) => {
                  if ((v?.length ?? 0) > MAX_CONTACTS)
                    throw new Error(t('errors.field.too_many_max', { max: MAX_CONTACTS }));
                },
              },
            ]}
          >
            <Select
              mode="multiple"
              allowClear
              optionFilterProp="label"
              disabled={customerId == null}
              loading={contacts.isFetching}
              placeholder={
                customerId == null
                  ? t('interaction.pickCustomerFirst')
                  : t('interaction.whoTookPart')
              }
              notFoundContent={t('contacts.none')}
              options={(contacts.data ?? []).map((c) => ({
                value: c.id,
                label: c.title ? `${c.name} · ${c.title}` : c.name,
              }))}
              data-testid="interaction-contacts"
            />
          </Form.Item>
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
                  data-testid="interaction-next-step"
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="next_step_due" label={t('interaction.dueLabel')}>
                <DatePicker
                  format="YYYY-MM-DD"
                  style={{ width: '100%' }}
                  disabled={nextStep.trim() === '' && !form.getFieldValue('next_step_due')}
                  data-testid="interaction-due"
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="next_step_owner_id" label={t('interaction.ownerLabel')}>
                {access.can('user.read') ? (
                  <UserSelect
                    filters={{ active: true }}
                    placeholder={t('interaction.me', { name: me.display_name })}
                    valueLabel={
                      base?.next_step_owner_id != null
                        ? ownerLabel(base.next_step_owner_id)
                        : undefined
                    }
                    data-testid="interaction-owner"
                  />
                ) : (
                  <Select<number>
                    allowClear
                    placeholder={t('interaction.me', { name: me.display_name })}
                    options={ownerChoices.map((id) => ({ value: id, label: ownerLabel(id) }))}
                    data-testid="interaction-owner"
                  />
                )}
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item
                name="occurred_at"
                label={t('interaction.field.occurred_at')}
                rules={[
                  requiredRule(t),
                  {
                    validator: async (_r, v: Dayjs | null | undefined) => {
                      if (v && v.isAfter(futureLimit()))
                        throw new Error(t('errors.field.in_the_future'));
                    },
                  },
                ]}
              >
                <DatePicker
                  showTime={{ format: 'HH:mm' }}
                  format="YYYY-MM-DD HH:mm"
                  disabledDate={(d) => d.isAfter(dayjs(), 'day')}
                  allowClear={false}
                  style={{ width: '100%' }}
                  data-testid="interaction-occurred-at"
                />
              </Form.Item>
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
      </div>
    </Modal>
  );
}
