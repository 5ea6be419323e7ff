import { CheckCircleFilled } from '@ant-design/icons';
import { Alert, Button, Descriptions, Form, Modal, Result, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../api/client';
import type { Interaction, VisitPlan } from '../../api/types';
import { errorMessage } from '../../app/errors';
import { placeFieldProblems } from '../../app/fieldProblems';
import { KeysFooter, SubmitOnEnter } from '../../ui/SubmitOnEnter';
import {
  ContactsField,
  NextStepFields,
  OccurredAtField,
  SummaryOutcomeFields,
} from '../interactions/RecordFields';
import { atMostRule } from '../interactions/recordRules';
import { fetchVisitPlan, useCompleteVisitPlan } from './api';
import { ParticipantsSelect } from './ParticipantsSelect';
import { MAX_PARTICIPANTS } from './visitForm';
import { VisitStatusTag } from './tags';
import {
  completeFieldOf,
  completeValuesOf,
  toCompleteBody,
  type CompleteFormValues,
} from './visitForm';
import { whenText } from './whenText';
import { StaleAlert, ProblemAlert } from '../../ui/FormAlerts';
import { focusOnOpen } from '../../ui/focusOnOpen';

type Props = { plan: VisitPlan; onClose: () => void };

/**
 * Completes a visit: what happened, its outcome and the next step (due date, owner), the
 * contacts met and colleagues who went — the server writes the visit's contact record
 * (channel "visit") from the plan and these, in one go. A missed plan is completed late.
 * Then the dialog says so and links to the record. Mount it when asked for.
 */
export function CompleteVisitModal({ plan, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<CompleteFormValues>();
  const complete = useCompleteVisitPlan();
  const [base, setBase] = useState<VisitPlan>(plan);
  const [initialValues] = useState(() => completeValuesOf(plan));
  const [problem, setProblem] = useState<string | null>(null);
  const [reloaded, setReloaded] = useState(false);
  const [record, setRecord] = useState<Interaction | null>(null);

  const handleFinish = async (values: CompleteFormValues) => {
    setProblem(null);
    setReloaded(false);
    try {
      const done = await complete.mutateAsync({ plan: base, body: toCompleteBody(values, base) });
      setRecord(done.interaction);
    } catch (e) {
      if (isApiError(e) && e.isStaleVersion) {
        // Changed meanwhile (rescheduled, say): read it again and let the user look first.
        try {
          setBase(await fetchVisitPlan(base.id));
          setReloaded(true);
        } catch (again) {
          setProblem(errorMessage(t, again));
        }
      } else if (isApiError(e) && e.status === 409) {
        setProblem(t('visitPlan.closedMeanwhile'));
      } else {
        const { fields, unplaced } = placeFieldProblems(t, e, completeFieldOf);
        form.setFields(fields);
        if (unplaced.length) setProblem(unplaced.join(t('common.listSeparator')));
        else if (fields.length === 0) setProblem(errorMessage(t, e));
      }
    }
  };

  if (record) {
    return (
      <Modal
        open
        title={t('visitPlan.completeTitle', { customer: base.customer_name })}
        onCancel={onClose}
        footer={null}
        destroyOnHidden
        data-testid="visit-complete-modal"
      >
        <div data-testid="visit-completed">
          <Result
            icon={<CheckCircleFilled style={{ color: '#52c41a' }} />}
            title={t('visitPlan.completed')}
            subTitle={t('visitPlan.completedRecord', { customer: record.customer_name })}
            extra={
              <Space wrap style={{ justifyContent: 'center' }}>
                <Link
                  to={`/customers/${record.customer_id}?tab=interactions`}
                  onClick={onClose}
                  data-testid="visit-record-link"
                >
                  {t('visitPlan.openRecord')}
                </Link>
                <Button
                  type="primary"
                  autoFocus
                  onClick={onClose}
                  data-testid="visit-complete-close"
                >
                  {t('visitPlan.close')}
                </Button>
              </Space>
            }
          />
        </div>
      </Modal>
    );
  }

  return (
    <Modal
      open
      title={t('visitPlan.completeTitle', { customer: base.customer_name })}
      onCancel={onClose}
      afterOpenChange={(open) => open && focusOnOpen(() => form.focusField('summary'))}
      onOk={() => form.submit()}
      okText={t('visitPlan.complete')}
      okButtonProps={{ 'data-testid': 'visit-complete-ok' }}
      cancelText={t('common.cancel')}
      confirmLoading={complete.isPending}
      footer={(_, { OkBtn, CancelBtn }) => (
        <KeysFooter hint={t('interaction.keys')}>
          <CancelBtn />
          <OkBtn />
        </KeysFooter>
      )}
      width={720}
      destroyOnHidden
      data-testid="visit-complete-modal"
    >
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 16 }}
        items={[
          {
            key: 'when',
            label: t('visitPlan.field.planned_on'),
            children: (
              <Space wrap size={8}>
                {whenText(t, base, i18n.language)}
                <VisitStatusTag status={base.status} />
              </Space>
            ),
          },
          { key: 'purpose', label: t('visitPlan.field.purpose'), children: base.purpose },
        ]}
      />
      {base.status === 'missed' && (
        <Alert
          type="info"
          showIcon
          message={t('visitPlan.lateHint')}
          style={{ marginBottom: 16 }}
        />
      )}
      {reloaded && (
        <StaleAlert
          title={t('visitPlan.stale.title')}
          description={t('visitPlan.stale.reloaded')}
        />
      )}
      <ProblemAlert
        testId="visit-complete-problem"
        title={t('interaction.notSaved')}
        problem={problem}
      />
      <SubmitOnEnter form={form}>
        <Form<CompleteFormValues>
          form={form}
          name="visit-complete"
          layout="vertical"
          initialValues={initialValues}
          onFinish={(v) => void handleFinish(v)}
          data-testid="visit-complete-form"
        >
          <SummaryOutcomeFields testIdPrefix="visit-complete" />
          <NextStepFields customerId={base.customer_id} testIdPrefix="visit-complete" />
          <ContactsField
            customerId={base.customer_id}
            label={t('visitPlan.field.contactsMet')}
            placeholder={t('interaction.whoTookPart')}
            testId="visit-complete-contacts"
          />
          <Form.Item
            name="participant_ids"
            label={t('visitPlan.field.participant_ids')}
            rules={[atMostRule(t, MAX_PARTICIPANTS)]}
          >
            <ParticipantsSelect
              customerId={base.customer_id}
              known={base.participants}
              placeholder={t('visitPlan.whoGoesAlong')}
              data-testid="visit-complete-participants"
            />
          </Form.Item>
          <OccurredAtField
            required={false}
            placeholder={t('visitPlan.occurredHint')}
            testId="visit-complete-occurred-at"
          />
        </Form>
      </SubmitOnEnter>
    </Modal>
  );
}
