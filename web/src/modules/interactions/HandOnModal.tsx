import { Alert, App, Form, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import type { Interaction, User } from '../../api/types';
import { errorMessage, fieldProblemMessage } from '../../app/errors';
import { useCurrentSession } from '../../app/sessionContext';
import { useCustomer } from '../customers/api';
import { UserSelect } from '../users/UserSelect';
import { requiredRule } from '../validation/formRules';
import { useUpdateInteraction } from './api';

type Values = { first_contact_owner_id?: number | null };

type Props = { interaction: Interaction; onClose: () => void };

/**
 * Hands a customer's request on to another user (首问负责制): they must see the customer.
 * Users who may not look users up (`user.read`) can hand it on to the account's KAM only.
 * Mount it when asked for.
 */
export function HandOnModal({ interaction, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user: me, access } = useCurrentSession();
  const [form] = Form.useForm<Values>();
  const update = useUpdateInteraction();
  const canSearch = access.can('user.read');
  const customer = useCustomer(interaction.customer_id, !canSearch);
  const [picked, setPicked] = useState<User | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const kam = customer.data?.owner_id ?? null;
  const kamChoice = kam !== null && kam !== me.id ? kam : null;

  const handleFinish = async ({ first_contact_owner_id: to }: Values) => {
    if (!to) return;
    setProblem(null);
    const name =
      picked?.id === to
        ? picked.display_name
        : to === kam
          ? (customer.data?.owner_name ?? `#${to}`)
          : `#${to}`;
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
      okButtonProps={{ 'data-testid': 'hand-on-ok', disabled: !canSearch && kamChoice === null }}
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
          extra={
            canSearch
              ? t('interaction.handOnHint')
              : kamChoice === null && !customer.isPending
                ? t('interaction.handOnNoKam')
                : t('interaction.handOnKamOnly')
          }
        >
          {canSearch ? (
            <UserSelect
              filters={{ active: true }}
              unavailable={(u) => (u.id === me.id ? t('interaction.isYou') : null)}
              onPick={setPicked}
              data-testid="hand-on-user"
            />
          ) : (
            <Select<number>
              loading={customer.isPending}
              options={
                kamChoice !== null
                  ? [
                      {
                        value: kamChoice,
                        label: t('interaction.theKam', {
                          name: customer.data?.owner_name ?? `#${kamChoice}`,
                        }),
                      },
                    ]
                  : []
              }
              data-testid="hand-on-user"
            />
          )}
        </Form.Item>
      </Form>
    </Modal>
  );
}
