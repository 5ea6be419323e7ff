import { DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import type { Contract } from '../../api/types';
import { errorMessage } from '../../app/errors';
import { formFieldIn, placeFieldProblems } from '../../app/fieldProblems';
import { ProblemAlert, StaleAlert } from '../../ui/FormAlerts';
import { focusOnOpen } from '../../ui/focusOnOpen';
import { KeysFooter, SubmitOnEnter } from '../../ui/SubmitOnEnter';
import { businessToday } from '../interactions/nextStep';
import { maxCharsRule, requiredRule } from '../validation/formRules';
import { fetchContract, useSaveContract } from './api';
import { notBeforeStartRule } from './contractRules';

type Values = { terminated_on: Dayjs | null; termination_reason?: string };
const FIELDS = ['terminated_on', 'termination_reason'] as const;

type Props = { customerId: number; contract: Contract; onClose: () => void };

/**
 * Terminates an active contract early (终止): the day it ended (today unless told, not before
 * it started) and why. Based on the version read; a 412 says so and offers to reload.
 */
export function TerminateContractModal({ customerId, contract, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSaveContract(customerId);
  const [base, setBase] = useState(contract);
  const [problem, setProblem] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [initialValues] = useState<Values>(() => ({
    terminated_on: dayjs(businessToday(), 'YYYY-MM-DD'),
    termination_reason: '',
  }));
  const alreadyTerminated = base.status === 'terminated';

  const handleFinish = async (values: Values) => {
    setProblem(null);
    try {
      await save.mutateAsync({
        contract: base,
        body: {
          status: 'terminated',
          terminated_on: values.terminated_on?.format('YYYY-MM-DD') ?? null,
          termination_reason: (values.termination_reason ?? '').trim(),
        },
      });
      onClose();
    } catch (e) {
      if (isApiError(e) && e.isStaleVersion) {
        setStale(true);
        return;
      }
      const { fields, unplaced } = placeFieldProblems(t, e, (f) => formFieldIn(FIELDS, f));
      form.setFields(fields);
      if (unplaced.length) setProblem(unplaced.join(t('common.listSeparator')));
      else if (fields.length === 0) setProblem(errorMessage(t, e));
    }
  };

  const handleReload = async () => {
    try {
      const latest = await fetchContract(customerId, base.id);
      setBase(latest);
      setStale(false);
      if (latest.status === 'terminated') setProblem(t('contracts.alreadyTerminated'));
    } catch (e) {
      setProblem(errorMessage(t, e));
    }
  };

  return (
    <Modal
      open
      title={t('contracts.terminateTitle', { number: base.number })}
      onCancel={onClose}
      afterOpenChange={(open) => open && focusOnOpen(() => form.focusField('termination_reason'))}
      onOk={() => form.submit()}
      okText={t('contracts.terminate')}
      okButtonProps={{
        danger: true,
        disabled: stale || alreadyTerminated,
        'data-testid': 'contract-terminate-ok',
      }}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      footer={(_, { OkBtn, CancelBtn }) => (
        <KeysFooter hint={t('interaction.keys')}>
          <CancelBtn />
          <OkBtn />
        </KeysFooter>
      )}
      destroyOnHidden
      data-testid="contract-terminate-modal"
    >
      <Typography.Paragraph>
        <Typography.Text strong>{base.title}</Typography.Text>
        <br />
        <Typography.Text type="secondary">
          {t('contracts.period', { starts: base.starts_on, ends: base.ends_on ?? '…' })}
        </Typography.Text>
      </Typography.Paragraph>
      {stale && (
        <StaleAlert
          title={t('contracts.stale.title')}
          description={t('contracts.stale.description')}
          onReload={() => void handleReload()}
        />
      )}
      <ProblemAlert
        testId="contract-terminate-problem"
        title={t('contracts.notSaved')}
        problem={problem}
      />
      <SubmitOnEnter form={form}>
        <Form<Values>
          form={form}
          name="contract-terminate"
          layout="vertical"
          initialValues={initialValues}
          onFinish={(v) => void handleFinish(v)}
        >
          <Form.Item
            name="terminated_on"
            label={t('contract.field.terminated_on')}
            rules={[requiredRule(t), notBeforeStartRule(t, () => base.starts_on)]}
          >
            <DatePicker
              format="YYYY-MM-DD"
              allowClear={false}
              style={{ width: '100%' }}
              data-testid="contract-terminated-on"
            />
          </Form.Item>
          <Form.Item
            name="termination_reason"
            label={t('contract.field.termination_reason')}
            rules={[maxCharsRule(t, 500)]}
          >
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 4 }}
              data-testid="contract-termination-reason"
            />
          </Form.Item>
        </Form>
      </SubmitOnEnter>
    </Modal>
  );
}
