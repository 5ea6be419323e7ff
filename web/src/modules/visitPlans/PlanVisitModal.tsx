import { useQueryClient } from '@tanstack/react-query';
import { App, Col, DatePicker, Form, Modal, Row, TimePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import type { Customer, VisitPlan } from '../../api/types';
import { errorMessage } from '../../app/errors';
import { placeFieldProblems } from '../../app/fieldProblems';
import { useCurrentSession } from '../../app/sessionContext';
import { KeysFooter, SubmitOnEnter } from '../../ui/SubmitOnEnter';
import { customerKey } from '../customers/api';
import { CustomerSelect } from '../customers/CustomerSelect';
import { businessToday } from '../interactions/nextStep';
import { ContactsField, PurposeField, type KnownUser } from '../interactions/RecordFields';
import type { CustomerRef } from '../interactions/RecordContactModal';
import { UserSelect } from '../users/UserSelect';
import { addDays } from '../../ui/week';
import { atMostRule } from '../interactions/recordRules';
import { requiredRule } from '../validation/formRules';
import { fetchVisitPlan, useCreateVisitPlan, useUpdateVisitPlan } from './api';
import { ParticipantsSelect } from './ParticipantsSelect';
import {
  firstEmptyVisitField,
  newVisitValues,
  toVisitCreate,
  toVisitPatch,
  visitFieldOf,
  visitValuesOf,
  MAX_PARTICIPANTS,
  type VisitFormValues,
} from './visitForm';
import { StaleAlert, ProblemAlert } from '../../ui/FormAlerts';
import { focusOnOpen } from '../../ui/focusOnOpen';

// The server plans at most a year ahead (engagement/visit_plan.h).
const MAX_DAYS_AHEAD = 366;

type Props = {
  /** The plan to change; undefined to plan a new visit. */
  plan?: VisitPlan;
  /** Changing a missed plan's day: the title says so and typing starts at the day. */
  reschedule?: boolean;
  /** A new plan's customer, day and visitor, when known. */
  customer?: CustomerRef;
  day?: string;
  owner?: KnownUser;
  onClose: () => void;
};

/**
 * Plans a visit (拜访计划), or reschedules and changes one: the customer, the day (not in the
 * past) and an optional start time, a real purpose, the customer's contacts to meet and the
 * colleagues going along. Those who may look users up plan for someone else too. Changes
 * are based on the version read (If-Match); a 412 offers to reload. Keyboard as the
 * record-a-contact dialog: Enter saves, Ctrl+Enter in a text area, Esc closes.
 */
export function PlanVisitModal({ plan, reschedule, customer, day, owner, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user: me, access } = useCurrentSession();
  const client = useQueryClient();
  const [form] = Form.useForm<VisitFormValues>();
  const create = useCreateVisitPlan();
  const update = useUpdateVisitPlan();
  const [base, setBase] = useState<VisitPlan | undefined>(plan);
  const [initialValues] = useState<VisitFormValues>(() =>
    plan
      ? visitValuesOf(plan)
      : newVisitValues({
          customerId: customer?.id,
          day,
          ownerId: owner && owner.id !== me.id ? owner.id : undefined,
        }),
  );
  const [problem, setProblem] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const customerId: number | null =
    Form.useWatch('customer_id', form) ?? initialValues.customer_id ?? null;
  const editing = base !== undefined;
  const today = businessToday();
  const lastDay = addDays(today, MAX_DAYS_AHEAD);

  const handlePickCustomer = (c: Customer) => {
    client.setQueryData(customerKey(c.id), c);
    form.setFieldsValue({ contact_ids: [] });
  };

  const handleFinish = async (values: VisitFormValues) => {
    setProblem(null);
    try {
      if (base) {
        const patch = toVisitPatch(values, base);
        if (Object.keys(patch).length > 0) {
          await update.mutateAsync({ plan: base, patch });
          void message.success(t('visitPlan.updated'));
        }
      } else {
        const saved = await create.mutateAsync(toVisitCreate(values));
        void message.success(
          t('visitPlan.saved', { customer: saved.customer_name, day: saved.planned_on }),
        );
      }
      onClose();
    } catch (e) {
      if (isApiError(e) && e.isStaleVersion) {
        setStale(true);
      } else if (isApiError(e) && e.status === 409) {
        setProblem(t('visitPlan.closedMeanwhile'));
      } else {
        const { fields, unplaced } = placeFieldProblems(t, e, visitFieldOf);
        form.setFields(fields);
        if (unplaced.length) setProblem(unplaced.join(t('common.listSeparator')));
        else if (fields.length === 0) setProblem(errorMessage(t, e));
      }
    }
  };

  const handleReload = async () => {
    if (!base) return;
    try {
      const latest = await fetchVisitPlan(base.id);
      setBase(latest);
      form.setFieldsValue(visitValuesOf(latest));
      setStale(false);
    } catch (e) {
      setProblem(errorMessage(t, e));
    }
  };

  const focusFirst = () =>
    form.focusField(reschedule ? 'planned_on' : firstEmptyVisitField(form.getFieldsValue()));

  const title = base
    ? t(reschedule ? 'visitPlan.rescheduleTitle' : 'visitPlan.editTitle', {
        customer: base.customer_name,
      })
    : customer
      ? t('visitPlan.planFor', { customer: customer.name })
      : t('visitPlan.plan');
  const canPickOwner = access.can('user.read');
  const ownerLabel =
    base && base.owner_id !== me.id
      ? base.owner_name
      : owner && owner.id !== me.id
        ? owner.name
        : undefined;

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      afterOpenChange={(open) => open && focusOnOpen(focusFirst)}
      onOk={() => form.submit()}
      okText={t('common.save')}
      okButtonProps={{ disabled: stale, 'data-testid': 'visit-plan-ok' }}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      footer={(_, { OkBtn, CancelBtn }) => (
        <KeysFooter hint={t('interaction.keys')}>
          <CancelBtn />
          <OkBtn />
        </KeysFooter>
      )}
      width={720}
      destroyOnHidden
      data-testid="visit-plan-modal"
    >
      {stale && (
        <StaleAlert
          title={t('visitPlan.stale.title')}
          description={t('visitPlan.stale.description')}
          onReload={() => void handleReload()}
        />
      )}
      <ProblemAlert
        testId="visit-plan-problem"
        title={t('interaction.notSaved')}
        problem={problem}
      />
      <SubmitOnEnter form={form}>
        <Form<VisitFormValues>
          form={form}
          name="visit-plan"
          layout="vertical"
          initialValues={initialValues}
          onFinish={(v) => void handleFinish(v)}
          data-testid="visit-plan-form"
        >
          <Row gutter={16}>
            <Col xs={24} md={canPickOwner ? 14 : 24}>
              <Form.Item
                name="customer_id"
                label={t('visitPlan.field.customer')}
                rules={[requiredRule(t)]}
              >
                <CustomerSelect
                  disabled={editing || customer !== undefined}
                  valueLabel={base?.customer_name ?? customer?.name}
                  onPick={handlePickCustomer}
                  data-testid="visit-plan-customer"
                />
              </Form.Item>
            </Col>
            {canPickOwner && (
              <Col xs={24} md={10}>
                <Form.Item name="owner_id" label={t('visitPlan.field.owner_id')}>
                  <UserSelect
                    filters={{ active: true }}
                    placeholder={t('interaction.me', { name: me.display_name })}
                    valueLabel={ownerLabel}
                    data-testid="visit-plan-owner"
                  />
                </Form.Item>
              </Col>
            )}
          </Row>
          <Row gutter={16}>
            <Col xs={12} md={8}>
              <Form.Item
                name="planned_on"
                label={t('visitPlan.field.planned_on')}
                rules={[
                  requiredRule(t),
                  {
                    validator: async (_r, v: Dayjs | null | undefined) => {
                      const picked = v?.format('YYYY-MM-DD');
                      // A missed plan may keep its day while other things change.
                      if (!picked || picked === base?.planned_on) return;
                      if (picked < today) throw new Error(t('errors.field.in_the_past'));
                      if (picked > lastDay) throw new Error(t('errors.field.too_far_ahead'));
                    },
                  },
                ]}
              >
                <DatePicker
                  format="YYYY-MM-DD"
                  allowClear={false}
                  disabledDate={(d) => {
                    const picked = d.format('YYYY-MM-DD');
                    return picked < today || picked > lastDay;
                  }}
                  style={{ width: '100%' }}
                  data-testid="visit-plan-day"
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="start_time" label={t('visitPlan.field.start_time')}>
                <TimePicker
                  format="HH:mm"
                  minuteStep={5}
                  needConfirm={false}
                  placeholder={t('visitPlan.anyTime')}
                  style={{ width: '100%' }}
                  data-testid="visit-plan-time"
                />
              </Form.Item>
            </Col>
          </Row>
          <PurposeField
            label={t('visitPlan.field.purpose')}
            placeholder={t('interaction.purposeHint')}
            testId="visit-plan-purpose"
          />
          <ContactsField
            customerId={customerId}
            label={t('visitPlan.field.contact_ids')}
            placeholder={t('visitPlan.whoToMeet')}
            testId="visit-plan-contacts"
          />
          <Form.Item
            name="participant_ids"
            label={t('visitPlan.field.participant_ids')}
            rules={[atMostRule(t, MAX_PARTICIPANTS)]}
            extra={access.can('user.read') ? undefined : t('visitPlan.teamOnly')}
          >
            <ParticipantsSelect
              customerId={customerId}
              known={base?.participants}
              placeholder={t('visitPlan.whoGoesAlong')}
              data-testid="visit-plan-participants"
            />
          </Form.Item>
        </Form>
      </SubmitOnEnter>
    </Modal>
  );
}
