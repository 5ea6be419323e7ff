import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import type { VisitPlan } from '../../api/types';
import { errorMessage, fieldProblemMessage } from '../../app/errors';
import { KeysFooter, SubmitOnEnter } from '../../ui/SubmitOnEnter';
import { maxCharsRule, requiredRule } from '../validation/formRules';
import { fetchVisitPlan, useCancelVisitPlan } from './api';
import { whenText } from './whenText';
import { focusOnOpen } from '../../ui/focusOnOpen';

type Values = { reason?: string };
type Props = { plan: VisitPlan; onClose: () => void };

/** Cancels a visit with a reason (required). A plan changed meanwhile is read again first. */
export function CancelVisitModal({ plan, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const cancel = useCancelVisitPlan();
  const [base, setBase] = useState(plan);
  const [problem, setProblem] = useState<string | null>(null);

  const handleFinish = async ({ reason }: Values) => {
    setProblem(null);
    try {
      await cancel.mutateAsync({ plan: base, reason: (reason ?? '').trim() });
      void message.success(t('visitPlan.cancelled'));
      onClose();
    } catch (e) {
      const code = isApiError(e) ? e.fields.reason : undefined;
      if (code) {
        form.setFields([{ name: 'reason', errors: [fieldProblemMessage(t, code)] }]);
      } else if (isApiError(e) && e.isStaleVersion) {
        try {
          setBase(await fetchVisitPlan(base.id));
          setProblem(t('visitPlan.stale.reloaded'));
        } catch (again) {
          setProblem(errorMessage(t, again));
        }
      } else if (isApiError(e) && e.status === 409) {
        setProblem(t('visitPlan.closedMeanwhile'));
      } else {
        setProblem(errorMessage(t, e));
      }
    }
  };

  return (
    <Modal
      open
      title={t('visitPlan.cancelTitle', { customer: base.customer_name })}
      onCancel={onClose}
      afterOpenChange={(open) => open && focusOnOpen(() => form.focusField('reason'))}
      onOk={() => form.submit()}
      okText={t('visitPlan.cancelOk')}
      okButtonProps={{ danger: true, 'data-testid': 'visit-cancel-ok' }}
      cancelText={t('visitPlan.keep')}
      confirmLoading={cancel.isPending}
      footer={(_, { OkBtn, CancelBtn }) => (
        <KeysFooter hint={t('visitPlan.cancelKeys')}>
          <CancelBtn />
          <OkBtn />
        </KeysFooter>
      )}
      destroyOnHidden
      data-testid="visit-cancel-modal"
    >
      <Typography.Paragraph>
        {whenText(t, base, i18n.language)}
        <br />
        <Typography.Text strong>{base.purpose}</Typography.Text>
      </Typography.Paragraph>
      {problem && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="visit-cancel-problem"
          message={t('interaction.notSaved')}
          description={problem}
          style={{ marginBottom: 16 }}
        />
      )}
      <SubmitOnEnter form={form}>
        <Form<Values>
          form={form}
          name="visit-cancel"
          layout="vertical"
          onFinish={(v) => void handleFinish(v)}
        >
          <Form.Item
            name="reason"
            label={t('visitPlan.field.reason')}
            rules={[requiredRule(t), maxCharsRule(t, 500)]}
          >
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 5 }}
              data-testid="visit-cancel-reason"
            />
          </Form.Item>
        </Form>
      </SubmitOnEnter>
    </Modal>
  );
}
