import { App, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types';
import { formFieldErrors } from '../../app/errors';
import { PasswordFields, type NewPassword } from '../validation/PasswordFields';
import { useResetPassword } from './api';

type Props = { user: User | null; onClose: () => void };

/** Sets a new password for another user (admins); their sessions end. */
export function ResetPasswordModal({ user, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewPassword>();
  const reset = useResetPassword();

  const handleFinish = async ({ new_password }: NewPassword) => {
    if (!user) return;
    try {
      await reset.mutateAsync({ user, password: new_password });
      void message.success(t('users.passwordReset', { name: user.display_name }));
      onClose();
    } catch (e) {
      form.setFields(
        formFieldErrors(t, e, ['password']).map((f) => ({ ...f, name: 'new_password' })),
      );
    }
  };

  return (
    <Modal
      open={user !== null}
      title={t('users.resetPasswordOf', { name: user?.display_name ?? '' })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={reset.isPending}
      destroyOnHidden
    >
      <Form<NewPassword>
        form={form}
        layout="vertical"
        onFinish={(v) => void handleFinish(v)}
        preserve={false}
      >
        <PasswordFields />
      </Form>
    </Modal>
  );
}
