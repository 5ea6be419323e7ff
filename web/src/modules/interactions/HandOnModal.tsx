import { Alert, App, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import type { Interaction, UserWhoSees } from '../../api/types';
import { errorMessage, fieldProblemMessage } from '../../app/errors';
import { useCurrentSession } from '../../app/sessionContext';
import { ColleagueSelect } from '../users/ColleagueSelect';
import { requiredRule } from '../validation/formRules';
import { useUpdateInteraction } from './api';

type Values = { first_contact_owner_id?: number | null };

type Props = { interaction: Interaction; onClose: () => void };

/**
 * Hands a customer's request on to another user (首问负责制): any active colleague who sees
 * the customer. Mount it when asked for.
 */
export function HandOnModal({ interaction, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user: me } = useCurrentSession();
  const [form] = Form.useForm<Values>();
  const update = useUpdateInteraction();
  const [picked, setPicked] = useState<UserWhoSees | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const handleFinish = async ({ first_contact_owner_id: to }: Values) => {
    if (!to) return;
    setProblem(null);
    const name = picked?.id === to ? picked.display_name : `#${to}`;
    try {
      await update.mutateAsync({ interaction, patch: { first_contact_owner_id: to } });
      void message.success(t('interaction.handedOn', { name }));
      onClose();
    } catch (e) {
      const code = isApiError(e) ? e.fields.first_contact_owner_id : undefined;
      if (code) {
        form.setFields([
          { name: 'first_contact_owner_id', errors: [fieldProblemMessage(t, code)] },
        ]);
      } else {
        setProblem(
          isApiError(e) && e.isStaleVersion ? t('interaction.staleList') : errorMessage(t, e),
        );
      }
    }
  };

  return (
    <Modal
      open
      title={t('interaction.handOnTitle', { customer: interaction.customer_name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('interaction.handOn')}
      okButtonProps={{ 'data-testid': 'hand-on-ok' }}
      cancelText={t('common.cancel')}
      confirmLoading={update.isPending}
      destroyOnHidden
      data-testid="hand-on-modal"
    >
      <Typography.Paragraph>
        <Typography.Text strong>{interaction.purpose}</Typography.Text>
      </Typography.Paragraph>
      {problem && (
        <Alert
          type="error"
          showIcon
          role="alert"
          message={t('interaction.actionFailed')}
          description={problem}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void handleFinish(v)}>
        <Form.Item
          name="first_contact_owner_id"
          label={t('interaction.handOnTo')}
          rules={[requiredRule(t)]}
          extra={t('interaction.handOnHint')}
        >
          <ColleagueSelect
            customerId={interaction.customer_id}
            unavailable={(u) => (u.id === me.id ? t('interaction.isYou') : null)}
            onPick={setPicked}
            data-testid="hand-on-user"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
