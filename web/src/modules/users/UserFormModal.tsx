import { Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { User, UserCreate } from '../../api/types';
import { formFieldErrors } from '../../app/errors';
import { OrgUnitSelect } from '../orgUnits/OrgUnitSelect';
import { checkRule, maxCharsRule, requiredRule } from '../validation/formRules';
import {
  isAcceptablePassword,
  isValidEmail,
  isValidPhone,
  isValidUsername,
  trimSpace,
} from '../validation/rules';
import { ROLES, useSaveUser } from './api';

type Values = UserCreate;
const FIELDS = [
  'username',
  'password',
  'display_name',
  'role',
  'org_unit_id',
  'email',
  'phone',
] as const;

type Props = { user?: User; open: boolean; onClose: () => void };

/** Adds a user (with an initial password) or edits one; admins only. */
export function UserFormModal({ user, open, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSaveUser();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (user) form.setFieldsValue(user);
  }, [open, user, form]);

  const handleFinish = async (values: Values) => {
    const common = {
      display_name: trimSpace(values.display_name),
      role: values.role,
      org_unit_id: values.org_unit_id,
      email: trimSpace(values.email ?? ''),
      phone: trimSpace(values.phone ?? ''),
    };
    try {
      await save.mutateAsync(
        user
          ? { user, values: common }
          : { values: { ...common, username: values.username.trim(), password: values.password } },
      );
      onClose();
    } catch (e) {
      form.setFields(formFieldErrors(t, e, FIELDS));
    }
  };

  return (
    <Modal
      open={open}
      title={user ? t('users.edit') : t('users.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void handleFinish(v)}>
        {!user && (
          <>
            <Form.Item
              name="username"
              label={t('user.field.username')}
              extra={t('users.usernameHint')}
              rules={[requiredRule(t), checkRule(t, 'invalid_username', isValidUsername)]}
            >
              <Input autoComplete="off" autoFocus />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('user.field.password')}
              extra={t('users.passwordHint')}
              rules={[requiredRule(t), checkRule(t, 'too_weak', isAcceptablePassword)]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="display_name"
          label={t('user.field.display_name')}
          rules={[requiredRule(t), maxCharsRule(t, 64)]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="role" label={t('user.field.role')} rules={[requiredRule(t)]}>
          <Select options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        </Form.Item>
        <Form.Item name="org_unit_id" label={t('user.field.org_unit_id')} rules={[requiredRule(t)]}>
          <OrgUnitSelect />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('user.field.email')}
          rules={[checkRule(t, 'invalid_email', isValidEmail)]}
        >
          <Input inputMode="email" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('user.field.phone')}
          rules={[checkRule(t, 'invalid_phone', isValidPhone)]}
        >
          <Input inputMode="tel" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
