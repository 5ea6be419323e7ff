import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Nomination } from '../../api/types';
import { formFieldErrors } from '../../app/errors';
import { maxCharsRule, requiredRule } from '../validation/formRules';
import { useDecideNomination, type Decision } from './api';
import { useExplainFailure, type Failure } from './useExplainFailure';

/** Longest comment the server takes (kMaxDecisionComment). */
const MAX_COMMENT = 2000;

type Props = {
  nomination: Nomination;
  /** The decision asked for; null: closed. */
  decision: Decision | null;
  onClose: () => void;
};

/**
 * Approves, rejects (a comment is required) or withdraws a request, with a comment that goes
 * to the nominator. A refusal is explained in place, from the request as it is now.
 */
export function DecisionModal({ nomination: n, decision, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ comment?: string }>();
  const decide = useDecideNomination();
  const explain = useExplainFailure();
  const [problem, setProblem] = useState<Failure | null>(null);
  const close = () => {
    setProblem(null);
    onClose();
  };

  useEffect(() => {
    if (decision) {
      form.resetFields();
    }
  }, [decision, form]);

  const handleFinish = async ({ comment }: { comment?: string }) => {
    if (!decision) return;
    setProblem(null);
    try {
      const saved = await decide.mutateAsync({
        id: n.id,
        decision,
        comment: comment?.trim() ?? '',
      });
      void message.success(
        t(`nomination.done.${decision}`, {
          customer: n.customer_name,
          status: t(`nomination.status.${saved.status}`),
        }),
      );
      close();
    } catch (e) {
      const fields = formFieldErrors(t, e, ['comment'] as const);
      if (fields.length) form.setFields(fields);
      else setProblem(await explain(e, decision === 'withdraw' ? 'withdraw' : 'decide', n.id));
    }
  };

  const reject = decision === 'reject';
  return (
    <Modal
      open={decision !== null}
      title={decision && t(`nomination.decide.${decision}Title`, { customer: n.customer_name })}
      onCancel={close}
      onOk={() => form.submit()}
      okText={decision && t(`nomination.decide.${decision}`)}
      okButtonProps={{
        danger: reject || decision === 'withdraw',
        disabled: problem?.final,
        'data-testid': 'decision-ok',
      }}
      cancelText={t('common.cancel')}
      confirmLoading={decide.isPending}
      destroyOnHidden
      data-testid="decision-modal"
    >
      {problem && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="decision-problem"
          message={t('nomination.refused.title')}
          description={problem.text}
          style={{ marginBottom: 16 }}
        />
      )}
      {decision === 'approve' && n.level < n.levels && (
        <Typography.Paragraph type="secondary">
          {t('nomination.decide.nextLevel', { level: n.level, levels: n.levels })}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" onFinish={(v) => void handleFinish(v)}>
        <Form.Item
          name="comment"
          label={reject ? t('nomination.field.rejectComment') : t('nomination.field.comment')}
          rules={
            reject
              ? [requiredRule(t), maxCharsRule(t, MAX_COMMENT)]
              : [maxCharsRule(t, MAX_COMMENT)]
          }
          extra={reject ? t('nomination.decide.rejectHint') : undefined}
        >
          <Input.TextArea
            autoFocus
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={MAX_COMMENT}
            showCount
            data-testid="decision-comment"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
