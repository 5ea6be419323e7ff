import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { checkRule, requiredRule } from './formRules';
import { isAcceptablePassword } from './rules';

export type NewPassword = { new_password: string; confirm: string };

/** A new password and its confirmation, with the server's strength rule. */
export function PasswordFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="new_password"
        label={t('profile.newPassword')}
        extra={t('users.passwordHint')}
        rules={[requiredRule(t), checkRule(t, 'too_weak', isAcceptablePassword)]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('profile.confirmPassword')}
        dependencies={['new_password']}
        rules={[
          requiredRule(t),
          ({ getFieldValue }) => ({
            validator: async (_r, value: unknown) => {
              if (value && value !== getFieldValue('new_password')) {
                throw new Error(t('errors.field.mismatch'));
              }
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
